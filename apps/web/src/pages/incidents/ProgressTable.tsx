import { Table, Typography } from "antd";
import { NameCodeCell } from "../../components/NameCodeCell";
import { useI18n } from "../../i18n";
import type { ProgressFigures } from "./incidentTypes";

/**
 * One area's items (or the district's) with the five figures of their way to the township: needed, planned,
 * reserved, in transit, delivered, and of the delivered what arrived by the deadline. A delivered figure short
 * of the need is marked.
 */
export function ProgressTable({ lines, testId }: { lines: ProgressFigures[]; testId: string }) {
  const { t, formatNumber } = useI18n();
  const figure = (key: keyof ProgressFigures & string, title: string) => ({
    title,
    key,
    align: "right" as const,
    render: (_v: unknown, l: ProgressFigures) => (
      <span data-testid={`progress-${key}`}>{formatNumber(l[key] as number)}</span>
    ),
  });
  return (
    <Table<ProgressFigures>
      rowKey="itemId"
      size="small"
      pagination={false}
      dataSource={lines}
      data-testid={testId}
      locale={{ emptyText: t("incidents.progress.noLines") }}
      onRow={(l) =>
        ({ "data-testid": "progress-line", "data-item": l.itemCode }) as React.HTMLAttributes<HTMLElement>
      }
      columns={[
        {
          title: t("incidents.progress.column.item"),
          key: "item",
          render: (_v, l) => <NameCodeCell name={l.itemName} code={l.itemCode} />,
        },
        { title: t("incidents.progress.column.unit"), dataIndex: "unit", key: "unit" },
        figure("needed", t("incidents.progress.column.needed")),
        figure("planned", t("incidents.progress.column.planned")),
        figure("reserved", t("incidents.progress.column.reserved")),
        figure("inTransit", t("incidents.progress.column.inTransit")),
        {
          title: t("incidents.progress.column.delivered"),
          key: "delivered",
          align: "right",
          render: (_v, l) => (
            <Typography.Text
              type={l.needed > 0 && l.delivered < l.needed ? "warning" : undefined}
              data-testid="progress-delivered"
            >
              {formatNumber(l.delivered)}
            </Typography.Text>
          ),
        },
        figure("deliveredByDeadline", t("incidents.progress.column.byDeadline")),
      ]}
    />
  );
}
