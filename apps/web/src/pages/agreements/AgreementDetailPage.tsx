import {
  ArrowLeftOutlined,
  AuditOutlined,
  CheckOutlined,
  CloseOutlined,
  EditOutlined,
  FileDoneOutlined,
  PlusOutlined,
  StopOutlined,
} from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  type DescriptionsProps,
  Flex,
  Result,
  Row,
  Skeleton,
  Space,
  Table,
  type TableColumnsType,
  Tooltip,
  Typography,
} from "antd";
import { useMemo, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { useCurrentUser } from "../../auth/current-user";
import {
  AgreementKindTag,
  AgreementStatusTag,
  FlaggedMark,
  GradeTag,
  LineFlagTags,
} from "../../components/agreements/AgreementTags";
import { CalloffTable } from "../../components/agreements/CalloffTable";
import { LineQuantity, lineSubject, useItemUnits } from "../../components/agreements/lines";
import { QueryError } from "../../components/QueryError";
import { QuantityText } from "../../components/stock/QuantityText";
import { useI18n } from "../../i18n";
import type {
  AgreementDetail,
  AgreementLineView,
  CalloffView,
  DeclarationView,
  VerificationView,
} from "../../lib/api-types";
import { formatDistrictDateTime, formatYuan } from "../../lib/format";
import type { UnitInfo } from "../../lib/quantity";
import { canEditAgreements } from "../../lib/roles";
import { trpc } from "../../trpc";
import { AgreementFormModal } from "./AgreementFormModal";
import { CancelCalloffModal, ConfirmCalloffModal, CreateCalloffModal } from "./CalloffModals";
import { LineRecordModal, type LineRecordMode } from "./LineRecordModal";
import { TerminateModal } from "./TerminateModal";

type Dialog =
  | { kind: "edit" }
  | { kind: "terminate" }
  | { kind: "record"; mode: LineRecordMode; line: AgreementLineView }
  | { kind: "calloff"; lineId?: number }
  | { kind: "confirm"; calloff: CalloffView }
  | { kind: "cancel"; calloff: CalloffView };

const isOpen = (c: CalloffView) => c.status === "open" || c.status === "overdue";

/**
 * One agreement: its terms and lines; for stock agreements the declared and verified figures side by side
 * with their history; and the call-offs made against it. Writers edit, terminate, declare, verify and call off.
 */
export function AgreementDetailPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const canEdit = canEditAgreements(user.role);
  const units = useItemUnits();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const query = useQuery({
    ...trpc.agreements.get.queryOptions({ id: valid ? id : 1 }, { staleTime: 0 }),
    enabled: valid,
  });
  const [dialog, setDialog] = useState<Dialog | null>(null);

  if (!valid) return <Result status="404" title={t("agreements.notFound")} />;
  if (query.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;

  const a = query.data;
  const terminated = a.terminatedOn !== null;
  const unitOfLine = (line: AgreementLineView): UnitInfo => units.unitOf(line.itemId, line.baseUnit);
  const close = () => setDialog(null);

  const header: DescriptionsProps["items"] = [
    {
      key: "number",
      label: t("agreements.column.number"),
      children: <strong data-testid="agreement-detail-number">{a.number}</strong>,
    },
    {
      key: "enterprise",
      label: t("agreements.column.enterprise"),
      children: (
        <Space size={6}>
          <Link to={`/enterprises/${a.enterpriseId}`} data-testid="agreement-detail-enterprise">
            {a.enterpriseName}
          </Link>
          <GradeTag grade={a.enterpriseGrade} />
          {a.enterpriseFlagged && <FlaggedMark />}
        </Space>
      ),
    },
    { key: "kind", label: t("agreements.column.kind"), children: <AgreementKindTag kind={a.kind} /> },
    {
      key: "validity",
      label: t("agreements.column.validity"),
      children: t("agreements.validity", { start: a.startDate, end: a.endDate }),
    },
    {
      key: "status",
      label: t("agreements.column.status"),
      children: (
        <span data-testid="agreement-detail-status">
          <AgreementStatusTag status={a.status} daysToEnd={a.daysToEnd} />
        </span>
      ),
    },
    { key: "signedOn", label: t("agreements.column.signedOn"), children: a.signedOn ?? "—" },
    ...(terminated
      ? [
          {
            key: "termination",
            label: t("agreements.column.termination"),
            span: "filled" as const,
            children: (
              <Typography.Text type="danger" data-testid="agreement-detail-termination">
                {t("agreements.terminatedInfo", {
                  date: a.terminatedOn ?? "",
                  reason: a.terminationReason ?? "",
                })}
              </Typography.Text>
            ),
          },
        ]
      : []),
    ...(a.note
      ? [{ key: "note", label: t("agreements.column.note"), span: "filled" as const, children: a.note }]
      : []),
  ];

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Space>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
            {t("common.back")}
          </Button>
          <Typography.Title level={3} className="page-title">
            {t(`agreementKind.${a.kind}`)} {a.number}
          </Typography.Title>
        </Space>
        {canEdit && (
          <Space wrap>
            <Button
              icon={<EditOutlined />}
              onClick={() => setDialog({ kind: "edit" })}
              data-testid="agreement-edit"
            >
              {t("common.edit")}
            </Button>
            {!terminated && (
              <Button
                danger
                icon={<StopOutlined />}
                onClick={() => setDialog({ kind: "terminate" })}
                data-testid="agreement-terminate"
              >
                {t("agreements.terminate.action")}
              </Button>
            )}
          </Space>
        )}
      </Flex>
      {a.enterpriseFlagged && (
        <Alert
          type="warning"
          showIcon
          title={t("enterprises.detail.flaggedAlert")}
          data-testid="agreement-flagged-alert"
        />
      )}
      <Card size="small">
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2, xl: 3 }}
          items={header}
          data-testid="agreement-header"
        />
      </Card>
      <Card size="small" title={t("agreements.lines.title", { count: a.lines.length })}>
        <LinesTable agreement={a} unitOfLine={unitOfLine} />
      </Card>
      {a.kind === "stock" && (
        <RecordsSection
          agreement={a}
          unitOfLine={unitOfLine}
          canRecord={canEdit && !terminated}
          onRecord={(mode, line) => setDialog({ kind: "record", mode, line })}
        />
      )}
      <Card
        size="small"
        title={t("calloffs.title")}
        extra={
          canEdit && (
            <Tooltip title={a.inForce ? undefined : t("calloffs.notInForce")}>
              <Button
                size="small"
                type="primary"
                icon={<PlusOutlined />}
                disabled={!a.inForce}
                onClick={() => setDialog({ kind: "calloff" })}
                data-testid="calloff-create"
              >
                {t("calloffs.create")}
              </Button>
            </Tooltip>
          )
        }
      >
        <CalloffTable
          rows={a.calloffs}
          showAgreement={false}
          unitOfLine={(lineId) => {
            const line = a.lines.find((l) => l.id === lineId);
            return line ? unitOfLine(line) : undefined;
          }}
          actions={
            canEdit
              ? (c) =>
                  isOpen(c) ? (
                    <Space size={0}>
                      <Button
                        type="link"
                        size="small"
                        icon={<CheckOutlined />}
                        onClick={() => setDialog({ kind: "confirm", calloff: c })}
                        data-testid={`calloff-confirm-${c.number}`}
                      >
                        {t("calloffs.confirm")}
                      </Button>
                      <Button
                        type="link"
                        size="small"
                        danger
                        icon={<CloseOutlined />}
                        onClick={() => setDialog({ kind: "cancel", calloff: c })}
                        data-testid={`calloff-cancel-${c.number}`}
                      >
                        {t("calloffs.cancel")}
                      </Button>
                    </Space>
                  ) : null
              : undefined
          }
        />
      </Card>
      {dialog?.kind === "edit" && <AgreementFormModal agreement={a} onClose={close} />}
      {dialog?.kind === "terminate" && <TerminateModal agreement={a} onClose={close} />}
      {dialog?.kind === "record" && (
        <LineRecordModal
          mode={dialog.mode}
          line={dialog.line}
          unit={unitOfLine(dialog.line)}
          onClose={close}
        />
      )}
      {dialog?.kind === "calloff" && (
        <CreateCalloffModal agreement={a} units={units} lineId={dialog.lineId} onClose={close} />
      )}
      {dialog?.kind === "confirm" && (
        <ConfirmCalloffModal
          calloff={dialog.calloff}
          unit={(() => {
            const line = a.lines.find((l) => l.id === dialog.calloff.lineId);
            return line ? unitOfLine(line) : { baseUnit: dialog.calloff.baseUnit ?? "", packs: [] };
          })()}
          onClose={close}
        />
      )}
      {dialog?.kind === "cancel" && <CancelCalloffModal calloff={dialog.calloff} onClose={close} />}
    </Flex>
  );
}

/** The lines: what each commits, how fast, where, at what price, and what is called off and not yet delivered. */
function LinesTable({
  agreement,
  unitOfLine,
}: {
  agreement: AgreementDetail;
  unitOfLine: (line: AgreementLineView) => UnitInfo;
}) {
  const { t, locale } = useI18n();
  const goods = agreement.kind !== "transport";
  const columns: TableColumnsType<AgreementLineView> = [
    { title: t("documents.column.row"), dataIndex: "lineNo", key: "lineNo", width: 56 },
    {
      title: t("agreements.lines.subject"),
      key: "subject",
      render: (_v, l) => (
        <Flex vertical>
          <span data-testid="line-subject">{lineSubject(l, t)}</span>
          {l.itemCode && (
            <Typography.Text type="secondary" className="cell-code">
              {l.itemCode}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t(agreement.kind === "production" ? "agreements.lines.capacity" : "agreements.lines.committed"),
      key: "quantity",
      align: "right",
      render: (_v, l) => (
        <LineQuantity value={l.quantity} kind={agreement.kind} unit={unitOfLine(l)} testId="line-committed" />
      ),
    },
    {
      title: t("agreements.lines.responseHours"),
      dataIndex: "responseHours",
      key: "responseHours",
      align: "right",
      render: (hours: number) => t("agreements.lines.hours", { hours }),
    },
    ...(goods
      ? [
          {
            title: t("agreements.lines.warehouse"),
            dataIndex: "warehouseName",
            key: "warehouse",
            render: (name: string | null) => name ?? <span className="qty-zero">—</span>,
          },
        ]
      : []),
    {
      title: t("agreements.lines.unitPrice"),
      dataIndex: "unitPriceFen",
      key: "unitPrice",
      align: "right",
      render: (fen: number | null) => <span className="qty">{formatYuan(fen, locale)}</span>,
    },
    {
      title: t("agreements.lines.reserveFund"),
      dataIndex: "reserveFundFen",
      key: "reserveFund",
      align: "right",
      render: (fen: number | null) => <span className="qty">{formatYuan(fen, locale)}</span>,
    },
    ...(agreement.kind === "stock"
      ? [
          {
            title: t("agreements.lines.rotationDuty"),
            dataIndex: "rotationDuty",
            key: "rotationDuty",
            render: (v: string) => v || <span className="qty-zero">—</span>,
          },
        ]
      : []),
    {
      title: t("agreements.lines.openCalloffs"),
      dataIndex: "openCalloffQuantity",
      key: "open",
      align: "right",
      render: (open: number, l) =>
        open === 0 ? (
          <span className="qty-zero">0</span>
        ) : (
          <LineQuantity
            value={open}
            kind={agreement.kind === "production" ? "stock" : agreement.kind}
            unit={unitOfLine(l)}
            testId="line-open-calloffs"
          />
        ),
    },
  ];
  return (
    <Table<AgreementLineView>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={agreement.lines}
      pagination={false}
      scroll={{ x: "max-content" }}
      data-testid="agreement-lines-table"
      onRow={(l) =>
        ({ "data-testid": "agreement-line-row", "data-line": l.lineNo }) as React.HTMLAttributes<HTMLElement>
      }
    />
  );
}

/** 申报与核查: per line the latest declared and verified figures side by side, then the full history. */
function RecordsSection({
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
              dataSource={agreement.declarations}
              pagination={
                agreement.declarations.length > 10 ? { pageSize: 10, showSizeChanger: false } : false
              }
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
              dataSource={agreement.verifications}
              pagination={
                agreement.verifications.length > 10 ? { pageSize: 10, showSizeChanger: false } : false
              }
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
