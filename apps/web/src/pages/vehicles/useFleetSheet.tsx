import type { ReactNode } from "react";
import { useSheetTransfer } from "../../components/useSheetTransfer";
import { useI18n } from "../../i18n";
import { queryClient, trpc } from "../../trpc";

/**
 * The fleet sheet: export the register, edit it, import it back (a known plate updates its vehicle, a new one
 * registers a vehicle).
 */
export function useFleetSheet(canImport: boolean): { buttons: ReactNode; outcome: ReactNode } {
  const { t } = useI18n();
  return useSheetTransfer({
    testId: "vehicles",
    canImport,
    exportFile: () =>
      queryClient.fetchQuery({ ...trpc.vehicles.exportSheet.queryOptions(), staleTime: 0, gcTime: 0 }),
    importOptions: trpc.vehicles.importSheet.mutationOptions(),
    invalidate: () => void queryClient.invalidateQueries(trpc.vehicles.pathFilter()),
    done: (r) => t("vehicles.import.done", r),
  });
}
