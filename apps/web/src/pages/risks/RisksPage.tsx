import { EditOutlined, HistoryOutlined, PlusOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Flex, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useCurrentUser } from "../../auth/current-user";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n";
import { formatDistrictDateTime } from "../../lib/format";
import { canEditLayout } from "../../lib/roles";
import { trpc } from "../../trpc";
import { percent, type Risk } from "../layout/layoutTypes";
import { RiskFormModal } from "./RiskFormModal";
import { RiskHistoryDrawer } from "./RiskHistoryDrawer";

/**
 * 风险登记: every township's hazards with the scenario's size, likelihood weight, the roads it closes and the
 * basis of the figures (estimates marked); civil affairs change a hazard with a reason, as a new version.
 */
export function RisksPage() {
  const { t, formatNumber, list } = useI18n();
  const editor = canEditLayout(useCurrentUser().role);
  const risks = useQuery(trpc.risks.list.queryOptions());
  /** The hazard being changed, or "new" while one is registered. */
  const [editing, setEditing] = useState<Risk | "new" | null>(null);
  const [history, setHistory] = useState<Risk | null>(null);

  const columns: ColumnsType<Risk> = [
    { key: "township", title: t("risks.field.township"), dataIndex: "township" },
    { key: "hazard", title: t("risks.field.hazard"), render: (_, r) => t(`risks.hazard.${r.hazard}`) },
    {
      key: "size",
      title: t("risks.page.size"),
      render: (_, r) =>
        r.relocated !== null
          ? t("risks.page.relocated", { people: formatNumber(r.relocated) })
          : t("risks.page.share", { share: percent(r.shareOfResidents ?? 0) }),
    },
    {
      key: "people",
      title: t("risks.page.people"),
      align: "right",
      render: (_, r) => formatNumber(r.people),
    },
    { key: "weight", title: t("risks.field.weight"), align: "right", dataIndex: "weight" },
    {
      key: "roads",
      title: t("risks.field.closedRoads"),
      render: (_, r) =>
        r.closedRoads.length === 0 ? (
          <Typography.Text type="secondary">{t("risks.page.noRoads")}</Typography.Text>
        ) : (
          list(r.closedRoads.map((road) => road.name))
        ),
    },
    {
      key: "basis",
      title: t("risks.field.basis"),
      render: (_, r) => (
        <Flex gap={4} wrap>
          {r.estimate && <Tag color="orange">{t("risks.page.estimate")}</Tag>}
          <Typography.Text>{r.basis}</Typography.Text>
        </Flex>
      ),
    },
    {
      key: "effectiveFrom",
      title: t("risks.page.effectiveFrom"),
      render: (_, r) => formatDistrictDateTime(r.effectiveFrom),
    },
    {
      key: "actions",
      title: t("common.actions"),
      render: (_, r) => (
        <Flex gap={8}>
          <Button
            size="small"
            icon={<HistoryOutlined />}
            onClick={() => setHistory(r)}
            data-testid={`risk-history-${r.areaId}-${r.hazard}`}
          >
            {t("risks.history.open")}
          </Button>
          {editor && (
            <Button
              size="small"
              icon={<EditOutlined />}
              onClick={() => setEditing(r)}
              data-testid={`risk-edit-${r.areaId}-${r.hazard}`}
            >
              {t("risks.page.edit")}
            </Button>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t("risks.page.title")}
        subtitle={t("risks.page.subtitle")}
        extra={
          editor && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing("new")}
              data-testid="risk-create"
            >
              {t("risks.page.create")}
            </Button>
          )
        }
      />
      <Card>
        {risks.isError ? (
          <QueryError error={risks.error} onRetry={() => risks.refetch()} />
        ) : (
          <Table<Risk>
            rowKey="id"
            size="small"
            loading={risks.isLoading}
            columns={columns}
            dataSource={risks.data}
            pagination={false}
            scroll={{ x: "max-content" }}
            data-testid="risks-table"
          />
        )}
      </Card>
      {editing && (
        <RiskFormModal
          risk={editing === "new" ? null : editing}
          registered={risks.data ?? []}
          onClose={() => setEditing(null)}
        />
      )}
      {history && <RiskHistoryDrawer risk={history} onClose={() => setHistory(null)} />}
    </Flex>
  );
}
