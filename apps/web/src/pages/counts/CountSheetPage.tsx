import {
  ArrowLeftOutlined,
  CheckOutlined,
  CloseCircleOutlined,
  PlusOutlined,
  SaveOutlined,
} from "@ant-design/icons";
import { skipToken, useMutation, useQuery } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Result,
  Skeleton,
  Space,
  Table,
  type TableColumnsType,
  Typography,
} from "antd";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { NameCodeCell } from "../../components/NameCodeCell";
import { QueryError } from "../../components/QueryError";
import { invalidateStock } from "../../components/stock/invalidate";
import { QuantityText } from "../../components/stock/QuantityText";
import { CountStatusTag, ExpiryText, OwnershipTag } from "../../components/stock/StockTags";
import { useStockRefs } from "../../components/stock/useStockRefs";
import { useI18n } from "../../i18n";
import type { CountLine, Ownership } from "../../lib/api-types";
import { errorInfo, isUnauthorized } from "../../lib/errors";
import { DATE_TIME_FORMAT, formatDateTime } from "../../lib/format";
import { trpc } from "../../trpc";
import { FoundStockModal } from "./FoundStockModal";

type Edits = Record<number, number | null>;

/** 盘点表: expected (frozen at opening) against counted, the difference highlighted; save, submit, cancel. */
export function CountSheetPage() {
  const { t, formatNumber, tm } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const refs = useStockRefs();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const query = useQuery(trpc.stock.count.queryOptions(valid ? { id } : skipToken, { staleTime: 0 }));
  const [edits, setEdits] = useState<Edits>({});
  const [lineErrors, setLineErrors] = useState<Record<number, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [addingFound, setAddingFound] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [cancelNote, setCancelNote] = useState("");
  const [submitted, setSubmitted] = useState<{ id: number; number: string } | "none" | null>(null);

  const record = useMutation(trpc.stock.recordCount.mutationOptions());
  const submitCount = useMutation(trpc.stock.submitCount.mutationOptions());
  const cancelCount = useMutation(trpc.stock.cancelCount.mutationOptions());

  if (!valid) return <Result status="404" title={t("counts.notFound")} />;
  if (query.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;

  const count = query.data;
  const warehouse = refs.warehouse(count.warehouseId);
  const editable = count.status === "open" && refs.canPost(count.warehouseId);
  const dirty = Object.keys(edits).length;
  const countedOf = (line: CountLine) => (line.id in edits ? (edits[line.id] ?? null) : line.counted);
  const uncounted = count.lines.filter((l) => countedOf(l) === null).length;
  const differing = count.lines.filter((l) => {
    const counted = countedOf(l);
    return counted !== null && counted !== l.expected;
  }).length;

  const failed = (error: unknown) => {
    if (isUnauthorized(error)) return;
    const info = errorInfo(error, t("errors.network"), tm);
    const byLine: Record<number, string> = {};
    for (const issue of info.issues) {
      const match = issue.field?.match(/^line\.(\d+)$/);
      if (match) byLine[Number(match[1])] = issue.message;
    }
    setLineErrors(byLine);
    setProblem(info.message);
  };

  /** Saves the entered quantities; resolves false when the save failed. */
  const save = async (): Promise<boolean> => {
    setProblem(null);
    setLineErrors({});
    if (dirty === 0) return true;
    try {
      await record.mutateAsync({
        countId: count.id,
        lines: Object.entries(edits).map(([lineId, counted]) => ({ lineId: Number(lineId), counted })),
      });
      setEdits({});
      await query.refetch();
      return true;
    } catch (error) {
      failed(error);
      return false;
    }
  };

  const submit = async () => {
    if (!(await save())) return;
    try {
      const result = await submitCount.mutateAsync({ countId: count.id });
      void invalidateStock();
      setSubmitted(
        result.adjustment ? { id: result.adjustment.id, number: result.adjustment.number } : "none",
      );
      message.success(t("counts.submitted"));
    } catch (error) {
      failed(error);
    }
  };

  const cancel = async () => {
    try {
      await cancelCount.mutateAsync({ countId: count.id, note: cancelNote.trim() || undefined });
      void invalidateStock();
      setCancelling(false);
      message.success(t("counts.cancelled"));
    } catch (error) {
      setCancelling(false);
      failed(error);
    }
  };

  const columns: TableColumnsType<CountLine> = [
    {
      title: t("stock.column.item"),
      key: "item",
      render: (_v, line) => <NameCodeCell name={line.itemName} code={line.itemCode} />,
    },
    { title: t("stock.column.lot"), dataIndex: "lotCode", key: "lot" },
    {
      title: t("stock.column.expiry"),
      dataIndex: "expiryDate",
      key: "expiry",
      render: (date: string | null) => <ExpiryText date={date} />,
    },
    {
      title: t("stock.column.ownership"),
      dataIndex: "ownership",
      key: "ownership",
      render: (o: Ownership) => <OwnershipTag ownership={o} />,
    },
    {
      title: t("counts.column.expected"),
      dataIndex: "expected",
      key: "expected",
      align: "right",
      render: (v: number, line) => <QuantityText value={v} unit={refs.unitOf(line.itemId, line.baseUnit)} />,
    },
    {
      title: t("counts.column.counted"),
      key: "counted",
      width: 220,
      render: (_v, line) => {
        const counted = countedOf(line);
        if (!editable) {
          return counted === null ? (
            <Typography.Text type="secondary">{t("counts.notCounted")}</Typography.Text>
          ) : (
            <QuantityText value={counted} unit={refs.unitOf(line.itemId, line.baseUnit)} />
          );
        }
        return (
          <Flex vertical gap={2}>
            <InputNumber<number>
              min={0}
              precision={0}
              value={counted}
              suffix={line.baseUnit}
              status={lineErrors[line.id] ? "error" : undefined}
              className="full-width"
              onChange={(value) => {
                setEdits((current) => ({ ...current, [line.id]: value ?? null }));
                setLineErrors(({ [line.id]: _gone, ...rest }) => rest);
              }}
              data-testid={`count-input-${line.id}`}
            />
            {counted !== null && refs.unitOf(line.itemId, line.baseUnit).packs.length > 0 && (
              <Typography.Text type="secondary" className="cell-code">
                <QuantityText value={counted} unit={refs.unitOf(line.itemId, line.baseUnit)} />
              </Typography.Text>
            )}
            {lineErrors[line.id] && (
              <Typography.Text type="danger" data-testid="count-line-error">
                {lineErrors[line.id]}
              </Typography.Text>
            )}
          </Flex>
        );
      },
    },
    {
      title: t("counts.column.difference"),
      key: "difference",
      align: "right",
      render: (_v, line) => {
        const counted = countedOf(line);
        if (counted === null)
          return <Typography.Text type="secondary">{t("counts.notCounted")}</Typography.Text>;
        const difference = counted - line.expected;
        if (difference === 0) return <span className="count-same">{t("counts.same")}</span>;
        return (
          <span className={difference > 0 ? "count-more" : "count-less"} data-testid="count-difference">
            {t(difference > 0 ? "counts.more" : "counts.less")}{" "}
            <QuantityText value={Math.abs(difference)} unit={refs.unitOf(line.itemId, line.baseUnit)} />
          </span>
        );
      },
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Space>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate("/counts")}>
            {t("common.back")}
          </Button>
          <Typography.Title level={3} className="page-title">
            {t("counts.sheetTitle", { number: count.number })}
          </Typography.Title>
          <CountStatusTag status={count.status} />
        </Space>
        {editable && (
          <Space wrap>
            <Button
              icon={<PlusOutlined />}
              onClick={() => setAddingFound(true)}
              data-testid="count-add-found"
            >
              {t("counts.addFound")}
            </Button>
            <Button
              icon={<SaveOutlined />}
              disabled={dirty === 0}
              loading={record.isPending && !submitCount.isPending}
              onClick={async () => {
                if (await save()) message.success(t("counts.saved"));
              }}
              data-testid="count-save"
            >
              {dirty > 0 ? t("counts.saveDirty", { count: dirty }) : t("counts.save")}
            </Button>
            <Popconfirm
              title={t("counts.submitConfirm")}
              description={t("counts.submitConfirmDetail", { differing, uncounted })}
              okText={t("counts.submit")}
              cancelText={t("common.cancel")}
              onConfirm={submit}
            >
              <Button
                type="primary"
                icon={<CheckOutlined />}
                loading={submitCount.isPending}
                data-testid="count-submit"
              >
                {t("counts.submit")}
              </Button>
            </Popconfirm>
            <Button
              danger
              icon={<CloseCircleOutlined />}
              onClick={() => setCancelling(true)}
              data-testid="count-cancel"
            >
              {t("counts.cancel")}
            </Button>
          </Space>
        )}
      </Flex>
      {submitted && (
        <Alert
          type="success"
          showIcon
          data-testid="count-result"
          title={
            submitted === "none" ? (
              t("counts.resultNone")
            ) : (
              <span>
                {t("counts.resultAdjustment")}{" "}
                <Link to={`/documents/${submitted.id}`} data-testid="count-adjustment">
                  {submitted.number}
                </Link>
              </span>
            )
          }
        />
      )}
      {problem && (
        <Alert
          type="error"
          showIcon
          title={problem}
          closable={{ onClose: () => setProblem(null) }}
          data-testid="form-error"
        />
      )}
      {count.status === "open" && (
        <Alert type="info" showIcon title={t("counts.rule")} description={t("counts.ruleDetail")} />
      )}
      <Card size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            {
              key: "warehouse",
              label: t("stock.column.warehouse"),
              children: warehouse?.name ?? `#${count.warehouseId}`,
            },
            {
              key: "openedAt",
              label: t("counts.column.openedAt"),
              children: formatDateTime(count.openedAt, DATE_TIME_FORMAT),
            },
            {
              key: "closedAt",
              label: t("counts.column.closedAt"),
              children: formatDateTime(count.closedAt, DATE_TIME_FORMAT),
            },
            { key: "lines", label: t("counts.lines"), children: formatNumber(count.lines.length) },
            {
              key: "uncounted",
              label: t("counts.uncounted"),
              children: <span data-testid="count-uncounted">{formatNumber(uncounted)}</span>,
            },
            { key: "differing", label: t("counts.differing"), children: formatNumber(differing) },
            ...(count.adjustmentDocumentId
              ? [
                  {
                    key: "adjustment",
                    label: t("counts.column.adjustment"),
                    children: (
                      <Link to={`/documents/${count.adjustmentDocumentId}`}>
                        {t("counts.viewAdjustment")}
                      </Link>
                    ),
                  },
                ]
              : []),
            ...(count.note ? [{ key: "note", label: t("posting.note"), children: count.note }] : []),
          ]}
        />
      </Card>
      <Table<CountLine>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={count.lines}
        pagination={false}
        scroll={{ x: "max-content" }}
        data-testid="count-lines"
        rowClassName={(line) => {
          const counted = countedOf(line);
          if (lineErrors[line.id]) return "count-row-error";
          return counted !== null && counted !== line.expected ? "count-row-diff" : "";
        }}
        onRow={(line) =>
          ({
            "data-testid": "count-line",
            "data-lot": line.lotCode,
            "data-line": line.id,
          }) as React.HTMLAttributes<HTMLElement>
        }
      />
      {addingFound && (
        <FoundStockModal
          countId={count.id}
          refs={refs}
          onClose={() => setAddingFound(false)}
          onAdded={() => void query.refetch()}
        />
      )}
      {cancelling && (
        <Modal
          open
          title={t("counts.cancelTitle", { number: count.number })}
          okText={t("counts.cancel")}
          okButtonProps={{ danger: true, "data-testid": "count-cancel-ok" }}
          cancelText={t("common.back")}
          confirmLoading={cancelCount.isPending}
          onOk={cancel}
          onCancel={() => setCancelling(false)}
        >
          <Flex vertical gap={8}>
            <Typography.Text>{t("counts.cancelHint")}</Typography.Text>
            <Input.TextArea
              maxLength={500}
              value={cancelNote}
              onChange={(e) => setCancelNote(e.target.value)}
              placeholder={t("posting.note")}
            />
          </Flex>
        </Modal>
      )}
    </Flex>
  );
}
