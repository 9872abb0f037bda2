import {
  ApprovePlanInput,
  approvePlan,
  CancelDispatchInput,
  CompareInput,
  cancelDispatch,
  comparePlans,
  DepartOrderInput,
  departOrder,
  exportOrder,
  getOrder,
  getPlan,
  listOrders,
  listPlans,
  OrderIdInput,
  OrdersInput,
  PlanIdInput,
  PlanInput,
  PlansInput,
  planDispatch,
  ReceiveOrderInput,
  ReplanInput,
  receiveOrder,
  replanIncident,
} from "@relief/core";
import { DISPATCH_READERS, DISPATCH_ROLES, DISPATCHERS, PLAN_APPROVAL_ROLES } from "@relief/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { toDownload } from "../files";
import { allow } from "../trpc";

export const dispatchRouter = {
  plan: allow(DISPATCHERS)
    .input(PlanInput)
    .mutation(({ ctx, input }) => planDispatch({ ctx, input })),
  get: allow(DISPATCH_READERS)
    .input(PlanIdInput)
    .query(({ ctx, input }) => getPlan(ctx.db, input.planId)),
  list: allow(DISPATCH_READERS)
    .input(PlansInput)
    .query(({ ctx, input }) => listPlans(ctx.db, input)),
  compare: allow(DISPATCH_READERS)
    .input(CompareInput)
    .query(({ ctx, input }) => comparePlans(ctx.db, input)),
  reach: allow(DISPATCH_READERS).query(({ ctx }) => ctx.offload("dispatch.reach", null)),
  /** Dispatchers or leaders, as the district's `planApproval` setting says (the core narrows it). */
  approve: allow(PLAN_APPROVAL_ROLES)
    .input(ApprovePlanInput)
    .mutation(({ ctx, input }) => approvePlan({ ctx, input })),
  orders: allow(DISPATCH_READERS)
    .input(OrdersInput)
    .query(({ ctx, input }) => listOrders(ctx.db, input)),
  order: allow(DISPATCH_READERS)
    .input(OrderIdInput)
    .query(({ ctx, input }) => getOrder(ctx.db, input.orderId)),
  /** The 调拨单 as .xlsx, the paper the driver carries. */
  exportOrder: allow(DISPATCH_READERS)
    .input(OrderIdInput)
    .query(({ ctx, input }) => toDownload(exportOrder(ctx.db, input.orderId))),
  cancel: allow(DISPATCHERS)
    .input(CancelDispatchInput)
    .mutation(({ ctx, input }) => cancelDispatch({ ctx, input })),
  /** Re-plans what has not left of the incident's approved plan, and approves it in the same swap. */
  replan: allow(DISPATCHERS)
    .input(ReplanInput)
    .mutation(({ ctx, input }) => replanIncident({ ctx, input })),
  /** Stock keepers in the warehouses they may post in (the core narrows it), dispatchers anywhere. */
  depart: allow(DISPATCH_ROLES)
    .input(DepartOrderInput)
    .mutation(({ ctx, input }) => departOrder({ ctx, input })),
  /** The township's receipt, recorded by a dispatcher on its behalf. */
  receive: allow(DISPATCHERS)
    .input(ReceiveOrderInput)
    .mutation(({ ctx, input }) => receiveOrder({ ctx, input })),
} satisfies TRPCRouterRecord;
