import { quotaMessage, seasonMonthsMessage } from "@relief/domain";
import { Drawer, Flex, Space, Table, type TableColumnsType, Tag, Typography } from "antd";
import { EstimateTag } from "../../components/coverage/CoverageTags";
import { useI18n } from "../../i18n";
import type { QuotaView } from "../../lib/coverage";
import { formatDistrictDateTime } from "../../lib/format";

/**
 * Every version of the quotas (of one category, or of all), newest first: when it took effect, what it said,
 * who recorded it and why.
 */
export function QuotaHistoryDrawer({
  versions,
  categoryId,
  nameOf,
  onClose,
}: {
  versions: readonly QuotaView[];
  categoryId: number | null;
  nameOf: (q: Pick<QuotaView, "categoryId" | "categoryName">) => string;
  onClose: () => void;
}) {
  const { t, tm } = useI18n();
  const rows = categoryId === null ? versions : versions.filter((v) => v.categoryId === categoryId);
  const first = rows[0];
  const title =
    categoryId !== null && first
      ? t("quotas.historyTitle", { name: nameOf(first) })
      : t("quotas.historyAllTitle");

  const columns: TableColumnsType<QuotaView> = [
    {
      title: t("quotas.column.effectiveFrom"),
      dataIndex: "effectiveFrom",
      key: "effectiveFrom",
      render: (at: string) => <span className="nowrap">{formatDistrictDateTime(at)}</span>,
    },
    ...(categoryId === null
      ? [
          {
            title: t("quotas.column.category"),
            key: "category",
            render: (_v: unknown, q: QuotaView) => nameOf(q),
          },
        ]
      : []),
    {
      title: t("quotas.column.quota"),
      key: "quota",
      render: (_v, q) => (
        <Flex vertical gap={2}>
          <span className="nowrap">{tm(quotaMessage(q))}</span>
          <Space size={4} wrap>
            {q.estimate && <EstimateTag />}
            {!q.required && <Tag className="tag-muted">{t("quotas.required.no")}</Tag>}
            {q.seasonMonths && <Tag color="geekblue">{tm(seasonMonthsMessage(q.seasonMonths))}</Tag>}
          </Space>
        </Flex>
      ),
    },
    {
      title: t("quotas.column.recordedBy"),
      key: "recordedBy",
      render: (_v, q) => (
        <Flex vertical>
          <span>{q.recordedBy ?? t("quotas.system")}</span>
          <Typography.Text type="secondary" className="cell-code nowrap">
            {formatDistrictDateTime(q.recordedAt)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t("quotas.column.reason"),
      dataIndex: "note",
      key: "note",
      render: (note: string | null) => note ?? "—",
    },
  ];

  return (
    <Drawer open size={categoryId === null ? 900 : 760} title={title} onClose={onClose} destroyOnHidden>
      <Table<QuotaView>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        data-testid="quota-history"
        onRow={() => ({ "data-testid": "quota-version-row" }) as React.HTMLAttributes<HTMLElement>}
      />
    </Drawer>
  );
}
