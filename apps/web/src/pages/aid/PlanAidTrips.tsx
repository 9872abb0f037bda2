import { useQuery } from "@tanstack/react-query";
import { Card, Table, Tag } from "antd";
import { Link } from "react-router";
import { useI18n } from "../../i18n";
import { formatDistrictDateTime } from "../../lib/format";
import { trpc } from "../../trpc";
import type { PlanRoute, PlanView } from "../dispatch/planTypes";
import type { PlanNames } from "../dispatch/usePlanNames";

type AidTrip = PlanRoute & { aidRequestId: number };

/**
 * The plan's trips carrying a neighbour's promised aid: from its entry point on its own trucks, no earlier than
 * the promised time, and never a 调拨单 (the goods are not in Banan's ledger until they arrive).
 */
export function PlanAidTrips({
  plan,
  incidentId,
  names,
}: {
  plan: PlanView;
  incidentId: number;
  names: PlanNames;
}) {
  const { t } = useI18n();
  const trips = plan.routes.filter((r): r is AidTrip => r.aidRequestId !== undefined);
  const requests = useQuery({
    ...trpc.aid.list.queryOptions({ incidentId, pageSize: 200 }),
    enabled: trips.length > 0,
  });
  if (trips.length === 0) return null;
  const request = (id: number) => requests.data?.rows.find((r) => r.id === id);
  return (
    <Card title={t("aid.plan.title")} size="small" data-testid="plan-aid-trips">
      <Table<AidTrip>
        rowKey={(r) => `${r.aidRequestId}-${r.vehicleLabel}-${r.trip}`}
        size="small"
        pagination={false}
        dataSource={trips}
        onRow={(r) =>
          ({
            "data-testid": "plan-aid-trip",
            "data-depart": r.departAt,
            "data-promised": request(r.aidRequestId)?.promisedAt ?? "",
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: t("aid.plan.source"),
            key: "source",
            render: (_v, r) => (
              <span>
                <Tag color="purple">{t("aid.plan.tag")}</Tag>
                <span data-testid="plan-aid-neighbour">{request(r.aidRequestId)?.neighbourName ?? ""}</span>
              </span>
            ),
          },
          {
            title: t("aid.column.number"),
            key: "number",
            render: (_v, r) => (
              <Link to={`/aid/${r.aidRequestId}`}>{request(r.aidRequestId)?.number ?? ""}</Link>
            ),
          },
          { title: t("aid.plan.truck"), key: "truck", render: (_v, r) => r.vehicleLabel },
          {
            title: t("aid.field.arriveAt"),
            key: "promised",
            render: (_v, r) => formatDistrictDateTime(request(r.aidRequestId)?.promisedAt),
          },
          {
            title: t("aid.plan.depart"),
            key: "depart",
            render: (_v, r) => (
              <span data-testid="plan-aid-depart">{formatDistrictDateTime(r.departAt)}</span>
            ),
          },
          {
            title: t("aid.plan.deliveries"),
            key: "deliveries",
            render: (_v, r) =>
              r.stops.map((s) => (
                <div key={s.areaId} data-testid="plan-aid-stop">
                  {`${names.areaName(s.areaId)} ${formatDistrictDateTime(s.arriveAt)} · ${names.deliveries(s.deliveries)}`}
                </div>
              )),
          },
        ]}
      />
    </Card>
  );
}
