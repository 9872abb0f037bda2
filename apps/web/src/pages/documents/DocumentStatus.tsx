import { Space, Tag } from "antd";
import { Link } from "react-router";
import { adjustmentReasonLabel } from "../../components/stock/adjustmentReason";
import { useI18n } from "../../i18n";
import {
  type DocumentSummary,
  ISSUE_REASONS,
  type IssueReason,
  RECEIPT_KINDS,
  type ReceiptKind,
} from "../../lib/api-types";

/** Where a document stands: reversed, a transfer received or still in transit. Nothing for a plain posting. */
export function DocumentStatusTags({ doc, links = false }: { doc: DocumentSummary; links?: boolean }) {
  const { t } = useI18n();
  const numberLink = (number: string, id: number | null) =>
    links && id ? <Link to={`/documents/${id}`}>{number}</Link> : number;
  return (
    <Space size={4} wrap>
      {doc.reversedBy && (
        <Tag color="red" data-testid="status-reversed">
          {t("documents.status.reversed")} {numberLink(doc.reversedBy, doc.reversedById)}
        </Tag>
      )}
      {doc.type === "transfer_out" && doc.receivedBy && (
        <Tag color="green" data-testid="status-received">
          {t("documents.status.received")} {numberLink(doc.receivedBy, doc.receivedById)}
        </Tag>
      )}
      {doc.type === "transfer_out" && !doc.receivedBy && !doc.reversedBy && (
        <Tag color="orange" data-testid="status-in-transit">
          {t("documents.status.inTransit")}
        </Tag>
      )}
      {doc.type !== "transfer_out" && !doc.reversedBy && (
        <Tag data-testid="status-posted">{t("documents.status.posted")}</Tag>
      )}
    </Space>
  );
}

/** 来源 / 出库原因 / 调整原因, whichever the document has. */
export function useDocumentReason() {
  const { t } = useI18n();
  return (
    doc: Pick<DocumentSummary, "receiptKind" | "issueReason" | "adjustmentReason" | "adjustmentReasonCode">,
  ): string | null => {
    if (doc.adjustmentReason && doc.adjustmentReasonCode) {
      return adjustmentReasonLabel({ code: doc.adjustmentReasonCode, name: doc.adjustmentReason }, t);
    }
    if (doc.receiptKind && isReceiptKind(doc.receiptKind)) return t(`stock.receiptKind.${doc.receiptKind}`);
    if (doc.issueReason && isIssueReason(doc.issueReason)) return t(`stock.issueReason.${doc.issueReason}`);
    return doc.receiptKind ?? doc.issueReason ?? null;
  };
}

function isReceiptKind(value: string): value is ReceiptKind {
  return (RECEIPT_KINDS as readonly string[]).includes(value);
}

function isIssueReason(value: string): value is IssueReason {
  return (ISSUE_REASONS as readonly string[]).includes(value);
}

/** "From → to" for transfers, the warehouse otherwise. */
export function documentWarehouses(
  doc: DocumentSummary,
  aside: (text: string, note: string) => string,
): string {
  if (!doc.counterpartWarehouseName) return doc.warehouseName;
  if (doc.type === "transfer_out") return `${doc.warehouseName} → ${doc.counterpartWarehouseName}`;
  if (doc.type === "transfer_in") return `${doc.counterpartWarehouseName} → ${doc.warehouseName}`;
  return aside(doc.warehouseName, doc.counterpartWarehouseName);
}
