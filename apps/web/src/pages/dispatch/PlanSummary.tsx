import { Alert, Card, Col, Flex, Row, Statistic, Tag, Typography } from "antd";
import { useI18n } from "../../i18n";
import { formatDistrictDateTime } from "../../lib/format";
import { formatSpan } from "./planFormat";
import type { PlanView } from "./planTypes";

/**
 * The plan's headline: people equipped out of the people relocated, the latest arrival against the deadline,
 * km driven and trucks used, and whether every area is served in full by the deadline. A banner says when the
 * search stopped at its time cap (a rerun may then differ) or the planning failed.
 */
export function PlanSummary({ plan }: { plan: PlanView }) {
  const { t, tm, formatNumber } = useI18n();
  if (plan.status === "failed") {
    return (
      <Alert
        type="error"
        showIcon
        message={t("plan.failed")}
        description={plan.failure ? tm(plan.failure) : undefined}
        data-testid="plan-failed"
      />
    );
  }
  const summary = plan.summary;
  if (!summary) return null;
  const margin =
    summary.latestArrivalMinutes === null ? null : plan.deadlineMinutes - summary.latestArrivalMinutes;
  return (
    <Flex vertical gap={12}>
      {plan.notes.length > 0 && (
        <Alert
          type="info"
          showIcon
          message={t("plan.notes")}
          description={
            <ul className="plan-suggestions">
              {plan.notes.map((note) => (
                <li key={`${note.key}:${JSON.stringify(note.params)}`}>{tm(note)}</li>
              ))}
            </ul>
          }
          data-testid="plan-notes"
        />
      )}
      {plan.stoppedByTime && (
        <Alert type="warning" showIcon message={t("plan.stoppedByTime")} data-testid="plan-stopped-by-time" />
      )}
      <Card size="small" data-testid="plan-summary">
        <Row gutter={[24, 12]} align="middle">
          <Col xs={12} md={5}>
            <Statistic
              title={t("plan.summary.peopleServed")}
              value={formatNumber(summary.peopleServed)}
              suffix={`/ ${formatNumber(summary.people)}`}
              valueStyle={summary.peopleServed < summary.people ? { color: "#cf1322" } : undefined}
              data-testid="plan-summary-served"
            />
          </Col>
          <Col xs={12} md={5}>
            <Statistic
              title={t("plan.summary.latestArrival")}
              value={
                summary.latestArrivalAt ? formatDistrictDateTime(summary.latestArrivalAt).slice(11) : "—"
              }
              valueStyle={margin !== null && margin < 0 ? { color: "#cf1322" } : undefined}
              data-testid="plan-summary-latest"
            />
            <Typography.Text type="secondary">
              {t("plan.summary.deadline", { deadline: formatDistrictDateTime(plan.deadlineAt).slice(11) })}
              {margin !== null &&
                ` · ${margin < 0 ? t("plan.areas.late", { span: formatSpan(margin, t) }) : t("plan.areas.early", { span: formatSpan(margin, t) })}`}
            </Typography.Text>
          </Col>
          <Col xs={12} md={4}>
            <Statistic
              title={t("plan.summary.km")}
              value={formatNumber(summary.totalKm, 1)}
              data-testid="plan-summary-km"
            />
          </Col>
          <Col xs={12} md={4}>
            <Statistic
              title={t("plan.summary.trucks")}
              value={formatNumber(summary.vehiclesUsed)}
              data-testid="plan-summary-trucks"
            />
          </Col>
          <Col xs={24} md={6}>
            <Tag
              color={summary.allReachedInTime ? "success" : "error"}
              className="plan-verdict"
              data-testid="plan-verdict"
              data-value={summary.allReachedInTime}
            >
              {summary.allReachedInTime ? t("plan.summary.allInTime") : t("plan.summary.notAllInTime")}
            </Tag>
          </Col>
        </Row>
        {plan.timings && (
          <Typography.Text type="secondary" className="plan-timings">
            {t("plan.summary.timings", {
              read: formatNumber(plan.timings.readMs),
              paths: formatNumber(plan.timings.pathsMs),
              search: formatNumber(plan.timings.searchMs),
              seed: plan.seed,
            })}
          </Typography.Text>
        )}
      </Card>
    </Flex>
  );
}
