import { ORDER_STATUSES } from "@relief/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Card, type TableProps } from "antd";
import { CodeFilter } from "../../components/CodeFilter";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n";
import { useUrlListState } from "../../lib/useUrlListState";
import { trpc } from "../../trpc";
import { OrdersTable } from "./OrdersTable";
import type { OrderSummary } from "./orderTypes";

/** The incident's dispatch orders of every plan version, paged, with the status filter kept in the address. */
export function IncidentOrders({ incidentId }: { incidentId: number }) {
  const { t } = useI18n();
  const list = useUrlListState({ defaultPageSize: 20 });
  const status = list.code("orderStatus", ORDER_STATUSES);
  const query = useQuery(
    trpc.dispatch.orders.queryOptions(
      { incidentId, status, ...list.paging },
      { placeholderData: keepPreviousData, staleTime: 0 },
    ),
  );
  const table = list.tableProps<OrderSummary>(query.data?.total);

  return (
    <Card
      title={t("orders.incident.title")}
      data-testid="incident-orders"
      extra={
        <CodeFilter
          list={list}
          name="orderStatus"
          codes={ORDER_STATUSES}
          label={(s) => t(`orders.status.${s}`)}
          placeholder={t("orders.incident.allStatuses")}
          data-testid="incident-orders-status"
        />
      }
    >
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <OrdersTable
          rows={query.data?.rows ?? []}
          loading={query.isFetching}
          showPlan
          pagination={table.pagination}
          onChange={table.onChange as TableProps<OrderSummary>["onChange"]}
        />
      )}
    </Card>
  );
}
