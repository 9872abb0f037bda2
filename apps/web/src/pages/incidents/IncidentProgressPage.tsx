import { ArrowLeftOutlined, FileTextOutlined } from "@ant-design/icons";
import { ORDER_STATUSES } from "@relief/domain";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Flex, Progress, Skeleton, Space, Statistic, Tag, Typography } from "antd";
import { Link, useParams } from "react-router";
import { DownloadButton } from "../../components/DownloadButton";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n";
import { formatDistrictDateTime } from "../../lib/format";
import { queryClient, trpc } from "../../trpc";
import { DrillTag, IncidentStatusTag } from "./IncidentTags";
import type { AreaProgress, IncidentProgress } from "./incidentTypes";
import { ProgressTable } from "./ProgressTable";
import "./incidents.css";

/** A page left open in the command room reads the figures again every 30 seconds. */
const REFRESH_MS = 30_000;

const percent = (part: number, whole: number) => (whole > 0 ? Math.floor((part / whole) * 100) : 0);

function Headline({ progress }: { progress: IncidentProgress }) {
  const { t, tm, formatNumber } = useI18n();
  const { totals } = progress;
  const overdue = progress.timeLeft !== null && progress.minutesLeft < 0;
  return (
    <Card data-testid="progress-headline">
      <Flex wrap gap={32} align="center">
        <Progress
          type="circle"
          size={96}
          percent={percent(totals.peopleServed, totals.relocated)}
          status={totals.relocated > 0 && totals.peopleServed >= totals.relocated ? "success" : "normal"}
        />
        <Statistic
          title={t("incidents.progress.served")}
          value={t("incidents.progress.ofRelocated", {
            served: formatNumber(totals.peopleServed),
            relocated: formatNumber(totals.relocated),
          })}
          valueRender={(node) => <span data-testid="progress-served">{node}</span>}
        />
        <Statistic
          title={t("incidents.progress.servedByDeadline")}
          value={formatNumber(totals.peopleServedByDeadline)}
          valueRender={(node) => <span data-testid="progress-served-by-deadline">{node}</span>}
        />
        <Flex vertical gap={4}>
          <Typography.Text type="secondary">{t("incidents.detail.deadline")}</Typography.Text>
          <Typography.Text strong>{formatDistrictDateTime(progress.incident.deadlineAt)}</Typography.Text>
          <Typography.Text
            type={overdue ? "danger" : undefined}
            strong={overdue}
            data-testid="progress-time-left"
          >
            {progress.timeLeft ? tm(progress.timeLeft) : t(`incidents.status.${progress.incident.status}`)}
          </Typography.Text>
        </Flex>
        <Flex vertical gap={4}>
          <Typography.Text type="secondary">{t("incidents.progress.orders")}</Typography.Text>
          <Space size={4} wrap data-testid="progress-orders">
            {ORDER_STATUSES.map((status) => (
              <Tag key={status} data-testid={`progress-orders-${status}`}>
                {t(`orders.status.${status}`)} {formatNumber(progress.orders[status])}
              </Tag>
            ))}
          </Space>
        </Flex>
      </Flex>
      <Typography.Paragraph type="secondary" className="progress-rule">
        {t("incidents.progress.rule")}
      </Typography.Paragraph>
    </Card>
  );
}

function AreaCard({ area }: { area: AreaProgress }) {
  const { t, formatNumber } = useI18n();
  const name =
    area.level === "village"
      ? t("incidents.detail.villageIn", { village: area.name, township: area.townshipName })
      : area.name;
  return (
    <Card
      size="small"
      data-testid="progress-area"
      data-area={area.name}
      title={
        <Space wrap>
          <span>{name}</span>
          {area.reportKind === null && <Tag>{t("incidents.progress.notListed")}</Tag>}
        </Space>
      }
      extra={
        <Space wrap>
          <Typography.Text data-testid="progress-area-served">
            {t("incidents.progress.areaServed", {
              served: formatNumber(area.peopleServed),
              relocated: formatNumber(area.relocated),
            })}
          </Typography.Text>
          {area.servedInFullAt ? (
            <Tag color="green">
              {t("incidents.progress.servedInFull", { at: formatDistrictDateTime(area.servedInFullAt) })}
            </Tag>
          ) : null}
          {area.peopleServedByDeadline < area.peopleServed && (
            <Tag color="orange">
              {t("incidents.progress.areaByDeadline", { served: formatNumber(area.peopleServedByDeadline) })}
            </Tag>
          )}
        </Space>
      }
    >
      <Progress
        percent={percent(area.peopleServed, area.relocated)}
        size="small"
        status={area.relocated > 0 && area.peopleServed >= area.relocated ? "success" : "normal"}
      />
      <ProgressTable lines={area.lines} testId="progress-area-lines" />
    </Card>
  );
}

/**
 * 救助进度: for leaders in the command room, the incident's people served of the relocated (only what townships
 * signed for counts) against its 10-hour deadline, then each area's items with what is needed, planned,
 * reserved, on the road and delivered, and the district's totals by item. Refreshes itself every 30 s.
 */
export function IncidentProgressPage() {
  const { t, tm } = useI18n();
  const id = Number(useParams().id);
  const query = useQuery(
    trpc.incidents.progress.queryOptions({ incidentId: id }, { refetchInterval: REFRESH_MS, staleTime: 0 }),
  );
  if (query.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  const progress = query.data;
  const { incident } = progress;

  return (
    <Flex vertical gap={16} data-testid="progress-page">
      <PageHeader
        title={
          <Space>
            <Link to={`/incidents/${id}`} aria-label={t("incidents.progress.back")}>
              <ArrowLeftOutlined />
            </Link>
            <span>{t("incidents.progress.title")}</span>
            <span data-testid="progress-incident-title">{incident.title}</span>
            <DrillTag drill={incident.drill} />
            <IncidentStatusTag status={incident.status} />
          </Space>
        }
        subtitle={t("incidents.progress.asOf", {
          number: incident.number,
          at: formatDistrictDateTime(progress.now),
        })}
        extra={
          <Space wrap>
            <Link to={`/incidents/${id}/summary/print`} data-testid="progress-summary-link">
              <Button icon={<FileTextOutlined />}>{t("incidents.progress.summary")}</Button>
            </Link>
            <DownloadButton
              load={() =>
                queryClient.fetchQuery({
                  ...trpc.incidents.exportSummary.queryOptions({ incidentId: id }),
                  staleTime: 0,
                  gcTime: 0,
                })
              }
              testId="progress-download"
            >
              {t("incidents.progress.download")}
            </DownloadButton>
          </Space>
        }
      />
      {incident.drill && (
        <Alert
          type="warning"
          showIcon
          title={t("incidents.progress.drillBanner")}
          data-testid="progress-drill"
        />
      )}
      <Headline progress={progress} />
      {progress.plan && !progress.plan.approved && (
        <Alert type="info" showIcon title={tm(progress.planLabel)} data-testid="progress-plan-unapproved" />
      )}
      {progress.areas.map((area) => (
        <AreaCard key={area.areaId} area={area} />
      ))}
      <Card title={t("incidents.progress.district")} size="small">
        <ProgressTable lines={progress.items} testId="progress-district" />
      </Card>
    </Flex>
  );
}
