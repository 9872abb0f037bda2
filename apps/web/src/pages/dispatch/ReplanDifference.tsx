import { Card, Table, type TableColumnsType, Tag, Typography } from "antd";
import { useI18n } from "../../i18n";
import { formatDistrictDateTime } from "../../lib/format";
import { formatSpan } from "./planFormat";
import type { ReplanAreaChange, ReplanResult } from "./planTypes";
import type { PlanNames } from "./usePlanNames";

const CHANGE_COLOUR: Record<ReplanAreaChange["change"], string> = {
  unreachable: "error",
  later: "warning",
  reached: "success",
  same: "default",
  earlier: "success",
};

/**
 * What a re-plan changed: the orders kept on the road, cancelled and made, and per area the arrival the
 * replaced plan promised against the new one — later, earlier, or no longer reachable with why and what would
 * fix it.
 */
export function ReplanDifference({
  result,
  names,
  onClose,
}: {
  result: ReplanResult;
  names: PlanNames;
  onClose: () => void;
}) {
  const { t, tm } = useI18n();
  const at = (iso: string | null) => (iso ? formatDistrictDateTime(iso) : "—");
  const columns: TableColumnsType<ReplanAreaChange> = [
    { title: t("plan.areas.area"), key: "area", render: (_v, row) => names.areaName(row.areaId) },
    { title: t("orders.replan.before"), key: "before", render: (_v, row) => at(row.before) },
    { title: t("orders.replan.after"), key: "after", render: (_v, row) => at(row.after) },
    {
      title: t("orders.replan.change"),
      key: "change",
      render: (_v, row) => (
        <Tag color={CHANGE_COLOUR[row.change]} data-testid="replan-change" data-value={row.change}>
          {t(`orders.replanChange.${row.change}`)}
          {row.minutes !== null && row.minutes !== 0 && ` ${formatSpan(row.minutes, t)}`}
        </Tag>
      ),
    },
    {
      title: t("orders.replan.why"),
      key: "why",
      render: (_v, row) => (
        <ul className="plan-suggestions">
          {row.shortfalls.map((s) => (
            <li key={`${s.itemId}-${s.reason}`}>
              <Tag color="error">{t(`dispatch.shortfallReason.${s.reason}`)}</Tag>
              {names.itemName(s.itemId)} {names.quantity(s.itemId, s.quantity)}
              {s.suggestions.map((m) => (
                <div key={`${m.key}:${JSON.stringify(m.params)}`}>{tm(m)}</div>
              ))}
            </li>
          ))}
        </ul>
      ),
    },
  ];
  return (
    <Card
      size="small"
      title={t("orders.replan.differenceTitle", {
        from: result.replaced.version,
        to: result.plan.version,
      })}
      extra={
        <Typography.Link onClick={onClose} data-testid="replan-difference-close">
          {t("orders.replan.close")}
        </Typography.Link>
      }
      data-testid="replan-difference"
    >
      <Typography.Paragraph>
        {t("orders.replan.summary", {
          kept: result.kept.length,
          cancelled: result.cancelled.length,
          orders: result.orders.length,
        })}
      </Typography.Paragraph>
      <Table<ReplanAreaChange>
        rowKey="areaId"
        size="small"
        columns={columns}
        dataSource={result.areas}
        pagination={false}
        onRow={() => ({ "data-testid": "replan-area" }) as React.HTMLAttributes<HTMLElement>}
      />
    </Card>
  );
}
