import { ExportOutlined, NodeIndexOutlined } from "@ant-design/icons";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, App, Button, Card, Flex, Popconfirm, Table, Tag, Typography } from "antd";
import { useCurrentUser } from "../../auth/current-user";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n";
import { errorInfo } from "../../lib/errors";
import { formatDistrictDateTime } from "../../lib/format";
import { canPostIn } from "../../lib/roles";
import { queryClient, trpc } from "../../trpc";
import type { AidOutboundPlan, AidTrip, AidView } from "./aidTypes";

/**
 * 调运方案: for a neighbour's request, the dispatch planner's trips from Banan's warehouses to its entry node
 * by the needed-by time (truck, departure, arrival, load), what cannot be sent in time and why; a keeper who
 * may post in every planned warehouse issues it as planned (one mutual-aid issue per warehouse).
 */
export function AidPlanCard({ aid, active }: { aid: AidView; active: boolean }) {
  const { t, tm, list, formatNumber } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const query = useQuery(trpc.aid.outboundPlan.queryOptions({ requestId: aid.id }));
  const warehouses = useQuery(trpc.warehouses.list.queryOptions());
  const refresh = () => {
    void queryClient.invalidateQueries(trpc.aid.pathFilter());
    void queryClient.invalidateQueries(trpc.stock.pathFilter());
  };
  const onError = (error: unknown) => message.error(errorInfo(error, t("errors.network"), tm).message);
  const plan = useMutation(trpc.aid.planOutbound.mutationOptions({ onSuccess: refresh, onError }));
  const issue = useMutation(
    trpc.aid.issuePlanned.mutationOptions({
      onSuccess: (r) => {
        refresh();
        message.success(t("aid.send.issued", { documents: list(r.documents) }));
      },
      onError,
    }),
  );
  const line = (itemId: number) => aid.lines.find((l) => l.itemId === itemId);
  const itemLabel = (itemId: number, quantity: number) =>
    `${line(itemId)?.itemName ?? itemId} ${formatNumber(quantity)} ${line(itemId)?.baseUnit ?? ""}`;
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  const stored: AidOutboundPlan | null | undefined = query.data;
  const planned = new Set(stored?.trips.map((trip) => trip.warehouseId) ?? []);
  const mayIssue =
    active &&
    stored != null &&
    stored.issuedAt === null &&
    planned.size > 0 &&
    [...planned].every((id) => {
      const w = warehouses.data?.find((x) => x.id === id);
      return w !== undefined && canPostIn(user, w);
    });
  const short = stored?.lines.filter((l) => l.short > 0) ?? [];

  return (
    <Card
      title={t("aid.send.title")}
      size="small"
      data-testid="aid-plan"
      extra={
        <Flex gap={8}>
          {active && (
            <Button
              size="small"
              icon={<NodeIndexOutlined />}
              loading={plan.isPending}
              onClick={() => plan.mutate({ requestId: aid.id })}
              data-testid="aid-plan-run"
            >
              {stored ? t("aid.send.again") : t("aid.send.run")}
            </Button>
          )}
          {mayIssue && (
            <Popconfirm
              title={t("aid.send.issueConfirm", { count: planned.size })}
              onConfirm={() => issue.mutate({ requestId: aid.id })}
              okButtonProps={{ "data-testid": "aid-plan-issue-ok" } as React.ComponentProps<typeof Button>}
            >
              <Button
                size="small"
                type="primary"
                icon={<ExportOutlined />}
                loading={issue.isPending}
                data-testid="aid-plan-issue"
              >
                {t("aid.send.issue")}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      }
    >
      {!stored && !query.isPending && (
        <Typography.Text type="secondary">{t("aid.send.none")}</Typography.Text>
      )}
      {stored && (
        <Flex vertical gap={8}>
          <Typography.Text type="secondary" data-testid="aid-plan-made">
            {t("aid.send.made", {
              by: stored.plannedBy,
              at: formatDistrictDateTime(stored.plannedAt),
              neededBy: formatDistrictDateTime(stored.neededBy),
            })}
            {stored.issuedAt && (
              <Tag color="green" data-testid="aid-plan-issued">
                {t("aid.send.issuedAt", {
                  by: stored.issuedBy ?? "",
                  at: formatDistrictDateTime(stored.issuedAt),
                  documents: list(stored.documents),
                })}
              </Tag>
            )}
          </Typography.Text>
          {short.map((l) => (
            <Alert
              key={l.itemId}
              type="warning"
              showIcon
              data-testid="aid-plan-short"
              data-item={line(l.itemId)?.itemCode}
              title={t("aid.send.short", {
                items: itemLabel(l.itemId, l.short),
                reasons: list(l.reasons.map((r) => t(`dispatch.shortfallReason.${r}`))),
              })}
            />
          ))}
          {stored.notes.map((n) => (
            <Alert key={tm(n)} type="info" showIcon title={tm(n)} />
          ))}
          <Table<AidTrip>
            rowKey={(r) => `${r.vehicleId}-${r.trip}`}
            size="small"
            pagination={false}
            dataSource={stored.trips}
            onRow={(r) =>
              ({
                "data-testid": "aid-plan-trip",
                "data-warehouse": r.warehouseCode,
              }) as React.HTMLAttributes<HTMLElement>
            }
            columns={[
              {
                title: t("aid.field.warehouse"),
                key: "warehouse",
                render: (_v, r) => `${r.warehouseName} · ${r.warehouseCode}`,
              },
              {
                title: t("aid.send.truck"),
                key: "truck",
                render: (_v, r) => t("aid.send.truckTrip", { plate: r.plate, trip: r.trip }),
              },
              {
                title: t("aid.send.departAt"),
                key: "depart",
                render: (_v, r) => formatDistrictDateTime(r.departAt),
              },
              {
                title: t("aid.send.arriveAt"),
                key: "arrive",
                render: (_v, r) => formatDistrictDateTime(r.arriveAt),
              },
              {
                title: t("aid.send.carries"),
                key: "carries",
                render: (_v, r) => list(r.loads.map((l) => itemLabel(l.itemId, l.quantity))),
              },
              {
                title: t("aid.send.km"),
                key: "km",
                align: "right",
                render: (_v, r) => formatNumber(r.km),
              },
            ]}
          />
        </Flex>
      )}
    </Card>
  );
}
