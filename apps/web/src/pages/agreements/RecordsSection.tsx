import { AuditOutlined, FileDoneOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import {
  Button,
  Card,
  Col,
  Flex,
  Row,
  Space,
  Table,
  type TableColumnsType,
  type TablePaginationConfig,
  Tooltip,
  Typography,
} from "antd";
import { useMemo, useState } from "react";
import { LineFlagTags } from "../../components/agreements/AgreementTags";
import { lineSubject } from "../../components/agreements/lines";
import { QuantityText } from "../../components/stock/QuantityText";
import { useI18n } from "../../i18n";
import type {
  AgreementDetail,
  AgreementLineView,
  DeclarationView,
  VerificationView,
} from "../../lib/api-types";
import { formatDistrictDateTime } from "../../lib/format";
import type { UnitInfo } from "../../lib/quantity";
import { trpc } from "../../trpc";
import type { LineRecordMode } from "./LineRecordModal";

/** History rows per page: the latest figures stand in the table above, the history is read a page at a time. */
const HISTORY_PAGE_SIZE = 10;

/** The page a history table shows, and its pager once there is more than one page. */
function useHistoryPage() {
  const [page, setPage] = useState(1);
  return {
    page,
    pagination: (total = 0): TablePaginationConfig | false =>
      total > HISTORY_PAGE_SIZE
        ? { current: page, pageSize: HISTORY_PAGE_SIZE, total, showSizeChanger: false, onChange: setPage }
        : false,
  };
}

const fresh = { placeholderData: keepPreviousData, staleTime: 0 };

/** 申报与核查: per line the latest declared and verified figures side by side, then the full history. */
export function RecordsSection({
  agreement,
  unitOfLine,
  canRecord,
  onRecord,
}: {
  agreement: AgreementDetail;
  unitOfLine: (line: AgreementLineView) => UnitInfo;
  canRecord: boolean;
  onRecord: (mode: LineRecordMode, line: AgreementLineView) => void;
}) {
  const { t } = useI18n();
  const declarationsPage = useHistoryPage();
  const verificationsPage = useHistoryPage();
  const declarations = useQuery(
    trpc.agreements.declarations.queryOptions(
      { agreementId: agreement.id, page: declarationsPage.page, pageSize: HISTORY_PAGE_SIZE },
      fresh,
    ),
  );
  const verifications = useQuery(
    trpc.agreements.verifications.queryOptions(
      { agreementId: agreement.id, page: verificationsPage.page, pageSize: HISTORY_PAGE_SIZE },
      fresh,
    ),
  );
  const lines = useMemo(() => new Map(agreement.lines.map((l) => [l.id, l] as const)), [agreement.lines]);
  const lineName = (lineId: number) => {
    const line = lines.get(lineId);
    return line ? `${line.lineNo}. ${lineSubject(line, t)}` : `#${lineId}`;
  };
  const unitOf = (lineId: number): UnitInfo => {
    const line = lines.get(lineId);
    return line ? unitOfLine(line) : { baseUnit: "", packs: [] };
  };

  const columns: TableColumnsType<AgreementLineView> = [
    {
      title: t("records.line"),
      key: "line",
      render: (_v, l) => (
        <Flex vertical>
          <span>
            {l.lineNo}. {lineSubject(l, t)}
          </span>
          <Typography.Text type="secondary" className="cell-code">
            {t("records.committed")} <QuantityText value={l.quantity} unit={unitOfLine(l)} />
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t("records.declared"),
      key: "declared",
      render: (_v, l) =>
        l.latestDeclaration ? (
          <Flex vertical data-testid="record-declared">
            <QuantityText
              value={l.latestDeclaration.quantity}
              unit={unitOfLine(l)}
              testId="record-declared-quantity"
            />
            <Typography.Text type="secondary" className="cell-code" data-testid="record-declared-date">
              {l.latestDeclaration.declaredOn}
            </Typography.Text>
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t("records.noDeclarations")}</Typography.Text>
        ),
    },
    {
      title: t("records.verified"),
      key: "verified",
      render: (_v, l) =>
        l.latestVerification ? (
          <Flex vertical data-testid="record-verified">
            <QuantityText
              value={l.latestVerification.quantity}
              unit={unitOfLine(l)}
              testId="record-verified-quantity"
            />
            <Typography.Text type="secondary" className="cell-code" data-testid="record-verified-date">
              {l.latestVerification.inspectedOn} · {l.latestVerification.inspector}
            </Typography.Text>
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t("records.noVerifications")}</Typography.Text>
        ),
    },
    {
      title: (
        <Tooltip title={t("records.differenceHint")}>
          <span>{t("records.difference")}</span>
        </Tooltip>
      ),
      key: "difference",
      align: "right",
      render: (_v, l) => {
        if (!l.latestDeclaration || !l.latestVerification) return <span className="qty-zero">—</span>;
        const difference = l.latestVerification.quantity - l.latestDeclaration.quantity;
        return (
          <span
            className={difference < 0 ? "count-less" : difference > 0 ? "count-more" : "count-same"}
            data-testid="record-difference"
            data-value={difference}
          >
            {difference > 0 ? "+" : ""}
            <QuantityText value={difference} unit={unitOfLine(l)} />
          </span>
        );
      },
    },
    {
      title: t("records.flags"),
      key: "flags",
      render: (_v, l) => (
        <span data-testid="record-flags">
          <LineFlagTags flags={l.flags} />
        </span>
      ),
    },
    ...(canRecord
      ? [
          {
            title: t("common.actions"),
            key: "actions",
            render: (_v: unknown, l: AgreementLineView) => (
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  icon={<FileDoneOutlined />}
                  onClick={() => onRecord("declare", l)}
                  data-testid={`line-declare-${l.lineNo}`}
                >
                  {t("records.declare")}
                </Button>
                <Button
                  type="link"
                  size="small"
                  icon={<AuditOutlined />}
                  onClick={() => onRecord("verify", l)}
                  data-testid={`line-verify-${l.lineNo}`}
                >
                  {t("records.verify")}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  // The line and quantity columns both record tables share.
  const recordColumns = <R extends { lineId: number; quantity: number }>(): TableColumnsType<R> => [
    { title: t("records.line"), key: "line", render: (_v, r) => lineName(r.lineId) },
    {
      title: t("records.quantity"),
      key: "quantity",
      align: "right",
      render: (_v, r) => <QuantityText value={r.quantity} unit={unitOf(r.lineId)} stacked />,
    },
  ];
  const declarationColumns: TableColumnsType<DeclarationView> = [
    { title: t("records.declaredOn"), dataIndex: "declaredOn", key: "date", width: 110 },
    ...recordColumns<DeclarationView>(),
    {
      title: t("records.note"),
      key: "note",
      render: (_v, d) => (
        <Flex vertical>
          <span>{d.note ?? ""}</span>
          <Typography.Text type="secondary" className="cell-code">
            {t(`records.source.${d.source}`)} · {d.recordedBy} · {formatDistrictDateTime(d.recordedAt)}
          </Typography.Text>
        </Flex>
      ),
    },
  ];
  const verificationColumns: TableColumnsType<VerificationView> = [
    { title: t("records.inspectedOn"), dataIndex: "inspectedOn", key: "date", width: 110 },
    ...recordColumns<VerificationView>(),
    {
      title: t("records.findings"),
      key: "findings",
      render: (_v, v) => (
        <Flex vertical>
          <span>{v.findings}</span>
          <Typography.Text type="secondary" className="cell-code">
            {t("records.inspector")} {v.inspector} · {v.recordedBy} · {formatDistrictDateTime(v.recordedAt)}
          </Typography.Text>
        </Flex>
      ),
    },
  ];

  return (
    <Card size="small" title={t("records.title")} data-testid="records-section">
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">{t("records.hint")}</Typography.Text>
        <Table<AgreementLineView>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={agreement.lines}
          pagination={false}
          scroll={{ x: "max-content" }}
          data-testid="records-table"
          onRow={(l) =>
            ({ "data-testid": "record-row", "data-line": l.lineNo }) as React.HTMLAttributes<HTMLElement>
          }
        />
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <Typography.Text strong>{t("records.history.declarations")}</Typography.Text>
            <Table<DeclarationView>
              rowKey="id"
              size="small"
              columns={declarationColumns}
              dataSource={declarations.data?.rows ?? []}
              loading={declarations.isFetching}
              pagination={declarationsPage.pagination(declarations.data?.total)}
              locale={{ emptyText: t("records.noDeclarations") }}
              data-testid="declarations-table"
              onRow={() => ({ "data-testid": "declaration-row" }) as React.HTMLAttributes<HTMLElement>}
            />
          </Col>
          <Col xs={24} xl={12}>
            <Typography.Text strong>{t("records.history.verifications")}</Typography.Text>
            <Table<VerificationView>
              rowKey="id"
              size="small"
              columns={verificationColumns}
              dataSource={verifications.data?.rows ?? []}
              loading={verifications.isFetching}
              pagination={verificationsPage.pagination(verifications.data?.total)}
              locale={{ emptyText: t("records.noVerifications") }}
              data-testid="verifications-table"
              onRow={() => ({ "data-testid": "verification-row" }) as React.HTMLAttributes<HTMLElement>}
            />
          </Col>
        </Row>
      </Flex>
    </Card>
  );
}
