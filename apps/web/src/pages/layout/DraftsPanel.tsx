import { useMutation, useQuery } from "@tanstack/react-query";
import { App, Button, Flex, Popconfirm, Space, Table, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import { Link, useNavigate } from "react-router";
import { useCurrentUser } from "../../auth/current-user";
import { CodeFilter } from "../../components/CodeFilter";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n";
import { errorInfo } from "../../lib/errors";
import { formatDistrictDateTime } from "../../lib/format";
import { canEditLayout, isStockKeeper } from "../../lib/roles";
import { useUrlListState } from "../../lib/useUrlListState";
import { queryClient, trpc } from "../../trpc";
import type { DraftTransfer } from "./layoutTypes";

const STATUSES = ["draft", "posted", "discarded"] as const;
type Status = (typeof STATUSES)[number];
const STATUS_COLOURS: Record<Status, string> = { draft: "gold", posted: "green", discarded: "default" };

/**
 * 调拨草稿: the transfers of accepted advice. Posting one is the usual transfer (stock.transfer with the draft's
 * lines, lots first-expired-first-out), which marks the draft posted; 调整后调出 opens it in the transfer form to
 * lower quantities, drop lines or choose lots first; a draft not to be carried out is discarded.
 */
export function DraftsPanel() {
  const { t, tm, formatNumber, list: joined } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const list = useUrlListState({ defaultPageSize: 20 });
  const status = list.code("status", STATUSES);
  const drafts = useQuery(trpc.layout.drafts.queryOptions({ ...list.paging, status }));
  const failed = (error: unknown) => message.error(errorInfo(error, t("errors.network"), tm).message);
  const refresh = () => {
    void queryClient.invalidateQueries(trpc.layout.pathFilter());
    void queryClient.invalidateQueries(trpc.stock.pathFilter());
  };
  const transfer = useMutation(
    trpc.stock.transfer.mutationOptions({
      onSuccess: (document) => {
        refresh();
        message.success(t("layout.drafts.posted", { number: document.number }));
      },
      onError: failed,
    }),
  );
  const discard = useMutation(
    trpc.layout.discardDraft.mutationOptions({
      onSuccess: () => {
        refresh();
        message.success(t("layout.drafts.discarded"));
      },
      onError: failed,
    }),
  );
  const post = (d: DraftTransfer) =>
    transfer.mutate({
      fromWarehouseId: d.fromWarehouseId,
      toWarehouseId: d.toWarehouseId,
      draftId: d.id,
      lines: d.lines.map((l) => ({ itemId: l.itemId, quantity: l.quantity })),
    });

  const columns: ColumnsType<DraftTransfer> = [
    { key: "id", title: t("layout.drafts.number"), render: (_, d) => `#${d.id}` },
    {
      key: "advice",
      title: t("layout.drafts.advice"),
      render: (_, d) =>
        d.adviceId === null ? "—" : <Link to={`/layout?tab=advice&advice=${d.adviceId}`}>#{d.adviceId}</Link>,
    },
    { key: "from", title: t("layout.advice.from"), dataIndex: "fromWarehouse" },
    { key: "to", title: t("layout.advice.to"), dataIndex: "toWarehouse" },
    {
      key: "lines",
      title: t("layout.drafts.lines"),
      render: (_, d) => joined(d.lines.map((l) => `${l.itemName} ${formatNumber(l.quantity)} ${l.baseUnit}`)),
    },
    {
      key: "status",
      title: t("layout.drafts.statusColumn"),
      render: (_, d) => <Tag color={STATUS_COLOURS[d.status]}>{t(`layout.draftStatus.${d.status}`)}</Tag>,
    },
    {
      key: "createdAt",
      title: t("layout.drafts.createdAt"),
      render: (_, d) => formatDistrictDateTime(d.createdAt),
    },
    {
      key: "document",
      title: t("layout.drafts.document"),
      render: (_, d) =>
        d.documentId === null ? "—" : <Link to={`/documents/${d.documentId}`}>#{d.documentId}</Link>,
    },
    {
      key: "actions",
      title: t("common.actions"),
      render: (_, d) =>
        d.status === "draft" && (
          <Space>
            {isStockKeeper(user.role) && (
              <Popconfirm
                title={t("layout.drafts.postConfirm", { from: d.fromWarehouse, to: d.toWarehouse })}
                okText={t("layout.drafts.post")}
                cancelText={t("common.cancel")}
                onConfirm={() => post(d)}
              >
                <Button
                  size="small"
                  type="primary"
                  loading={transfer.isPending}
                  data-testid={`draft-post-${d.id}`}
                >
                  {t("layout.drafts.post")}
                </Button>
              </Popconfirm>
            )}
            {isStockKeeper(user.role) && (
              <Button
                size="small"
                onClick={() => navigate(`/stock/post?type=transfer&draftId=${d.id}`)}
                data-testid={`draft-edit-${d.id}`}
              >
                {t("layout.drafts.edit")}
              </Button>
            )}
            {canEditLayout(user.role) && (
              <Popconfirm
                title={t("layout.drafts.discardConfirm")}
                okText={t("layout.drafts.discard")}
                cancelText={t("common.cancel")}
                onConfirm={() => discard.mutate({ draftId: d.id })}
              >
                <Button size="small" danger loading={discard.isPending} data-testid={`draft-discard-${d.id}`}>
                  {t("layout.drafts.discard")}
                </Button>
              </Popconfirm>
            )}
          </Space>
        ),
    },
  ];

  if (drafts.isError) return <QueryError error={drafts.error} onRetry={() => drafts.refetch()} />;
  return (
    <Flex vertical gap={12}>
      <CodeFilter
        list={list}
        name="status"
        codes={STATUSES}
        label={(s) => t(`layout.draftStatus.${s}`)}
        placeholder={t("layout.drafts.status")}
        style={{ width: 180 }}
        data-testid="drafts-status"
      />
      <Table<DraftTransfer>
        rowKey="id"
        size="small"
        loading={drafts.isLoading}
        columns={columns}
        dataSource={drafts.data?.rows}
        locale={{ emptyText: t("layout.drafts.empty") }}
        scroll={{ x: "max-content" }}
        data-testid="drafts-table"
        {...list.tableProps<DraftTransfer>(drafts.data?.total)}
      />
    </Flex>
  );
}
