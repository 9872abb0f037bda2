import {
  ArrowLeftOutlined,
  CloseCircleOutlined,
  ImportOutlined,
  MessageOutlined,
  PrinterOutlined,
  RollbackOutlined,
  StopOutlined,
} from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Descriptions, Flex, Skeleton, Space, Table, Timeline, Typography } from "antd";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { useCurrentUser } from "../../auth/current-user";
import { DownloadButton } from "../../components/DownloadButton";
import { NameCodeCell } from "../../components/NameCodeCell";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n";
import { formatDistrictDateTime } from "../../lib/format";
import { isStockKeeper } from "../../lib/roles";
import { printLink } from "../../lib/usePrintWhenReady";
import { queryClient, trpc } from "../../trpc";
import { AidCancelModal } from "./AidCancelModal";
import { type AidMove, AidMoveModal } from "./AidMoveModal";
import { AidOutboundCard } from "./AidOutboundCard";
import { AidPlanCard } from "./AidPlanCard";
import { AidReplyModal } from "./AidReplyModal";
import { AidDirectionTag, AidStatusTag } from "./AidTags";
import { type AidLine, type AidView, canEditAid, isActive } from "./aidTypes";

type Dialog = "reply" | "cancel" | AidMove;

function LinesCard({ aid }: { aid: AidView }) {
  const { t, formatNumber } = useI18n();
  const qty = (value: number | null, unit: string, testId: string) =>
    value === null ? (
      "—"
    ) : (
      <span className="qty" data-testid={testId} data-value={value}>
        {formatNumber(value)}
        <span className="qty-units">{unit}</span>
      </span>
    );
  return (
    <Card title={t("aid.page.lines")} size="small">
      <Table<AidLine>
        rowKey="lineNo"
        size="small"
        pagination={false}
        dataSource={aid.lines}
        data-testid="aid-lines"
        onRow={(l) =>
          ({ "data-testid": "aid-line-row", "data-item": l.itemCode }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          { title: "#", dataIndex: "lineNo", key: "lineNo", width: 48 },
          {
            title: t("aid.field.item"),
            key: "item",
            render: (_v, l) => <NameCodeCell name={l.itemName} code={l.itemCode} />,
          },
          {
            title: t("aid.page.asked"),
            key: "quantity",
            align: "right",
            render: (_v, l) => qty(l.quantity, l.baseUnit, "aid-line-asked"),
          },
          // A neighbour's request is answered by what Banan sends, never by a promise of its own.
          ...(aid.direction === "out"
            ? [
                {
                  title: t("aid.page.promised"),
                  key: "promised",
                  align: "right" as const,
                  render: (_v: unknown, l: AidLine) => qty(l.promised, l.baseUnit, "aid-line-promised"),
                },
              ]
            : []),
          {
            title: aid.direction === "out" ? t("aid.page.arrived") : t("aid.page.sent"),
            key: "delivered",
            align: "right",
            render: (_v, l) => qty(l.delivered, l.baseUnit, "aid-line-delivered"),
          },
          {
            title: t("aid.page.returned"),
            key: "returned",
            align: "right",
            render: (_v, l) => qty(l.returned, l.baseUnit, "aid-line-returned"),
          },
          {
            title: t("aid.page.outstanding"),
            key: "outstanding",
            align: "right",
            render: (_v, l) => qty(l.delivered - l.returned, l.baseUnit, "aid-line-outstanding"),
          },
        ]}
      />
    </Card>
  );
}

function RepliesCard({ aid }: { aid: AidView }) {
  const { t, list, formatNumber } = useI18n();
  const item = (itemId: number) => aid.lines.find((l) => l.itemId === itemId);
  return (
    <Card title={t("aid.page.replies")} size="small" data-testid="aid-replies">
      {aid.replies.length === 0 ? (
        <Typography.Text type="secondary">{t("aid.page.noReply")}</Typography.Text>
      ) : (
        <Timeline
          items={aid.replies.map((r, index) => ({
            key: r.id,
            color: index === 0 ? "blue" : "gray",
            children: (
              <Flex vertical gap={2} data-testid="aid-reply-entry">
                <Typography.Text strong>
                  {t("aid.page.replyArrive", { at: formatDistrictDateTime(r.arriveAt) })}
                  {index > 0 && ` ${t("aid.page.superseded")}`}
                </Typography.Text>
                <Typography.Text>
                  {list(
                    r.lines.map(
                      (l) =>
                        `${item(l.itemId)?.itemName ?? l.itemId} ${formatNumber(l.quantity)} ${item(l.itemId)?.baseUnit ?? ""}`,
                    ),
                  )}
                </Typography.Text>
                <Typography.Text type="secondary" data-testid="aid-reply-trucks">
                  {list(
                    r.trucks.map((truck) =>
                      [truck.plate, t(`vehicles.type.${truck.type}`), truck.driver, truck.phone]
                        .filter(Boolean)
                        .join(" "),
                    ),
                  )}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {t("aid.page.recordedBy", { by: r.recordedBy, at: formatDistrictDateTime(r.recordedAt) })}
                </Typography.Text>
                {r.note && <Typography.Text type="secondary">{r.note}</Typography.Text>}
              </Flex>
            ),
          }))}
        />
      )}
    </Card>
  );
}

/**
 * 互助请求 page: the request's particulars and status, its lines (asked, promised, arrived or sent, returned),
 * the replies, the document to send (.xlsx and print), and the actions each role has: dispatchers record the
 * reply or cancel; keepers receive the arrival, return or write off the loan, or send Banan's help.
 */
export function AidPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const id = Number(useParams().id);
  const query = useQuery(trpc.aid.get.queryOptions({ requestId: id }));
  const [dialog, setDialog] = useState<Dialog | null>(null);
  if (query.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  const aid = query.data;
  const active = isActive(aid.status);
  const editor = canEditAid(user.role) && active;
  const keeper = isStockKeeper(user.role);
  const out = aid.direction === "out";
  const outstanding = aid.lines.some((l) => l.delivered > l.returned);
  const toArrive = aid.lines.some((l) => l.delivered < (l.promised ?? l.quantity));
  const button = (move: Dialog, icon: React.ReactNode, danger = false) => (
    <Button icon={icon} danger={danger} onClick={() => setDialog(move)} data-testid={`aid-${move}`}>
      {t(`aid.action.${move}`)}
    </Button>
  );

  return (
    <Flex vertical gap={16} data-testid="aid-page">
      <PageHeader
        title={
          <Space>
            <Link to="/aid" aria-label={t("aid.page.back")}>
              <ArrowLeftOutlined />
            </Link>
            <span data-testid="aid-page-number">{aid.number}</span>
            <AidDirectionTag direction={aid.direction} />
            <AidStatusTag status={aid.status} />
          </Space>
        }
        subtitle={aid.neighbourName}
        extra={
          <Space wrap>
            {editor && out && button("reply", <MessageOutlined />)}
            {keeper && out && active && toArrive && button("receive", <ImportOutlined />)}
            {keeper && out && outstanding && button("return", <RollbackOutlined />)}
            {keeper && out && outstanding && button("writeOff", <StopOutlined />)}
            {keeper && !out && outstanding && button("receive", <ImportOutlined />)}
            <Button
              icon={<PrinterOutlined />}
              onClick={() => navigate(printLink(`/aid/${aid.id}/print`))}
              data-testid="aid-print"
            >
              {t("aid.page.print")}
            </Button>
            <DownloadButton
              load={() =>
                queryClient.fetchQuery({
                  ...trpc.aid.requestSheet.queryOptions({ requestId: aid.id }),
                  staleTime: 0,
                  gcTime: 0,
                })
              }
              testId="aid-download"
            >
              {t("aid.page.download")}
            </DownloadButton>
            {editor && button("cancel", <CloseCircleOutlined />, true)}
          </Space>
        }
      />
      <Card>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: "neighbour", label: t("aid.field.neighbour"), children: aid.neighbourName },
            {
              key: "incident",
              label: t("aid.column.incident"),
              children: aid.incidentId ? (
                <Link to={`/incidents/${aid.incidentId}`}>{aid.incidentNumber}</Link>
              ) : (
                "—"
              ),
            },
            {
              key: "deliver",
              label: t("aid.column.deliverTo"),
              children: aid.deliveryAreaName ?? aid.entryNodeName ?? "—",
            },
            { key: "entry", label: t("aid.page.entry"), children: aid.entryNodeName ?? "—" },
            { key: "needed", label: t("aid.field.neededBy"), children: formatDistrictDateTime(aid.neededBy) },
            ...(out
              ? [
                  {
                    key: "promised",
                    label: t("aid.field.arriveAt"),
                    children: (
                      <span data-testid="aid-page-promised">{formatDistrictDateTime(aid.promisedAt)}</span>
                    ),
                  },
                ]
              : []),
            {
              key: "requested",
              label: t("aid.column.requestedAt"),
              children: t("aid.page.recordedBy", {
                by: aid.requestedBy,
                at: formatDistrictDateTime(aid.requestedAt),
              }),
            },
            ...(aid.closedAt
              ? [
                  {
                    key: "closed",
                    label: t("aid.page.closedAt"),
                    children: formatDistrictDateTime(aid.closedAt),
                  },
                ]
              : []),
            ...(aid.cancelledAt
              ? [
                  {
                    key: "cancelled",
                    label: t("aid.field.cancelReason"),
                    children: `${formatDistrictDateTime(aid.cancelledAt)} ${aid.cancelReason ?? ""}`,
                  },
                ]
              : []),
            ...(aid.note ? [{ key: "note", label: t("aid.field.note"), children: aid.note, span: 2 }] : []),
          ]}
        />
      </Card>
      <LinesCard aid={aid} />
      {out ? <RepliesCard aid={aid} /> : active && <AidOutboundCard aid={aid} />}
      {!out && <AidPlanCard aid={aid} active={active} />}
      {dialog === "reply" && <AidReplyModal aid={aid} onClose={() => setDialog(null)} />}
      {dialog === "cancel" && <AidCancelModal aid={aid} onClose={() => setDialog(null)} />}
      {(dialog === "receive" || dialog === "return" || dialog === "writeOff") && (
        <AidMoveModal aid={aid} move={dialog} onClose={() => setDialog(null)} />
      )}
    </Flex>
  );
}
