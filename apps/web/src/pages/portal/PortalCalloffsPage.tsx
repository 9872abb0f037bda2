import { CheckOutlined, StopOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Button, Flex, Space } from "antd";
import { useState } from "react";
import { CalloffTable } from "../../components/agreements/CalloffTable";
import { CodeFilter } from "../../components/CodeFilter";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { RefreshButton } from "../../components/RefreshButton";
import { useI18n } from "../../i18n";
import { CALLOFF_STATUSES, type CalloffStatus } from "../../lib/api-types";
import type { UnitInfo } from "../../lib/quantity";
import { useUrlListState } from "../../lib/useUrlListState";
import { trpc } from "../../trpc";
import { type AnswerMode, CalloffAnswerModal } from "./CalloffAnswerModals";
import { type PortalCalloff, unitOfLine } from "./portalTypes";

/** A call-off still to be delivered may be answered (again: a new answer replaces the last). */
const ANSWERABLE: readonly CalloffStatus[] = ["open", "overdue"];

/**
 * 调用通知: the call-offs addressed to the enterprise, newest first, each with its answer; an open one is
 * acknowledged with an estimated departure or reported as not deliverable.
 */
export function PortalCalloffsPage() {
  const { t } = useI18n();
  const list = useUrlListState({ defaultPageSize: 20 });
  const status = list.code("status", CALLOFF_STATUSES);
  const query = useQuery(
    trpc.portal.calloffs.queryOptions(
      { status, ...list.paging },
      { placeholderData: keepPreviousData, staleTime: 0 },
    ),
  );
  const agreements = useQuery(trpc.portal.agreements.queryOptions());
  const [dialog, setDialog] = useState<{ mode: AnswerMode; calloff: PortalCalloff } | null>(null);
  const unitOf = (lineId: number): UnitInfo | undefined => {
    const line = agreements.data?.flatMap((a) => a.lines).find((l) => l.id === lineId);
    return line ? unitOfLine(line) : undefined;
  };

  return (
    <Flex vertical gap={16}>
      <PageHeader title={t("portal.calloffs.title")} subtitle={t("portal.calloffs.subtitle")} />
      <Space wrap className="stock-filters">
        <CodeFilter
          list={list}
          name="status"
          codes={CALLOFF_STATUSES}
          label={(s) => t(`agreements.calloffStatus.${s}`)}
          placeholder={t("agreements.filter.status")}
          data-testid="portal-calloffs-status"
        />
        <RefreshButton query={query} />
      </Space>
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <CalloffTable
          rows={query.data?.rows ?? []}
          loading={query.isFetching}
          showAgreement={false}
          unitOfLine={unitOf}
          serverPaging={list.tableProps(query.data?.total)}
          testId="portal-calloffs"
          actions={(c) =>
            ANSWERABLE.includes(c.status) && (
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  icon={<CheckOutlined />}
                  onClick={() => setDialog({ mode: "acknowledge", calloff: c })}
                  data-testid={`calloff-acknowledge-${c.number}`}
                >
                  {t("portal.calloffs.acknowledge")}
                </Button>
                <Button
                  type="link"
                  size="small"
                  danger
                  icon={<StopOutlined />}
                  onClick={() => setDialog({ mode: "cannotDeliver", calloff: c })}
                  data-testid={`calloff-cannot-${c.number}`}
                >
                  {t("portal.calloffs.cannotDeliver")}
                </Button>
              </Space>
            )
          }
        />
      )}
      {dialog && (
        <CalloffAnswerModal
          mode={dialog.mode}
          calloff={dialog.calloff}
          unit={unitOf(dialog.calloff.lineId) ?? { baseUnit: dialog.calloff.baseUnit ?? "", packs: [] }}
          onClose={() => setDialog(null)}
        />
      )}
    </Flex>
  );
}
