import { CheckCircleOutlined, StopOutlined } from "@ant-design/icons";
import { skipToken, useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Flex, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n";
import { formatDistrictDateTime } from "../../lib/format";
import { trpc } from "../../trpc";
import { ApproveModal } from "./ApproveModal";
import { CancelOrdersModal } from "./CancelOrdersModal";
import { OrdersTable } from "./OrdersTable";
import type { PlanVersion } from "./planTypes";

/** A plan's orders never outgrow one page: one per trip and receiving township. */
const PLAN_ORDERS_PAGE = 200;

/**
 * The plan version's dispatch orders (调拨单): before approval, the way to approve it (whoever the district's
 * setting lets approve, the latest version once it is done); after, its orders with their status, and
 * cancelling what has not left (dispatchers).
 */
export function PlanOrders({
  version,
  latest,
  incidentTitle,
  mayDispatch,
  mayApprove,
  onReplan,
}: {
  version: PlanVersion;
  latest: boolean;
  incidentTitle: string;
  /** A dispatcher on an open incident. */
  mayDispatch: boolean;
  /** The district's approver (dispatchers, or leaders) on an open incident. */
  mayApprove: boolean;
  onReplan: () => void;
}) {
  const { t } = useI18n();
  const [dialog, setDialog] = useState<"approve" | "cancel" | null>(null);
  const approved = version.approvedAt !== null;
  const orders = useQuery(
    trpc.dispatch.orders.queryOptions(
      approved
        ? { incidentId: version.incidentId, planId: version.planId, pageSize: PLAN_ORDERS_PAGE }
        : skipToken,
    ),
  );
  const open = (orders.data?.rows ?? []).filter((o) => o.status === "reserved");
  const approvable = mayApprove && latest && version.status === "done" && !version.cancelledAt;

  const state = version.cancelledAt ? (
    <Tag data-testid="plan-approval" data-value="cancelled">
      {t("orders.plan.cancelled", { at: formatDistrictDateTime(version.cancelledAt) })}
    </Tag>
  ) : approved ? (
    <Tag color="green" icon={<CheckCircleOutlined />} data-testid="plan-approval" data-value="approved">
      {t("orders.plan.approved", { at: formatDistrictDateTime(version.approvedAt) })}
    </Tag>
  ) : (
    <Tag data-testid="plan-approval" data-value="unapproved">
      {t("orders.plan.unapproved")}
    </Tag>
  );

  return (
    <Card
      size="small"
      title={
        <Space>
          {t("orders.plan.title")}
          {state}
        </Space>
      }
      data-testid="plan-orders"
      extra={
        <Space>
          {!approved && approvable && (
            <Button
              type="primary"
              icon={<CheckCircleOutlined />}
              onClick={() => setDialog("approve")}
              data-testid="plan-approve"
            >
              {t("orders.approve.action")}
            </Button>
          )}
          {approved && mayDispatch && !version.cancelledAt && open.length > 0 && (
            <Button
              danger
              icon={<StopOutlined />}
              onClick={() => setDialog("cancel")}
              data-testid="plan-cancel"
            >
              {t("orders.cancel.planAction")}
            </Button>
          )}
        </Space>
      }
    >
      {!approved ? (
        <Typography.Text type="secondary" data-testid="plan-orders-hint">
          {version.cancelledAt
            ? t("orders.plan.cancelledHint")
            : !latest
              ? t("orders.plan.notLatest")
              : version.status !== "done"
                ? t("orders.plan.notDone")
                : t("orders.plan.approveHint")}
        </Typography.Text>
      ) : orders.isError ? (
        <QueryError error={orders.error} onRetry={() => orders.refetch()} />
      ) : (
        <Flex vertical gap={8}>
          {version.cancelledAt === null && open.length === 0 && (orders.data?.rows.length ?? 0) > 0 && (
            <Alert type="info" showIcon title={t("orders.plan.allLeft")} />
          )}
          <OrdersTable
            rows={orders.data?.rows ?? []}
            loading={orders.isFetching}
            testId="plan-orders-table"
            expandLines
          />
        </Flex>
      )}
      {dialog === "approve" && (
        <ApproveModal
          plan={version}
          incidentTitle={incidentTitle}
          onReplan={mayDispatch ? onReplan : undefined}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === "cancel" && (
        <CancelOrdersModal
          target={{ planId: version.planId, version: version.version }}
          onClose={() => setDialog(null)}
        />
      )}
    </Card>
  );
}
