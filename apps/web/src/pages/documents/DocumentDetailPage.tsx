import { ArrowLeftOutlined, CheckOutlined, PrinterOutlined, RollbackOutlined } from "@ant-design/icons";
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
  Typography,
} from "antd";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { NameCodeCell } from "../../components/NameCodeCell";
import { QueryError } from "../../components/QueryError";
import { DeltaText, QuantityText } from "../../components/stock/QuantityText";
import { DocumentTypeTag, OwnershipTag } from "../../components/stock/StockTags";
import { useStockRefs } from "../../components/stock/useStockRefs";
import { useI18n } from "../../i18n";
import { type DocumentDetail, type DocumentLine, isDocumentType, type Ownership } from "../../lib/api-types";
import { DATE_TIME_SECONDS_FORMAT, formatDateTime } from "../../lib/format";
import { trpc } from "../../trpc";
import { DocumentStatusTags, useDocumentReason } from "./DocumentStatus";
import { ReceiveTransferModal } from "./ReceiveTransferModal";
import { ReverseModal } from "./ReverseModal";

const DELTAS = ["reservedDelta", "onHoldDelta", "inTransitDelta"] as const;

/** Whether the document may still be reversed (the server checks again, and that stock has not moved on). */
function reversible(doc: DocumentDetail): boolean {
  return doc.type !== "reversal" && doc.type !== "transfer_in" && !doc.reversedBy && !doc.receivedBy;
}

/** One stock document: header, lines with their movements, links to what it relates to; 冲销, 签收, print. */
export function DocumentDetailPage() {
  const { t, formatNumber } = useI18n();
  const navigate = useNavigate();
  const refs = useStockRefs();
  const reasonOf = useDocumentReason();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const query = useQuery(trpc.stock.document.queryOptions(valid ? { id } : skipToken));
  const [dialog, setDialog] = useState<"reverse" | "receive" | null>(null);

  if (!valid) return <Result status="404" title={t("documents.notFound")} />;
  if (query.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;

  const doc = query.data;
  const typeLabel = isDocumentType(doc.type) ? t(`documentType.${doc.type}`) : doc.type;
  const canReverse = reversible(doc) && refs.canPost(doc.warehouseId);
  const canReceive =
    doc.type === "transfer_out" &&
    !doc.receivedBy &&
    !doc.reversedBy &&
    refs.canPost(doc.counterpartWarehouseId);
  const multiWarehouse = new Set(doc.lines.map((l) => l.warehouseId)).size > 1;
  const shownDeltas = DELTAS.filter((d) => doc.lines.some((l) => l[d] !== 0));
  // A receipt has no 出 column and an issue no 入 column: the printed note shows what moved.
  const hasIn = doc.lines.some((l) => l.onHandDelta > 0);
  const hasOut = doc.lines.some((l) => l.onHandDelta < 0);
  const unitOf = (line: DocumentLine) => refs.unitOf(line.itemId, line.baseUnit);
  const numberLink = (number: string, id: number | null) =>
    id ? (
      <Link to={`/documents/${id}`} data-testid="related-link">
        {number}
      </Link>
    ) : (
      number
    );

  const header: DescriptionsProps["items"] = [
    {
      key: "number",
      label: t("documents.column.number"),
      children: <strong data-testid="document-number">{doc.number}</strong>,
    },
    { key: "type", label: t("documents.column.type"), children: <DocumentTypeTag type={doc.type} /> },
    {
      key: "warehouse",
      label: t(
        doc.type === "transfer_out"
          ? "posting.fromWarehouse"
          : doc.type === "transfer_in"
            ? "posting.toWarehouse"
            : "stock.column.warehouse",
      ),
      children: doc.warehouseName,
    },
    ...(doc.counterpartWarehouseName
      ? [
          {
            key: "counterpart",
            label: t(
              doc.type === "transfer_in"
                ? "posting.fromWarehouse"
                : doc.type === "transfer_out"
                  ? "posting.toWarehouse"
                  : "documents.counterpart",
            ),
            children: doc.counterpartWarehouseName,
          },
        ]
      : []),
    ...(reasonOf(doc)
      ? [{ key: "reason", label: t("documents.column.reason"), children: reasonOf(doc) }]
      : []),
    ...(doc.reference
      ? [{ key: "reference", label: t("documents.column.reference"), children: doc.reference }]
      : []),
    ...(doc.dispatchRef
      ? [
          {
            key: "dispatchRef",
            label: t("documents.column.dispatchRef"),
            children: (
              <Link to={`/documents?dispatchRef=${encodeURIComponent(doc.dispatchRef)}`}>
                {doc.dispatchRef}
              </Link>
            ),
          },
        ]
      : []),
    {
      key: "postedAt",
      label: t("documents.column.postedAt"),
      children: formatDateTime(doc.postedAt, DATE_TIME_SECONDS_FORMAT),
    },
    { key: "postedBy", label: t("documents.column.postedBy"), children: doc.postedBy ?? t("audit.system") },
    {
      key: "status",
      label: t("documents.column.status"),
      children: (
        <span data-testid="document-status">
          <DocumentStatusTags doc={doc} links />
        </span>
      ),
    },
    ...(doc.relatedDocument
      ? [
          {
            key: "related",
            label: t(doc.type === "reversal" ? "documents.reverses" : "documents.receives"),
            children: (
              <Space size={4}>
                <DocumentTypeTag type={doc.relatedDocument.type} />
                <Link to={`/documents/${doc.relatedDocument.id}`} data-testid="related-link">
                  {doc.relatedDocument.number}
                </Link>
              </Space>
            ),
          },
        ]
      : []),
    ...(doc.reversedBy
      ? [
          {
            key: "reversedBy",
            label: t("documents.reversedBy"),
            children: numberLink(doc.reversedBy, doc.reversedById),
          },
        ]
      : []),
    ...(doc.receivedBy
      ? [
          {
            key: "receivedBy",
            label: t("documents.receivedBy"),
            children: numberLink(doc.receivedBy, doc.receivedById),
          },
        ]
      : []),
    ...(doc.note
      ? [{ key: "note", label: t("posting.note"), span: "filled" as const, children: doc.note }]
      : []),
  ];

  const columns: TableColumnsType<DocumentLine> = [
    { title: t("documents.column.row"), key: "row", width: 56, render: (_v, _l, index) => index + 1 },
    ...(multiWarehouse
      ? [{ title: t("stock.column.warehouse"), dataIndex: "warehouseName", key: "warehouse" }]
      : []),
    {
      title: t("stock.column.item"),
      key: "item",
      render: (_v, line) => (
        <NameCodeCell
          name={line.itemName}
          code={line.specification ? `${line.itemCode} · ${line.specification}` : line.itemCode}
        />
      ),
    },
    { title: t("stock.column.lot"), dataIndex: "lotCode", key: "lot" },
    {
      title: t("stock.field.productionDate"),
      dataIndex: "productionDate",
      key: "production",
      render: (v: string | null) => v ?? "—",
    },
    {
      title: t("stock.column.expiry"),
      dataIndex: "expiryDate",
      key: "expiry",
      render: (v: string | null) => v ?? t("stock.noExpiry"),
    },
    {
      title: t("stock.column.ownership"),
      dataIndex: "ownership",
      key: "ownership",
      render: (o: Ownership) => <OwnershipTag ownership={o} />,
    },
    ...(hasIn
      ? [
          {
            title: t("documents.delta.in"),
            key: "in",
            align: "right" as const,
            render: (_v: unknown, line: DocumentLine) =>
              line.onHandDelta > 0 ? (
                <QuantityText value={line.onHandDelta} unit={unitOf(line)} testId="line-in" />
              ) : (
                <span className="qty-zero">—</span>
              ),
          },
        ]
      : []),
    ...(hasOut
      ? [
          {
            title: t("documents.delta.out"),
            key: "out",
            align: "right" as const,
            render: (_v: unknown, line: DocumentLine) =>
              line.onHandDelta < 0 ? (
                <QuantityText value={-line.onHandDelta} unit={unitOf(line)} testId="line-out" />
              ) : (
                <span className="qty-zero">—</span>
              ),
          },
        ]
      : []),
    ...shownDeltas.map((delta) => ({
      title: t(`documents.delta.${delta}`),
      key: delta,
      align: "right" as const,
      render: (_v: unknown, line: DocumentLine) => (
        <DeltaText value={line[delta]} unit={unitOf(line)} testId={`line-${delta}`} />
      ),
    })),
  ];

  return (
    <Flex vertical gap={16} className="document-page">
      <Flex justify="space-between" align="center" wrap gap={12} className="no-print">
        <Space>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
            {t("common.back")}
          </Button>
          <Typography.Title level={3} className="page-title">
            {typeLabel} {doc.number}
          </Typography.Title>
        </Space>
        <Space wrap>
          {canReceive && (
            <Button
              type="primary"
              icon={<CheckOutlined />}
              onClick={() => setDialog("receive")}
              data-testid="document-receive"
            >
              {t("documents.receive.action")}
            </Button>
          )}
          {canReverse && (
            <Button
              danger
              icon={<RollbackOutlined />}
              onClick={() => setDialog("reverse")}
              data-testid="document-reverse"
            >
              {t("documents.reverse.action")}
            </Button>
          )}
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="document-print">
            {t("documents.print")}
          </Button>
        </Space>
      </Flex>
      {doc.type === "transfer_out" && !doc.receivedBy && !doc.reversedBy && (
        <Alert
          className="no-print"
          type="warning"
          showIcon
          title={t("documents.inTransitHint", { warehouse: doc.counterpartWarehouseName ?? "" })}
          data-testid="document-in-transit"
        />
      )}
      <div className="print-sheet">
        <div className="print-only print-heading">
          <div className="print-org">{t("app.title")}</div>
          <h2>{t("documents.printTitle", { type: typeLabel })}</h2>
          <div className="print-number">{t("documents.printNumber", { number: doc.number })}</div>
        </div>
        <Card size="small" className="print-flat">
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2, xl: 3 }}
            items={header}
            data-testid="document-header"
            bordered
          />
        </Card>
        <Card
          size="small"
          className="print-flat document-lines-card"
          title={t("documents.lines", { count: doc.lines.length })}
        >
          <Table<DocumentLine>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={doc.lines}
            pagination={false}
            scroll={{ x: "max-content" }}
            data-testid="document-lines"
            onRow={(line) =>
              ({
                "data-testid": "document-line",
                "data-lot": line.lotCode,
                "data-item": line.itemCode,
              }) as React.HTMLAttributes<HTMLElement>
            }
          />
        </Card>
        <div className="print-only print-signatures">
          <span>{t("documents.sign.postedBy", { name: doc.postedBy ?? "" })}</span>
          <span>{t("documents.sign.keeper")}</span>
          <span>{t("documents.sign.carrier")}</span>
          <span>{t("documents.sign.head")}</span>
        </div>
        <div className="print-only print-footnote">
          {t("documents.printedAt", {
            at: formatDateTime(new Date().toISOString(), DATE_TIME_SECONDS_FORMAT),
            lines: formatNumber(doc.lines.length),
          })}
        </div>
      </div>
      {dialog === "reverse" && <ReverseModal doc={doc} onClose={() => setDialog(null)} />}
      {dialog === "receive" && <ReceiveTransferModal doc={doc} refs={refs} onClose={() => setDialog(null)} />}
    </Flex>
  );
}
