import { Flex, Table, type TableColumnsType, Tag, Typography } from "antd";
import { useI18n } from "../../i18n";
import { formatDistrictDateTime } from "../../lib/format";
import { formatSpan, minutesFrom } from "./planFormat";
import type { PlanAreaOutcome, PlanView } from "./planTypes";
import type { PlanNames } from "./usePlanNames";

/**
 * Per affected area: the people and how many the plan equips, each item's need against what is planned, and
 * when the last delivery arrives against the deadline (red when late or when nothing arrives).
 */
export function AreaOutcomeTable({ plan, names }: { plan: PlanView; names: PlanNames }) {
  const { t, formatNumber } = useI18n();
  // Late: the last delivery arrives after the deadline, or nothing arrives (a shortfall alone is in its column).
  const late = (row: PlanAreaOutcome) =>
    row.completeAt === null || Date.parse(row.completeAt) > Date.parse(plan.deadlineAt);

  const columns: TableColumnsType<PlanAreaOutcome> = [
    {
      title: t("plan.areas.area"),
      key: "area",
      render: (_v, row) => <span data-testid="plan-area-name">{names.areaName(row.areaId)}</span>,
    },
    {
      title: t("plan.areas.people"),
      key: "people",
      align: "right",
      render: (_v, row) => (
        <span className="qty" data-testid="plan-area-served" data-value={row.peopleServed}>
          {formatNumber(row.peopleServed)} / {formatNumber(row.people)}
        </span>
      ),
    },
    {
      title: t("plan.areas.lines"),
      key: "lines",
      render: (_v, row) => (
        <Flex vertical gap={2}>
          {row.lines.map((line) => (
            <span key={line.itemId} className={line.shortfall > 0 ? "plan-late" : undefined}>
              {t("plan.areas.line", {
                item: names.itemName(line.itemId),
                planned: names.quantity(line.itemId, line.planned),
                need: names.quantity(line.itemId, line.need),
              })}
            </span>
          ))}
        </Flex>
      ),
    },
    {
      title: t("plan.areas.arrival"),
      key: "arrival",
      onCell: (row) => ({ className: late(row) ? "plan-late-cell" : undefined }),
      render: (_v, row) => {
        if (!row.completeAt) {
          return (
            <Typography.Text type="danger" data-testid="plan-area-arrival">
              {t("plan.areas.nothingArrives")}
            </Typography.Text>
          );
        }
        const margin = minutesFrom(row.completeAt, plan.deadlineAt);
        return (
          <Flex vertical>
            <span data-testid="plan-area-arrival" className={late(row) ? "plan-late" : undefined}>
              {formatDistrictDateTime(row.completeAt)}
            </span>
            <Typography.Text type={margin < 0 ? "danger" : "secondary"} className="nowrap">
              {margin < 0
                ? t("plan.areas.late", { span: formatSpan(margin, t) })
                : t("plan.areas.early", { span: formatSpan(margin, t) })}
            </Typography.Text>
          </Flex>
        );
      },
    },
    {
      title: t("plan.areas.reasons"),
      key: "reasons",
      render: (_v, row) =>
        row.reasons.length === 0 ? (
          <Tag color="success">{t("plan.areas.complete")}</Tag>
        ) : (
          row.reasons.map((reason) => (
            <Tag key={reason} color="error">
              {t(`dispatch.shortfallReason.${reason}`)}
            </Tag>
          ))
        ),
    },
  ];

  return (
    <Table<PlanAreaOutcome>
      rowKey="areaId"
      size="small"
      columns={columns}
      dataSource={plan.outcomes}
      pagination={false}
      scroll={{ x: "max-content" }}
      data-testid="plan-areas"
    />
  );
}
