import { useQuery } from "@tanstack/react-query";
import { Card, Table, Tag, Typography } from "antd";
import { NameCodeCell } from "../../components/NameCodeCell";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n";
import type { RouterOutputs } from "../../lib/api-types";
import { formatDistrictDateTime } from "../../lib/format";
import { trpc } from "../../trpc";

type Closure = RouterOutputs["roads"]["closures"]["closures"][number];

/**
 * The roads this incident closed (as the roads register records them), and the seed plan's figure: trunk roads
 * reopened within 12 hours on average.
 */
export function RoadClosuresCard({ incidentId }: { incidentId: number }) {
  const { t, formatNumber } = useI18n();
  const closures = useQuery(trpc.roads.closures.queryOptions({ incidentId }));
  if (closures.isError) return <QueryError error={closures.error} onRetry={() => closures.refetch()} />;
  const data = closures.data;
  const figure =
    data && data.trunkAverageHours !== null
      ? t("incidents.roads.trunkAverage", {
          hours: formatNumber(data.trunkAverageHours, 1),
          target: data.targetHours,
          count: data.trunkClosures,
        })
      : t("incidents.roads.noTrunk");
  return (
    <Card
      title={t("incidents.roads.title")}
      loading={closures.isPending}
      extra={
        <Typography.Text
          type={data?.trunkTargetMet === false ? "danger" : "secondary"}
          data-testid="incident-trunk-figure"
        >
          {figure}
        </Typography.Text>
      }
    >
      <Table<Closure>
        rowKey={(c) => `${c.edgeId}:${c.closedSince}`}
        size="small"
        pagination={false}
        dataSource={data?.closures ?? []}
        locale={{ emptyText: t("incidents.roads.none") }}
        data-testid="incident-road-closures"
        columns={[
          {
            title: t("incidents.roads.road"),
            key: "road",
            render: (_v, c) => <NameCodeCell name={c.edgeName} code={c.edgeCode} />,
          },
          { title: t("incidents.roads.reason"), dataIndex: "reason", key: "reason" },
          {
            title: t("incidents.roads.closedSince"),
            key: "since",
            render: (_v, c) => formatDistrictDateTime(c.closedSince),
          },
          {
            title: t("incidents.roads.reopened"),
            key: "reopened",
            render: (_v, c) =>
              c.reopenedAt
                ? formatDistrictDateTime(c.reopenedAt)
                : t("incidents.roads.expected", { at: formatDistrictDateTime(c.expectedReopenAt) }),
          },
          {
            title: t("incidents.roads.hours"),
            key: "hours",
            align: "right",
            render: (_v, c) => (
              <>
                {formatNumber(c.hours, 1)}{" "}
                {c.withinTarget === false && <Tag color="red">{t("incidents.roads.overTarget")}</Tag>}
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
