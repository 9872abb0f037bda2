import {
  ArrowLeftOutlined,
  CheckOutlined,
  CloseOutlined,
  EditOutlined,
  PlusOutlined,
  StopOutlined,
} from "@ant-design/icons";
import { keepPreviousData, skipToken, useQuery } from "@tanstack/react-query";
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
  Tooltip,
  Typography,
} from "antd";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { useCurrentUser } from "../../auth/current-user";
import {
  AgreementKindTag,
  AgreementStatusTag,
  FlaggedMark,
  GradeTag,
} from "../../components/agreements/AgreementTags";
import { CalloffTable } from "../../components/agreements/CalloffTable";
import { LineQuantity, lineSubject, useItemUnits } from "../../components/agreements/lines";
import { NameCodeCell } from "../../components/NameCodeCell";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n";
import type { AgreementDetail, AgreementLineView, CalloffView } from "../../lib/api-types";
import { formatYuan } from "../../lib/format";
import type { UnitInfo } from "../../lib/quantity";
import { canEditAgreements } from "../../lib/roles";
import { trpc } from "../../trpc";
import { AgreementFormModal } from "./AgreementFormModal";
import { CancelCalloffModal, ConfirmCalloffModal, CreateCalloffModal } from "./CalloffModals";
import { LineRecordModal, type LineRecordMode } from "./LineRecordModal";
import { RecordsSection } from "./RecordsSection";
import { TerminateModal } from "./TerminateModal";

type Dialog =
  | { kind: "edit" }
  | { kind: "terminate" }
  | { kind: "record"; mode: LineRecordMode; line: AgreementLineView }
  | { kind: "calloff"; lineId?: number }
  | { kind: "confirm"; calloff: CalloffView }
  | { kind: "cancel"; calloff: CalloffView };

/** Call-offs per page on an agreement's page. */
const CALLOFF_PAGE_SIZE = 20;

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
  const query = useQuery(trpc.agreements.get.queryOptions(valid ? { id } : skipToken, { staleTime: 0 }));
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [calloffPage, setCalloffPage] = useState(1);
  const calloffs = useQuery(
    trpc.agreements.calloffs.queryOptions(
      valid ? { agreementId: id, page: calloffPage, pageSize: CALLOFF_PAGE_SIZE } : skipToken,
      { placeholderData: keepPreviousData, staleTime: 0 },
    ),
  );

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
            {t(`agreements.kind.${a.kind}`)} {a.number}
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
          rows={calloffs.data?.rows ?? []}
          loading={calloffs.isFetching}
          serverPaging={{
            pagination: {
              current: calloffPage,
              pageSize: CALLOFF_PAGE_SIZE,
              total: calloffs.data?.total ?? 0,
              showSizeChanger: false,
              hideOnSinglePage: true,
              onChange: setCalloffPage,
            },
          }}
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
      render: (_v, l) => <NameCodeCell name={lineSubject(l, t)} code={l.itemCode} testId="line-subject" />,
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
