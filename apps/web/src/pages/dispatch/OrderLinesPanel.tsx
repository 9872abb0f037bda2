import { useQuery } from "@tanstack/react-query";
import { Skeleton } from "antd";
import { QueryError } from "../../components/QueryError";
import { useStockRefs } from "../../components/stock/useStockRefs";
import { trpc } from "../../trpc";
import { OrderLinesTable } from "./OrderLinesTable";

/**
 * One order's lines, loaded when its row is opened in a plan's order list: agreement stock shows its call-off
 * and the enterprise's answer (estimated departure, or what it cannot deliver) as soon as it is given.
 */
export function OrderLinesPanel({ orderId }: { orderId: number }) {
  const refs = useStockRefs();
  const order = useQuery(trpc.dispatch.order.queryOptions({ orderId }, { staleTime: 0 }));
  if (order.isPending) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (order.isError) return <QueryError error={order.error} onRetry={() => order.refetch()} />;
  return <OrderLinesTable order={order.data} refs={refs} />;
}
