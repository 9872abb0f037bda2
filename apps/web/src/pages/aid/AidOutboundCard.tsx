import { ExportOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Table } from "antd";
import { useState } from "react";
import { useCurrentUser } from "../../auth/current-user";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n";
import { formatDistrictDateTime } from "../../lib/format";
import { canPostIn } from "../../lib/roles";
import { trpc } from "../../trpc";
import { AidMoveModal } from "./AidMoveModal";
import type { AidView } from "./aidTypes";

interface ProposalRow {
  warehouseId: number;
  name: string;
  code: string;
  minutes: number;
  arriveAt: string;
  lines: Array<{ itemId: number; quantity: number }>;
}

/**
 * 对外支援: for a neighbour's request, the district's warehouses holding what is still to send, fastest to its
 * entry point first, and the proposal taking each item from the fastest first; a keeper issues a warehouse's
 * share from here (reason mutual aid).
 */
export function AidOutboundCard({ aid }: { aid: AidView }) {
  const { t, list, formatNumber } = useI18n();
  const user = useCurrentUser();
  const query = useQuery(trpc.aid.outbound.queryOptions({ requestId: aid.id }));
  const warehouses = useQuery(trpc.warehouses.list.queryOptions());
  const [issuing, setIssuing] = useState<ProposalRow | null>(null);
  const itemLabel = (itemId: number, quantity: number) => {
    const line = aid.lines.find((l) => l.itemId === itemId);
    return `${line?.itemName ?? itemId} ${formatNumber(quantity)} ${line?.baseUnit ?? ""}`;
  };
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  const plan = query.data;
  const rows: ProposalRow[] = (plan?.sources ?? []).flatMap((s) => {
    const lines = (plan?.proposal ?? [])
      .filter((p) => p.warehouseId === s.warehouseId)
      .map((p) => ({ itemId: p.itemId, quantity: p.quantity }));
    return lines.length > 0 ? [{ ...s, lines }] : [];
  });
  const mayPost = (warehouseId: number) => {
    const w = warehouses.data?.find((x) => x.id === warehouseId);
    return w !== undefined && canPostIn(user, w);
  };

  return (
    <Card title={t("aid.outbound.title")} size="small" data-testid="aid-outbound">
      {plan && plan.unmet.length > 0 && (
        <Alert
          className="form-alert"
          type="warning"
          showIcon
          data-testid="aid-outbound-unmet"
          title={t("aid.outbound.unmet", {
            items: list(plan.unmet.map((u) => itemLabel(u.itemId, u.quantity))),
          })}
        />
      )}
      <Table<ProposalRow>
        rowKey="warehouseId"
        size="small"
        loading={query.isPending}
        pagination={false}
        dataSource={rows}
        onRow={(r) =>
          ({
            "data-testid": "aid-outbound-row",
            "data-warehouse": r.code,
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          { title: t("aid.field.warehouse"), key: "warehouse", render: (_v, r) => `${r.name} · ${r.code}` },
          {
            title: t("aid.outbound.minutes"),
            key: "minutes",
            align: "right",
            render: (_v, r) => t("aid.outbound.minutesValue", { minutes: r.minutes }),
          },
          {
            title: t("aid.outbound.arriveAt"),
            key: "arriveAt",
            render: (_v, r) => formatDistrictDateTime(r.arriveAt),
          },
          {
            title: t("aid.outbound.take"),
            key: "take",
            render: (_v, r) => list(r.lines.map((l) => itemLabel(l.itemId, l.quantity))),
          },
          {
            title: t("common.actions"),
            key: "actions",
            render: (_v, r) =>
              mayPost(r.warehouseId) && (
                <Button
                  size="small"
                  icon={<ExportOutlined />}
                  onClick={() => setIssuing(r)}
                  data-testid="aid-outbound-issue"
                >
                  {t("aid.outbound.issue")}
                </Button>
              ),
          },
        ]}
      />
      {issuing && (
        <AidMoveModal
          aid={aid}
          move="help"
          start={{ warehouseId: issuing.warehouseId, lines: issuing.lines }}
          onClose={() => setIssuing(null)}
        />
      )}
    </Card>
  );
}
