import { ORDER_STATUSES } from "@relief/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Card, Select, type TableProps } from "antd";
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
  const status = ORDER_STATUSES.find((s) => s === list.params.get("orderStatus"));
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
        <Select
          allowClear
          className="filter-narrow"
          placeholder={t("orders.incident.allStatuses")}
          value={status}
          onChange={(value) => list.setFilters({ orderStatus: value })}
          options={ORDER_STATUSES.map((value) => ({ value, label: t(`orders.status.${value}`) }))}
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
