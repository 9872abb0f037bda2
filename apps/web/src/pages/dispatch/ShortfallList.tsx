import { Empty, Table, type TableColumnsType, Tag } from "antd";
import { useI18n } from "../../i18n";
import type { PlanShortfall } from "./planTypes";
import type { PlanNames } from "./usePlanNames";

/** Every need the plan leaves unmet: where, what and how much, why, and what would fix it. */
export function ShortfallList({
  shortfalls,
  names,
}: {
  shortfalls: readonly PlanShortfall[];
  names: PlanNames;
}) {
  const { t, tm } = useI18n();
  if (shortfalls.length === 0) {
    return <Empty description={t("plan.shortfalls.none")} data-testid="plan-shortfalls-none" />;
  }
  const columns: TableColumnsType<PlanShortfall> = [
    { title: t("plan.areas.area"), key: "area", render: (_v, row) => names.areaName(row.areaId) },
    { title: t("plan.shortfalls.item"), key: "item", render: (_v, row) => names.itemName(row.itemId) },
    {
      title: t("plan.shortfalls.quantity"),
      key: "quantity",
      align: "right",
      render: (_v, row) => <span className="qty">{names.quantity(row.itemId, row.quantity)}</span>,
    },
    {
      title: t("plan.shortfalls.reason"),
      key: "reason",
      render: (_v, row) => (
        <Tag color="error" data-testid="plan-shortfall-reason" data-reason={row.reason}>
          {t(`dispatch.shortfallReason.${row.reason}`)}
        </Tag>
      ),
    },
    {
      title: t("plan.shortfalls.suggestions"),
      key: "suggestions",
      render: (_v, row) => (
        <ul className="plan-suggestions">
          {row.suggestions.map((message) => (
            <li key={`${message.key}:${JSON.stringify(message.params)}`} data-testid="plan-suggestion">
              {tm(message)}
            </li>
          ))}
        </ul>
      ),
    },
  ];
  return (
    <Table<PlanShortfall>
      rowKey={(row) => `${row.areaId}-${row.itemId}-${row.reason}`}
      size="small"
      columns={columns}
      dataSource={shortfalls as PlanShortfall[]}
      pagination={false}
      data-testid="plan-shortfalls"
      onRow={() => ({ "data-testid": "plan-shortfall" }) as React.HTMLAttributes<HTMLElement>}
    />
  );
}
