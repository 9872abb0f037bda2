import { PlusOutlined, ReloadOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, Button, Flex, Select, Space, Tabs, Typography } from "antd";
import { useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { useCurrentUser } from "../../auth/current-user";
import { CalloffTable } from "../../components/agreements/CalloffTable";
import { useItemUnits } from "../../components/agreements/lines";
import { QueryError } from "../../components/QueryError";
import { ItemSelect } from "../../components/stock/Pickers";
import { useI18n } from "../../i18n";
import {
  AGREEMENT_KINDS,
  AGREEMENT_STATUSES,
  type AgreementKind,
  type AgreementStatus,
  type AgreementsQuery,
  CALLOFF_STATUSES,
  type CalloffStatus,
} from "../../lib/api-types";
import { canEditAgreements } from "../../lib/roles";
import { trpc } from "../../trpc";
import { AgreementFormModal } from "./AgreementFormModal";
import { AgreementTable } from "./AgreementTable";

type Tab = "agreements" | "calloffs";

const positive = (value: string | null) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

/** The filters as they stand in the address (links from enterprise pages set them). */
function readFilters(params: URLSearchParams): AgreementsQuery {
  const kind = AGREEMENT_KINDS.find((k) => k === params.get("kind"));
  const status = AGREEMENT_STATUSES.find((s) => s === params.get("status"));
  return {
    enterpriseId: positive(params.get("enterpriseId")),
    itemId: positive(params.get("itemId")),
    ...(kind && { kind }),
    ...(status && { status }),
  };
}

/** 储备协议: agreements with their status and what they commit, and every call-off made against them. */
export function AgreementsPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const canEdit = canEditAgreements(user.role);
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get("tab") === "calloffs" ? "calloffs" : "agreements";
  const filters = readFilters(params);
  const [creating, setCreating] = useState(false);

  const setParam = (key: string, value: string | number | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined || value === "") next.delete(key);
    else next.set(key, String(value));
    setParams(next, { replace: true });
  };

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <div>
          <Typography.Title level={3} className="page-title">
            {t("agreements.title")}
          </Typography.Title>
          <Typography.Text type="secondary">{t("agreements.subtitle")}</Typography.Text>
        </div>
        {canEdit && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="agreement-create"
          >
            {t("agreements.create")}
          </Button>
        )}
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParam("tab", key === "calloffs" ? "calloffs" : undefined)}
        items={[
          {
            key: "agreements",
            label: <span data-testid="agreements-tab-agreements">{t("agreements.tab.agreements")}</span>,
            children: <AgreementsTab filters={filters} setParam={setParam} />,
          },
          {
            key: "calloffs",
            label: <span data-testid="agreements-tab-calloffs">{t("agreements.tab.calloffs")}</span>,
            children: <CalloffsTab />,
          },
        ]}
      />
      {creating && <AgreementFormModal agreement={null} onClose={() => setCreating(false)} />}
    </Flex>
  );
}

function AgreementsTab({
  filters,
  setParam,
}: {
  filters: AgreementsQuery;
  setParam: (key: string, value: string | number | undefined) => void;
}) {
  const { t } = useI18n();
  const query = useQuery(
    trpc.agreements.list.queryOptions(filters, { placeholderData: keepPreviousData, staleTime: 0 }),
  );
  // The whole register, for the reminder of what expires soon or has expired.
  const all = useQuery(trpc.agreements.list.queryOptions({}, { staleTime: 0 }));
  const enterprises = useQuery(trpc.enterprises.list.queryOptions());
  const units = useItemUnits();
  const counts = useMemo(() => {
    const rows = all.data ?? [];
    return {
      expiring: rows.filter((a) => a.status === "expiring").length,
      expired: rows.filter((a) => a.status === "expired").length,
    };
  }, [all.data]);

  const statusLink = (status: AgreementStatus, text: string, testId: string) => (
    <Button
      type="link"
      className="link-inline"
      onClick={() => setParam("status", status)}
      data-testid={testId}
    >
      {text}
    </Button>
  );

  return (
    <Flex vertical gap={12}>
      {(counts.expiring > 0 || counts.expired > 0) && (
        <Alert
          type={counts.expiring > 0 ? "warning" : "info"}
          showIcon
          data-testid="agreements-expiry-alert"
          title={
            <Space size={16} wrap>
              {counts.expiring > 0 &&
                statusLink(
                  "expiring",
                  t("agreements.alert.expiring", { count: counts.expiring }),
                  "agreements-alert-expiring",
                )}
              {counts.expired > 0 &&
                statusLink(
                  "expired",
                  t("agreements.alert.expired", { count: counts.expired }),
                  "agreements-alert-expired",
                )}
            </Space>
          }
          description={t("agreements.alert.hint")}
        />
      )}
      <Space wrap className="stock-filters">
        <Select<number>
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          className="filter-wide"
          placeholder={t("agreements.filter.enterprise")}
          value={filters.enterpriseId}
          onChange={(value) => setParam("enterpriseId", value)}
          loading={enterprises.isPending}
          options={(enterprises.data ?? []).map((e) => ({ value: e.id, label: e.name }))}
          data-testid="agreements-filter-enterprise"
        />
        <Select<AgreementKind>
          allowClear
          className="filter-narrow"
          placeholder={t("agreements.filter.kind")}
          value={filters.kind}
          onChange={(value) => setParam("kind", value)}
          options={AGREEMENT_KINDS.map((value) => ({ value, label: t(`agreementKind.${value}`) }))}
          data-testid="agreements-filter-kind"
        />
        <Select<AgreementStatus>
          allowClear
          className="filter-narrow"
          placeholder={t("agreements.filter.status")}
          value={filters.status}
          onChange={(value) => setParam("status", value)}
          options={AGREEMENT_STATUSES.map((value) => ({ value, label: t(`agreementStatus.${value}`) }))}
          data-testid="agreements-filter-status"
        />
        <ItemSelect
          allowClear
          includeInactive
          className="filter-wide"
          placeholder={t("agreements.filter.item")}
          items={units.items}
          value={filters.itemId}
          onChange={(value) => setParam("itemId", value)}
          data-testid="agreements-filter-item"
        />
        <Button icon={<ReloadOutlined />} onClick={() => query.refetch()} loading={query.isFetching}>
          {t("common.refresh")}
        </Button>
      </Space>
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <AgreementTable rows={query.data ?? []} loading={query.isFetching} emptyText={t("agreements.none")} />
      )}
    </Flex>
  );
}

/** Every call-off, newest first; narrowed by enterprise and status in the browser. */
function CalloffsTab() {
  const { t } = useI18n();
  const query = useQuery(trpc.agreements.calloffs.queryOptions({}, { staleTime: 0 }));
  const [enterpriseId, setEnterpriseId] = useState<number | undefined>(undefined);
  const [status, setStatus] = useState<CalloffStatus | undefined>(undefined);
  const rows = useMemo(
    () =>
      (query.data ?? []).filter(
        (c) =>
          (enterpriseId === undefined || c.enterpriseId === enterpriseId) &&
          (status === undefined || c.status === status),
      ),
    [query.data, enterpriseId, status],
  );
  const enterprises = useMemo(() => {
    const names = new Map((query.data ?? []).map((c) => [c.enterpriseId, c.enterpriseName] as const));
    return [...names].map(([value, label]) => ({ value, label }));
  }, [query.data]);

  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  return (
    <Flex vertical gap={12}>
      <Space wrap className="stock-filters">
        <Select<number>
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          className="filter-wide"
          placeholder={t("agreements.filter.enterprise")}
          value={enterpriseId}
          onChange={setEnterpriseId}
          options={enterprises}
          data-testid="calloffs-filter-enterprise"
        />
        <Select<CalloffStatus>
          allowClear
          className="filter-narrow"
          placeholder={t("agreements.filter.status")}
          value={status}
          onChange={setStatus}
          options={CALLOFF_STATUSES.map((value) => ({ value, label: t(`calloffStatus.${value}`) }))}
          data-testid="calloffs-filter-status"
        />
        <Button icon={<ReloadOutlined />} onClick={() => query.refetch()} loading={query.isFetching}>
          {t("common.refresh")}
        </Button>
      </Space>
      <CalloffTable rows={rows} loading={query.isPending} />
    </Flex>
  );
}
