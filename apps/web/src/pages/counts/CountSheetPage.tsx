import {
  ArrowLeftOutlined,
  CheckOutlined,
  CloseCircleOutlined,
  PlusOutlined,
  PrinterOutlined,
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
  Modal,
  Popconfirm,
  Result,
  Skeleton,
  Space,
  Table,
  Tooltip,
  Typography,
} from "antd";
import { useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { QueryError } from "../../components/QueryError";
import { invalidateStock } from "../../components/stock/invalidate";
import { CountStatusTag } from "../../components/stock/StockTags";
import { useStockRefs } from "../../components/stock/useStockRefs";
import { useI18n } from "../../i18n";
import type { CountLine } from "../../lib/api-types";
import { errorInfo, isUnauthorized } from "../../lib/errors";
import { DATE_TIME_FORMAT, formatDateTime } from "../../lib/format";
import { printLink } from "../../lib/usePrintWhenReady";
import { trpc } from "../../trpc";
import { countColumns } from "./countColumns";
import { type CountEntry, entryOf, recordLine, totalOf } from "./countEntry";
import { FoundStockModal } from "./FoundStockModal";
import "./counts.css";

type Edits = Record<number, CountEntry>;

/** The address flag of the 未盘点 filter: only lines not yet counted (and those being typed). */
const UNCOUNTED_FLAG = "uncounted";

/**
 * 盘点表: expected (frozen at opening) against counted, the difference highlighted; counts typed in whole packs
 * plus loose units; save, print the count sheet, submit once every line is counted, cancel.
 */
export function CountSheetPage() {
  const { t, formatNumber, tm } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const refs = useStockRefs();
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const onlyUncounted = params.get(UNCOUNTED_FLAG) === "1";
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
  const unitOf = (line: CountLine) => refs.unitOf(line.itemId, line.baseUnit);
  const entryFor = (line: CountLine) => edits[line.id] ?? entryOf(line.counted, unitOf(line));
  const countedOf = (line: CountLine) => totalOf(entryFor(line), unitOf(line));
  const uncounted = count.lines.filter((l) => countedOf(l) === null).length;
  const differing = count.lines.filter((l) => {
    const counted = countedOf(l);
    return counted !== null && counted !== l.expected;
  }).length;

  const showUncounted = (only: boolean) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (only) next.set(UNCOUNTED_FLAG, "1");
        else next.delete(UNCOUNTED_FLAG);
        return next;
      },
      { replace: true },
    );

  /** Shows each issue beside its line: the action names `line.<id>`, the input schema `lines.<index>.…`. */
  const failed = (error: unknown, sent: number[] = []) => {
    if (isUnauthorized(error)) return;
    const info = errorInfo(error, t("errors.network"), tm);
    const byLine: Record<number, string> = {};
    for (const issue of info.issues) {
      const byId = issue.field?.match(/^line\.(\d+)$/);
      const byIndex = issue.field?.match(/^lines\.(\d+)\./);
      const lineId = byId ? Number(byId[1]) : byIndex ? sent[Number(byIndex[1])] : undefined;
      if (lineId !== undefined) byLine[lineId] = issue.message;
    }
    setLineErrors(byLine);
    setProblem(info.message);
  };

  /** Saves the entered quantities; resolves false when the save failed. */
  const save = async (): Promise<boolean> => {
    setProblem(null);
    setLineErrors({});
    if (dirty === 0) return true;
    const lines = count.lines
      .filter((line) => line.id in edits)
      .map((line) => recordLine(line.id, entryFor(line), unitOf(line)));
    try {
      await record.mutateAsync({ countId: count.id, lines });
      setEdits({});
      await query.refetch();
      return true;
    } catch (error) {
      failed(
        error,
        lines.map((l) => l.lineId),
      );
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

  const columns = countColumns({
    t,
    unitOf,
    entryFor,
    countedOf,
    edit: editable
      ? {
          errors: lineErrors,
          onChange: (line, entry) => {
            setEdits((current) => ({ ...current, [line.id]: entry }));
            setLineErrors(({ [line.id]: _gone, ...rest }) => rest);
          },
        }
      : null,
  });
  const shown = onlyUncounted
    ? count.lines.filter((line) => line.counted === null || line.id in edits)
    : count.lines;
  const printButton = (
    <Button
      icon={<PrinterOutlined />}
      onClick={() => navigate(printLink(`/counts/${count.id}/print`))}
      data-testid="count-print"
    >
      {t("counts.print")}
    </Button>
  );

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
        {!editable && count.status === "open" && printButton}
        {editable && (
          <Space wrap>
            {printButton}
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
            {uncounted > 0 ? (
              // Posting waits for every line: the button says why it is off rather than failing on the server.
              <Tooltip title={t("counts.uncountedLeft", { count: formatNumber(uncounted) })}>
                <Button type="primary" icon={<CheckOutlined />} disabled data-testid="count-submit">
                  {t("counts.submit")}
                </Button>
              </Tooltip>
            ) : (
              <Popconfirm
                title={t("counts.submitConfirm")}
                description={t("counts.submitConfirmDetail", { differing })}
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
            )}
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
      {count.status === "open" && (uncounted > 0 || onlyUncounted) && (
        <Alert
          type={uncounted > 0 ? "warning" : "success"}
          showIcon
          data-testid="count-uncounted-alert"
          title={
            uncounted > 0
              ? t("counts.uncountedLeft", { count: formatNumber(uncounted) })
              : t("counts.allCounted")
          }
          action={
            <Button
              size="small"
              onClick={() => showUncounted(!onlyUncounted)}
              data-testid="count-filter-uncounted"
            >
              {t(onlyUncounted ? "counts.showAll" : "counts.showUncounted")}
            </Button>
          }
        />
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
        dataSource={shown}
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
