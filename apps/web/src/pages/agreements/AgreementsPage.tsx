import { PlusOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, Button, Flex, Input, Space, Tabs } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { useCurrentUser } from "../../auth/current-user";
import { useItemUnits } from "../../components/agreements/lines";
import { CodeFilter } from "../../components/CodeFilter";
import { EnterpriseSelect } from "../../components/EnterpriseSelect";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { RefreshButton } from "../../components/RefreshButton";
import { ItemSelect } from "../../components/stock/Pickers";
import { useI18n } from "../../i18n";
import {
  AGREEMENT_KINDS,
  AGREEMENT_SORTS,
  AGREEMENT_STATUSES,
  type AgreementStatus,
  type AgreementsQuery,
} from "../../lib/api-types";
import { canEditAgreements } from "../../lib/roles";
import { useUrlListState } from "../../lib/useUrlListState";
import { trpc } from "../../trpc";
import { AgreementFormModal } from "./AgreementFormModal";
import { AgreementTable } from "./AgreementTable";
import { CalloffsTab } from "./CalloffsTab";
import { OverdueTab } from "./OverdueTab";
import { ReviewTab } from "./ReviewTab";

const TABS = ["agreements", "calloffs", "review", "overdue"] as const;
type Tab = (typeof TABS)[number];

const positive = (value: string | null) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

/** The filters as they stand in the address (links from enterprise pages and the dashboard set them). */
function readFilters(params: URLSearchParams): AgreementsQuery {
  const kind = AGREEMENT_KINDS.find((k) => k === params.get("kind"));
  const status = AGREEMENT_STATUSES.find((s) => s === params.get("status"));
  const search = params.get("search")?.trim();
  return {
    enterpriseId: positive(params.get("enterpriseId")),
    itemId: positive(params.get("itemId")),
    ...(kind && { kind }),
    ...(status && { status }),
    ...(search && { search }),
  };
}

/**
 * 储备协议: agreements with their status and what they commit, every call-off made against them, the
 * declarations enterprises submitted for review, and the lines overdue for one.
 */
export function AgreementsPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const canEdit = canEditAgreements(user.role);
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((k) => k === params.get("tab")) ?? "agreements";
  const [creating, setCreating] = useState(false);

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t("agreements.title")}
        subtitle={t("agreements.subtitle")}
        extra={
          canEdit && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="agreement-create"
            >
              {t("agreements.create")}
            </Button>
          )
        }
      />
      <Tabs
        activeKey={tab}
        // Each tab has its own filters and pages: switching starts the other afresh.
        onChange={(key) => setParams(key === "agreements" ? {} : { tab: key }, { replace: true })}
        items={[
          {
            key: "agreements",
            label: <span data-testid="agreements-tab-agreements">{t("agreements.tab.agreements")}</span>,
            children: tab === "agreements" && <AgreementsTab />,
          },
          {
            key: "calloffs",
            label: <span data-testid="agreements-tab-calloffs">{t("agreements.tab.calloffs")}</span>,
            children: tab === "calloffs" && <CalloffsTab />,
          },
          {
            key: "review",
            label: <span data-testid="agreements-tab-review">{t("reviewQueue.tab.review")}</span>,
            children: tab === "review" && <ReviewTab canReview={canEdit} />,
          },
          {
            key: "overdue",
            label: <span data-testid="agreements-tab-overdue">{t("reviewQueue.tab.overdue")}</span>,
            children: tab === "overdue" && <OverdueTab />,
          },
        ]}
      />
      {creating && <AgreementFormModal agreement={null} onClose={() => setCreating(false)} />}
    </Flex>
  );
}

/** The agreements a page at a time, filtered and sorted by the server, under the expiry reminder. */
function AgreementsTab() {
  const { t } = useI18n();
  const list = useUrlListState({ sorts: AGREEMENT_SORTS, defaultSort: "endDate", defaultPageSize: 50 });
  const filters = readFilters(list.params);
  const query = useQuery(
    trpc.agreements.list.queryOptions(
      { ...filters, ...list.paging },
      { placeholderData: keepPreviousData, staleTime: 0 },
    ),
  );
  // Two counts for the reminder, never the register.
  const reminders = useQuery(trpc.agreements.reminders.queryOptions({ limit: 1 }, { staleTime: 0 }));
  const units = useItemUnits();
  const counts = { expiring: reminders.data?.expiring ?? 0, expired: reminders.data?.expired ?? 0 };

  const statusLink = (status: AgreementStatus, text: string, testId: string) => (
    <Button
      type="link"
      className="link-inline"
      onClick={() => list.setFilters({ status })}
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
        <Input.Search
          allowClear
          className="filter-wide"
          placeholder={t("agreements.filter.search")}
          defaultValue={filters.search}
          onSearch={(value) => list.setFilters({ search: value.trim() })}
          data-testid="agreements-filter-search"
        />
        <EnterpriseSelect
          allowClear
          className="filter-wide"
          placeholder={t("agreements.filter.enterprise")}
          value={filters.enterpriseId}
          onChange={(id) => list.setFilters({ enterpriseId: id })}
          data-testid="agreements-filter-enterprise"
        />
        <CodeFilter
          list={list}
          name="kind"
          codes={AGREEMENT_KINDS}
          label={(k) => t(`agreements.kind.${k}`)}
          placeholder={t("agreements.filter.kind")}
          data-testid="agreements-filter-kind"
        />
        <CodeFilter
          list={list}
          name="status"
          codes={AGREEMENT_STATUSES}
          label={(s) => t(`agreements.status.${s}`)}
          placeholder={t("agreements.filter.status")}
          data-testid="agreements-filter-status"
        />
        <ItemSelect
          allowClear
          includeInactive
          className="filter-wide"
          placeholder={t("agreements.filter.item")}
          items={units.items}
          value={filters.itemId}
          onChange={(value) => list.setFilters({ itemId: value })}
          data-testid="agreements-filter-item"
        />
        <RefreshButton query={query} />
      </Space>
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <AgreementTable
          rows={query.data?.rows ?? []}
          loading={query.isFetching}
          emptyText={t("agreements.none")}
          paging={{
            table: {
              ...list.tableProps(query.data?.total),
              pagination: {
                ...list.tableProps(query.data?.total).pagination,
                showTotal: (total) => t("common.total", { total }),
              },
            },
            sortOrder: list.sortOrder,
          }}
        />
      )}
    </Flex>
  );
}
