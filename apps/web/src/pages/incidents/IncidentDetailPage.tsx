import {
  ArrowLeftOutlined,
  DashboardOutlined,
  FileAddOutlined,
  NodeIndexOutlined,
  StopOutlined,
} from "@ant-design/icons";
import { useMutation, useQuery } from "@tanstack/react-query";
import {
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Popconfirm,
  Skeleton,
  Space,
  Statistic,
  Table,
  Timeline,
  Typography,
} from "antd";
import { useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import { useCurrentUser } from "../../auth/current-user";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n";
import { errorInfo } from "../../lib/errors";
import { formatDistrictDateTime } from "../../lib/format";
import { canPlanDispatch } from "../../lib/roles";
import { queryClient, trpc } from "../../trpc";
import { AidRequestButton } from "../aid/AidRequestButton";
import { IncidentOrders } from "../dispatch/IncidentOrders";
import { IncidentReplanFlag } from "../dispatch/IncidentReplanFlag";
import { DrillTag, IncidentStatusTag, ReportKindTag } from "./IncidentTags";
import type { IncidentAreaFigures, IncidentDetail } from "./incidentTypes";
import { NeedsSection } from "./NeedsSection";
import { PackageSection } from "./PackageSection";
import { ReportModal } from "./ReportModal";
import { RoadClosuresCard } from "./RoadClosuresCard";
import "./incidents.css";

/** The clock, a tick a minute: enough for a countdown read in hours and minutes. */
function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

function TimeLeft({ incident }: { incident: IncidentDetail }) {
  const { t } = useI18n();
  const now = useNow();
  const left = Date.parse(incident.deadlineAt) - now;
  const minutes = Math.floor(Math.abs(left) / 60_000);
  const span = t("incidents.detail.span", { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
  if (incident.status === "closed") return <span>{formatDistrictDateTime(incident.deadlineAt)}</span>;
  return (
    <span className={left < 0 ? "incident-time-left-late" : undefined} data-testid="incident-time-left">
      {formatDistrictDateTime(incident.deadlineAt)} ·{" "}
      {left < 0 ? t("incidents.detail.overdue", { span }) : t("incidents.detail.left", { span })}
    </span>
  );
}

function AreasCard({ incident }: { incident: IncidentDetail }) {
  const { t, formatNumber } = useI18n();
  return (
    <Card title={t("incidents.detail.areas")}>
      <Table<IncidentAreaFigures>
        rowKey="areaId"
        size="small"
        pagination={false}
        dataSource={incident.areas}
        data-testid="incident-areas"
        onRow={(a) =>
          ({ "data-testid": "incident-area-row", "data-area": a.name }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: t("incidents.field.area"),
            key: "area",
            render: (_v, a) =>
              a.level === "village"
                ? t("incidents.detail.villageIn", { village: a.name, township: a.townshipName })
                : a.name,
          },
          {
            title: t("incidents.field.affected"),
            key: "affected",
            align: "right",
            render: (_v, a) => formatNumber(a.affected),
          },
          {
            title: t("incidents.field.relocated"),
            key: "relocated",
            align: "right",
            render: (_v, a) => <span data-testid="incident-area-relocated">{formatNumber(a.relocated)}</span>,
          },
          {
            title: t("incidents.detail.asOf"),
            key: "report",
            render: (_v, a) => (
              <Space size={4}>
                <ReportKindTag kind={a.reportKind} />
                {formatDistrictDateTime(a.reportedAt)}
              </Space>
            ),
          },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              {t("incidents.detail.total", { areas: incident.totals.areas })}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              {formatNumber(incident.totals.affected)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <span data-testid="incident-total-relocated">{formatNumber(incident.totals.relocated)}</span>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} />
          </Table.Summary.Row>
        )}
      />
    </Card>
  );
}

function ReportHistory({ incident }: { incident: IncidentDetail }) {
  const { t, formatNumber, list } = useI18n();
  return (
    <Card title={t("incidents.detail.reports")}>
      <Timeline
        data-testid="incident-reports"
        items={incident.reports.map((r) => ({
          key: r.id,
          children: (
            <Flex vertical gap={2}>
              <Space size={4} wrap>
                <ReportKindTag kind={r.kind} />
                <Typography.Text strong>{formatDistrictDateTime(r.reportedAt)}</Typography.Text>
                <Typography.Text type="secondary">
                  {t("incidents.detail.recordedBy", {
                    by: r.recordedBy,
                    at: formatDistrictDateTime(r.recordedAt),
                  })}
                </Typography.Text>
              </Space>
              <Typography.Text>
                {t("incidents.detail.reportTotals", {
                  affected: formatNumber(r.totals.affected),
                  relocated: formatNumber(r.totals.relocated),
                })}
              </Typography.Text>
              <Typography.Text type="secondary">
                {list(
                  r.areas.map((a) =>
                    t("incidents.detail.reportArea", {
                      area: a.name,
                      affected: formatNumber(a.affected),
                      relocated: formatNumber(a.relocated),
                    }),
                  ),
                )}
              </Typography.Text>
              {r.note && <Typography.Text type="secondary">{r.note}</Typography.Text>}
            </Flex>
          ),
        }))}
      />
    </Card>
  );
}

/**
 * 灾情详情: the incident's header with its 10-hour deadline and the time left, the latest figures per area, every
 * report, the relief package, the needs per area and item, its road closures, and the way to its dispatch plan.
 */
export function IncidentDetailPage() {
  const { t, tm } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const id = Number(useParams().id);
  const query = useQuery(trpc.incidents.get.queryOptions({ id }));
  const [reporting, setReporting] = useState(false);
  const close = useMutation(
    trpc.incidents.close.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries(trpc.incidents.pathFilter()),
      onError: (error) => message.error(errorInfo(error, t("errors.network"), tm).message),
    }),
  );
  if (query.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  const incident = query.data;
  const editable = canPlanDispatch(user.role) && incident.status === "open";

  return (
    <Flex vertical gap={16} data-testid="incident-page">
      <PageHeader
        title={
          <Space>
            <Link to="/incidents" aria-label={t("incidents.detail.back")}>
              <ArrowLeftOutlined />
            </Link>
            <span data-testid="incident-title">{incident.title}</span>
            <DrillTag drill={incident.drill} />
            <IncidentStatusTag status={incident.status} />
          </Space>
        }
        subtitle={`${incident.number} · ${t(`incidents.type.${incident.type}`)}`}
        extra={
          <Space wrap>
            <AidRequestButton incidentId={id} open={incident.status === "open"} />
            {editable && (
              <Button
                icon={<FileAddOutlined />}
                onClick={() => setReporting(true)}
                data-testid="incident-add-report"
              >
                {t("incidents.detail.addReport")}
              </Button>
            )}
            {editable && (
              <Popconfirm
                title={t("incidents.detail.closeConfirm", { number: incident.number })}
                okText={t("incidents.detail.close")}
                cancelText={t("common.cancel")}
                onConfirm={() => close.mutate({ id })}
              >
                <Button danger icon={<StopOutlined />} loading={close.isPending} data-testid="incident-close">
                  {t("incidents.detail.close")}
                </Button>
              </Popconfirm>
            )}
          </Space>
        }
      />
      <IncidentReplanFlag incidentId={id} mayReplan={editable} />
      <Card>
        <Flex wrap gap={32} align="center" justify="space-between">
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              {
                key: "started",
                label: t("incidents.field.startedAt"),
                children: formatDistrictDateTime(incident.startedAt),
              },
              {
                key: "deadline",
                label: t("incidents.detail.deadline"),
                children: <TimeLeft incident={incident} />,
              },
              { key: "by", label: t("incidents.detail.createdBy"), children: incident.createdBy },
              ...(incident.closedAt
                ? [
                    {
                      key: "closed",
                      label: t("incidents.detail.closedAt"),
                      children: formatDistrictDateTime(incident.closedAt),
                    },
                  ]
                : []),
              ...(incident.description
                ? [
                    {
                      key: "description",
                      label: t("incidents.field.description"),
                      children: incident.description,
                      span: 2,
                    },
                  ]
                : []),
            ]}
          />
          <Space size={32}>
            <Statistic title={t("incidents.field.affected")} value={incident.totals.affected} />
            <Statistic title={t("incidents.field.relocated")} value={incident.totals.relocated} />
          </Space>
        </Flex>
      </Card>
      <Card className="incident-plan-area" data-testid="incident-plan-area">
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Typography.Text>{t("incidents.detail.planHint")}</Typography.Text>
          <Space wrap>
            <Link to={`/incidents/${id}/progress`} data-testid="incident-progress-link">
              <Button icon={<DashboardOutlined />}>{t("incidents.detail.progress")}</Button>
            </Link>
            <Link to={`/incidents/${id}/plan`} data-testid="incident-plan-link">
              <Button type="primary" icon={<NodeIndexOutlined />}>
                {t("incidents.detail.plan")}
              </Button>
            </Link>
          </Space>
        </Flex>
      </Card>
      <IncidentOrders incidentId={id} />
      <AreasCard incident={incident} />
      <ReportHistory incident={incident} />
      <PackageSection incident={incident} editable={editable} />
      <NeedsSection incident={incident} editable={editable} />
      <RoadClosuresCard incidentId={id} />
      {reporting && <ReportModal incident={incident} onClose={() => setReporting(false)} />}
    </Flex>
  );
}
