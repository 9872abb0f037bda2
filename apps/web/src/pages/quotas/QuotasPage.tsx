import { EditOutlined, HistoryOutlined } from "@ant-design/icons";
import { quotaMessage, seasonMonthsMessage } from "@relief/domain";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Flex, Space, Table, type TableColumnsType, Tag, Tooltip, Typography } from "antd";
import { useMemo, useState } from "react";
import { useCurrentUser } from "../../auth/current-user";
import { EstimateTag } from "../../components/coverage/CoverageTags";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n";
import { canEditCoverage, categoryLabel, type QuotaView } from "../../lib/coverage";
import { formatDistrictDateTime } from "../../lib/format";
import { trpc } from "../../trpc";
import { QuotaFormModal } from "./QuotaFormModal";
import { QuotaHistoryDrawer } from "./QuotaHistoryDrawer";

/**
 * 保障定额: the quota of each material category that turns stock into people covered. Every change adds a
 * version effective from now, with its reason; the drawer lists every version.
 */
export function QuotasPage() {
  const { t, tm, locale } = useI18n();
  const user = useCurrentUser();
  const canEdit = canEditCoverage(user.role);
  const query = useQuery(trpc.quotas.list.queryOptions({}, { staleTime: 0 }));
  const categories = useQuery(trpc.items.categories.queryOptions());
  const [editing, setEditing] = useState<QuotaView | null>(null);
  const [history, setHistory] = useState<{ categoryId: number | null } | null>(null);

  // Categories without a quota take no part in the coverage figure until one is set.
  const unset = useMemo(() => {
    const set = new Set((query.data?.current ?? []).map((q) => q.categoryId));
    return (categories.data ?? []).filter((c) => !set.has(c.id));
  }, [query.data, categories.data]);
  const firstQuota = (c: { id: number; code: string; name: string }): QuotaView => ({
    id: 0,
    categoryId: c.id,
    categoryCode: c.code,
    categoryName: c.name,
    measure: "unit",
    unitLabel: "",
    quantity: 1,
    perPersons: 1,
    basis: "person",
    days: null,
    required: false,
    seasonMonths: null,
    estimate: true,
    source: "",
    effectiveFrom: "",
    note: null,
    recordedBy: null,
    recordedAt: "",
  });

  const nameOf = useMemo(() => {
    const english = new Map((categories.data ?? []).map((c) => [c.id, c.nameEn] as const));
    return (q: Pick<QuotaView, "categoryId" | "categoryName">) =>
      categoryLabel({ name: q.categoryName, nameEn: english.get(q.categoryId) }, locale);
  }, [categories.data, locale]);

  const columns: TableColumnsType<QuotaView> = [
    {
      title: t("quotas.column.category"),
      key: "category",
      fixed: "left",
      render: (_v, q) => (
        <Space size={4} wrap>
          <span data-testid="quota-category">{nameOf(q)}</span>
          {q.estimate && <EstimateTag />}
        </Space>
      ),
    },
    {
      title: t("quotas.column.quota"),
      key: "quota",
      render: (_v, q) => (
        <Flex vertical>
          <span className="nowrap qty-strong" data-testid="quota-text">
            {tm(quotaMessage(q))}
          </span>
          <Typography.Text type="secondary" className="cell-code nowrap">
            {t(`quotaMeasure.${q.measure}`)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t("quotas.column.days"),
      dataIndex: "days",
      key: "days",
      align: "right",
      render: (days: number | null) =>
        days === null ? <span className="qty-zero">—</span> : t("quotas.daysValue", { days }),
    },
    {
      title: t("quotas.column.required"),
      dataIndex: "required",
      key: "required",
      render: (required: boolean) =>
        required ? (
          <Tag color="blue" data-testid="quota-required">
            {t("quotas.required.yes")}
          </Tag>
        ) : (
          <Tag className="tag-muted" data-testid="quota-not-required">
            {t("quotas.required.no")}
          </Tag>
        ),
    },
    {
      title: t("quotas.column.season"),
      dataIndex: "seasonMonths",
      key: "season",
      render: (months: QuotaView["seasonMonths"]) =>
        months ? (
          <Tag color="geekblue" data-testid="quota-season">
            {tm(seasonMonthsMessage(months))}
          </Tag>
        ) : (
          <span className="nowrap">{tm(seasonMonthsMessage(null))}</span>
        ),
    },
    {
      title: t("quotas.column.source"),
      dataIndex: "source",
      key: "source",
      width: 280,
      render: (source: string) =>
        source ? (
          <Typography.Paragraph ellipsis={{ rows: 2, tooltip: source }} className="quota-source">
            {source}
          </Typography.Paragraph>
        ) : (
          <span className="qty-zero">—</span>
        ),
    },
    {
      title: t("quotas.column.lastChange"),
      key: "lastChange",
      width: 260,
      render: (_v, q) => (
        <Flex vertical>
          <span data-testid="quota-reason">{q.note ?? "—"}</span>
          <Typography.Text type="secondary" className="cell-code">
            <span data-testid="quota-effective">{formatDistrictDateTime(q.effectiveFrom)}</span>
            {" · "}
            {q.recordedBy ?? t("quotas.system")}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t("common.actions"),
      key: "actions",
      fixed: "right",
      render: (_v, q) => (
        <Space size={0}>
          {canEdit && (
            <Button
              type="link"
              size="small"
              icon={<EditOutlined />}
              onClick={() => setEditing(q)}
              data-testid={`quota-edit-${q.categoryCode}`}
            >
              {t("common.edit")}
            </Button>
          )}
          <Tooltip title={t("quotas.historyHint")}>
            <Button
              type="link"
              size="small"
              icon={<HistoryOutlined />}
              onClick={() => setHistory({ categoryId: q.categoryId })}
              data-testid={`quota-history-${q.categoryCode}`}
            >
              {t("quotas.history")}
            </Button>
          </Tooltip>
        </Space>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t("quotas.title")}
        subtitle={t("quotas.subtitle")}
        extra={
          <Button
            icon={<HistoryOutlined />}
            onClick={() => setHistory({ categoryId: null })}
            data-testid="quota-history-all"
          >
            {t("quotas.historyAll")}
          </Button>
        }
      />
      <Alert type="info" showIcon title={t("quotas.versionNote")} data-testid="quota-version-note" />
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <Table<QuotaView>
          rowKey="categoryId"
          size="middle"
          columns={columns}
          dataSource={query.data?.current ?? []}
          loading={query.isPending}
          pagination={false}
          scroll={{ x: "max-content" }}
          data-testid="quotas-table"
          onRow={(q) =>
            ({ "data-testid": "quota-row", "data-code": q.categoryCode }) as React.HTMLAttributes<HTMLElement>
          }
        />
      )}
      {unset.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="quota-unset"
          title={t("quotas.unset.title")}
          description={
            <Space size={[8, 8]} wrap>
              {unset.map((c) => (
                <Space key={c.id} size={4}>
                  <Tag>{categoryLabel(c, locale)}</Tag>
                  {canEdit && (
                    <Button
                      size="small"
                      type="link"
                      onClick={() => setEditing(firstQuota(c))}
                      data-testid={`quota-set-${c.code}`}
                    >
                      {t("quotas.unset.set")}
                    </Button>
                  )}
                </Space>
              ))}
            </Space>
          }
        />
      )}
      {editing && <QuotaFormModal quota={editing} name={nameOf(editing)} onClose={() => setEditing(null)} />}
      {history && (
        <QuotaHistoryDrawer
          versions={query.data?.history ?? []}
          categoryId={history.categoryId}
          nameOf={nameOf}
          onClose={() => setHistory(null)}
        />
      )}
    </Flex>
  );
}
