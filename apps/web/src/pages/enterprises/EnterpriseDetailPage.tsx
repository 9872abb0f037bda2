import { ArrowLeftOutlined, EditOutlined, PhoneOutlined, PlusOutlined } from "@ant-design/icons";
import { warehouseOwner } from "@relief/domain";
import { skipToken, useQuery } from "@tanstack/react-query";
import {
  Alert,
  Button,
  Card,
  Descriptions,
  type DescriptionsProps,
  Flex,
  Result,
  Skeleton,
  Space,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useNavigate, useParams, useSearchParams } from "react-router";
import { useCurrentUser } from "../../auth/current-user";
import { GradeTag } from "../../components/agreements/AgreementTags";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n";
import type { EnterpriseDetail } from "../../lib/api-types";
import { formatCoordinates } from "../../lib/format";
import { canEditAgreements, canEditEnterprises, canEditWarehouse } from "../../lib/roles";
import { trpc } from "../../trpc";
import { AgreementFormModal } from "../agreements/AgreementFormModal";
import { AgreementTable } from "../agreements/AgreementTable";
import { WarehouseFormModal } from "../warehouses/WarehouseFormModal";
import { CreditPanel } from "./CreditPanel";
import { EnterpriseFormModal } from "./EnterpriseFormModal";
import { EnterpriseKindTag } from "./EnterpriseKindTag";

type WarehouseRow = EnterpriseDetail["warehouses"][number];
type ContactRow = EnterpriseDetail["contacts"][number];

const TABS = ["info", "agreements", "warehouses", "credit"] as const;
type TabKey = (typeof TABS)[number];

type Dialog = "edit" | "agreement" | { site: WarehouseRow | null };

/** One partner enterprise: contacts, its agreements, its sites (enterprise warehouses) and its credit record. */
export function EnterpriseDetailPage() {
  const { t, formatNumber } = useI18n();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const query = useQuery(trpc.enterprises.get.queryOptions(valid ? { id } : skipToken, { staleTime: 0 }));
  const areas = useQuery(trpc.areas.list.queryOptions());
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const tab: TabKey = TABS.find((k) => k === params.get("tab")) ?? "info";

  if (!valid) return <Result status="404" title={t("enterprises.detail.notFound")} />;
  if (query.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;

  const e = query.data;
  // Sites are the commerce bureau's to register, as the server decides by their kind.
  const canAddSite = canEditWarehouse(user.role, { owner: warehouseOwner({ kind: "enterprise" }) });
  const township =
    e.areaId === null ? null : (areas.data?.areas.find((a) => a.id === e.areaId)?.name ?? null);

  const info: DescriptionsProps["items"] = [
    {
      key: "code",
      label: t("enterprises.column.creditCode"),
      children: (
        <span className="credit-code" data-testid="enterprise-detail-code">
          {e.creditCode}
        </span>
      ),
    },
    { key: "kind", label: t("enterprises.column.kind"), children: t(`enterpriseKind.${e.kind}`) },
    { key: "township", label: t("enterprises.column.township"), children: township ?? "—" },
    { key: "address", label: t("enterprises.column.address"), children: e.address || "—" },
    {
      key: "coordinates",
      label: t("areas.column.coordinates"),
      children: formatCoordinates(e.lat, e.lon),
    },
    { key: "status", label: t("enterprises.column.status"), children: t(`enterpriseStatus.${e.status}`) },
    { key: "note", label: t("enterprises.column.note"), span: "filled", children: e.note ?? "—" },
  ];

  const contactColumns: TableColumnsType<ContactRow> = [
    { title: t("enterprises.form.contactName"), dataIndex: "name", key: "name" },
    {
      title: t("enterprises.form.contactRole"),
      dataIndex: "role",
      key: "role",
      render: (v: string) => v || "—",
    },
    {
      title: t("enterprises.form.contactMobile"),
      dataIndex: "mobile",
      key: "mobile",
      render: (mobile: string) => (
        <a href={`tel:${mobile.replace(/[^0-9+]/g, "")}`} className="phone-link">
          <PhoneOutlined /> {mobile}
        </a>
      ),
    },
  ];

  const warehouseColumns: TableColumnsType<WarehouseRow> = [
    { title: t("catalog.column.code"), dataIndex: "code", key: "code" },
    {
      title: t("warehouses.column.name"),
      dataIndex: "name",
      key: "name",
      render: (name: string, w) => (
        <Space size={6}>
          <span data-testid="enterprise-warehouse-name">{name}</span>
          {!w.active && <Tag>{t("users.inactive")}</Tag>}
        </Space>
      ),
    },
    { title: t("warehouses.column.township"), dataIndex: "areaName", key: "township" },
    {
      title: t("warehouses.column.address"),
      dataIndex: "address",
      key: "address",
      render: (v: string) => v || "—",
    },
    {
      title: t("warehouses.column.capacity"),
      key: "capacity",
      render: (_v, w) =>
        w.capacityM3 === null && w.capacityM2 === null ? (
          <Typography.Text type="secondary">{t("warehouses.noCapacity")}</Typography.Text>
        ) : (
          <Flex vertical>
            <span>{w.capacityM3 === null ? "—" : `${formatNumber(w.capacityM3)} m³`}</span>
            <Typography.Text type="secondary" className="cell-code">
              {w.capacityM2 === null ? "—" : `${formatNumber(w.capacityM2)} m²`}
            </Typography.Text>
          </Flex>
        ),
    },
    {
      title: t("warehouses.column.contact"),
      key: "contact",
      render: (_v, w) => (
        <Flex vertical>
          <span>{w.manager || "—"}</span>
          {w.phone && <span className="phone-link">{w.phone}</span>}
        </Flex>
      ),
    },
    ...(canAddSite
      ? [
          {
            title: t("common.actions"),
            key: "actions",
            render: (_v: unknown, w: WarehouseRow) =>
              canEditWarehouse(user.role, w) && (
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => setDialog({ site: w })}
                  data-testid={`enterprise-site-edit-${w.code}`}
                >
                  {t("common.edit")}
                </Button>
              ),
          },
        ]
      : []),
  ];

  const setTab = (key: string) => {
    const next = new URLSearchParams(params);
    if (key === "info") next.delete("tab");
    else next.set("tab", key);
    setParams(next, { replace: true });
  };

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Space wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
            {t("common.back")}
          </Button>
          <Typography.Title level={3} className="page-title" data-testid="enterprise-detail-name">
            {e.name}
          </Typography.Title>
          <GradeTag grade={e.credit.grade} score={e.credit.score} />
          <EnterpriseKindTag kind={e.kind} />
          {e.keySupplier && (
            <Tag color="gold" data-testid="enterprise-key">
              {t("enterprises.keySupplier")}
            </Tag>
          )}
          <Tag
            color={e.status === "suspended" ? "red" : "green"}
            data-testid={`enterprise-status-${e.status}`}
          >
            {t(`enterpriseStatus.${e.status}`)}
          </Tag>
        </Space>
        <Space wrap>
          {canEditAgreements(user.role) && e.status === "active" && (
            <Button
              icon={<PlusOutlined />}
              onClick={() => setDialog("agreement")}
              data-testid="enterprise-new-agreement"
            >
              {t("agreements.create")}
            </Button>
          )}
          {canEditEnterprises(user.role) && (
            <Button
              icon={<EditOutlined />}
              onClick={() => setDialog("edit")}
              data-testid="enterprise-detail-edit"
            >
              {t("common.edit")}
            </Button>
          )}
        </Space>
      </Flex>
      <Typography.Text type="secondary" className="credit-code">
        {e.creditCode}
      </Typography.Text>
      {e.credit.flagged && (
        <Alert
          type="warning"
          showIcon
          title={t("enterprises.detail.flaggedAlert")}
          data-testid="enterprise-flagged-alert"
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: "info",
            label: <span data-testid="enterprise-tab-info">{t("enterprises.tab.info")}</span>,
            children: (
              <Flex vertical gap={16}>
                <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} items={info} />
                <Card size="small" title={t("enterprises.form.contacts")}>
                  <Table<ContactRow>
                    rowKey={(c) => `${c.name}-${c.mobile}`}
                    size="small"
                    columns={contactColumns}
                    dataSource={e.contacts}
                    pagination={false}
                    locale={{ emptyText: t("enterprises.contacts.none") }}
                    data-testid="enterprise-contacts"
                  />
                </Card>
              </Flex>
            ),
          },
          {
            key: "agreements",
            label: (
              <span data-testid="enterprise-tab-agreements">
                {t("enterprises.tab.agreements")} ({e.agreements.length})
              </span>
            ),
            children: (
              <AgreementTable
                rows={e.agreements}
                showEnterprise={false}
                emptyText={t("enterprises.agreements.none")}
              />
            ),
          },
          {
            key: "warehouses",
            label: (
              <span data-testid="enterprise-tab-warehouses">
                {t("enterprises.tab.warehouses")} ({e.warehouses.length})
              </span>
            ),
            children: (
              <Flex vertical gap={12}>
                <Flex justify="space-between" align="center" wrap gap={12}>
                  <Typography.Text type="secondary">{t("enterprises.sites.hint")}</Typography.Text>
                  {canAddSite && (
                    <Button
                      icon={<PlusOutlined />}
                      onClick={() => setDialog({ site: null })}
                      data-testid="enterprise-site-add"
                    >
                      {t("enterprises.sites.add")}
                    </Button>
                  )}
                </Flex>
                <Table<WarehouseRow>
                  rowKey="id"
                  size="middle"
                  columns={warehouseColumns}
                  dataSource={e.warehouses}
                  pagination={false}
                  scroll={{ x: "max-content" }}
                  locale={{ emptyText: t("enterprises.warehouses.none") }}
                  data-testid="enterprise-warehouses"
                />
              </Flex>
            ),
          },
          {
            key: "credit",
            label: <span data-testid="enterprise-tab-credit">{t("enterprises.tab.credit")}</span>,
            children: (
              <CreditPanel
                credit={e.credit}
                events={e.creditEvents}
                recordFor={canEditAgreements(user.role) ? e : null}
              />
            ),
          },
        ]}
      />
      {dialog === "edit" && <EnterpriseFormModal enterprise={e} onClose={() => setDialog(null)} />}
      {dialog === "agreement" && (
        <AgreementFormModal agreement={null} enterpriseId={e.id} onClose={() => setDialog(null)} />
      )}
      {typeof dialog === "object" && dialog !== null && (
        <WarehouseFormModal
          warehouse={dialog.site}
          siteOf={{ id: e.id, name: e.name, areaId: e.areaId }}
          onClose={() => setDialog(null)}
        />
      )}
    </Flex>
  );
}
