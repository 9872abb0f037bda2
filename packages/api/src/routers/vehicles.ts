import {
  CreateVehicleInput,
  createVehicle,
  exportVehicles,
  importVehicles,
  ListVehiclesInput,
  listVehicles,
  nowIso,
  UpdateVehicleInput,
  UploadInput,
  updateVehicle,
  vehicleFormOptions,
} from "@relief/core";
import { DISPATCH_READERS, FLEET_EDITORS } from "@relief/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { fromBase64, toDownload } from "../files";
import { allow } from "../trpc";

/** The fleet: dispatchers edit every vehicle, the commerce bureau only agreement trucks (the core decides). */
export const vehiclesRouter = {
  list: allow(DISPATCH_READERS)
    .input(ListVehiclesInput)
    .query(({ ctx, input }) => listVehicles(ctx.db, input)),
  options: allow(DISPATCH_READERS).query(({ ctx }) => vehicleFormOptions(ctx.db, nowIso(ctx))),
  create: allow(FLEET_EDITORS)
    .input(CreateVehicleInput)
    .mutation(({ ctx, input }) => createVehicle({ ctx, input })),
  update: allow(FLEET_EDITORS)
    .input(UpdateVehicleInput)
    .mutation(({ ctx, input }) => updateVehicle({ ctx, input })),
  exportSheet: allow(DISPATCH_READERS).query(({ ctx }) => toDownload(exportVehicles(ctx.db, nowIso(ctx)))),
  importSheet: allow(FLEET_EDITORS)
    .input(UploadInput)
    .mutation(({ ctx, input }) =>
      importVehicles({
        ctx,
        input: { fileName: input.fileName, content: fromBase64(input.contentBase64) },
      }),
    ),
} satisfies TRPCRouterRecord;
