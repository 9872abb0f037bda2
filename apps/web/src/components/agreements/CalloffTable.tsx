import { Flex, Table, type TableColumnsType, type TableProps, Typography } from "antd";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { useI18n } from "../../i18n";
import type { CalloffView } from "../../lib/api-types";
import { formatDistrictDateTime } from "../../lib/format";
import type { UnitInfo } from "../../lib/quantity";
import { CalloffStatusTag } from "./AgreementTags";
import { CalloffAnswerTag } from "./AnswerTags";
import { LineQuantity, lineSubject } from "./lines";

/**
 * Call-offs: what was asked of whom and by when, the enterprise's answer, what came and when, and the status
 * (overdue or not delivered red, late or partial orange, on time green, open blue, cancelled grey). Times in
 * China Standard Time.
 */
export function CalloffTable({
  rows,
  loading = false,
  showAgreement = true,
  unitOfLine,
  actions,
  testId = "calloffs-table",
  serverPaging,
}: {
  rows: readonly CalloffView[];
  loading?: boolean;
  /** The enterprise and agreement columns (left out on an agreement's own page). */
  showAgreement?: boolean;
  /** The item's packs for a line, where known. */
  unitOfLine?: (lineId: number) => UnitInfo | undefined;
  actions?: (calloff: CalloffView) => ReactNode;
  testId?: string;
  /** The server's pager when the rows are one page of its list. */
  serverPaging?: Pick<TableProps<CalloffView>, "pagination" | "onChange">;
}) {
  const { t } = useI18n();
  const unit = (c: CalloffView): UnitInfo =>
    unitOfLine?.(c.lineId) ?? { baseUnit: c.baseUnit ?? "", packs: [] };

  const columns: TableColumnsType<CalloffView> = [
    {
      title: t("calloffs.column.number"),
      dataIndex: "number",
      key: "number",
      render: (number: string, c) => (
        <Flex vertical>
          <span data-testid="calloff-number">{number}</span>
          {c.dispatchRef && (
            <Typography.Text type="secondary" className="cell-code">
              {t("calloffs.column.dispatchRef")} {c.dispatchRef}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t("calloffs.column.status"),
      dataIndex: "status",
      key: "status",
      render: (_v, c) => <CalloffStatusTag status={c.status} />,
    },
    ...(showAgreement
      ? [
          {
            title: t("calloffs.column.enterprise"),
            key: "enterprise",
            render: (_v: unknown, c: CalloffView) => (
              <Link to={`/enterprises/${c.enterpriseId}`}>{c.enterpriseName}</Link>
            ),
          },
          {
            title: t("calloffs.column.agreement"),
            key: "agreement",
            render: (_v: unknown, c: CalloffView) => (
              <Link to={`/agreements/${c.agreementId}`} data-testid="calloff-agreement">
                {c.agreementNumber}
              </Link>
            ),
          },
        ]
      : []),
    {
      title: t("calloffs.column.subject"),
      key: "subject",
      render: (_v, c) => <span data-testid="calloff-subject">{lineSubject(c, t)}</span>,
    },
    {
      title: t("calloffs.column.quantity"),
      key: "quantity",
      align: "right",
      render: (_v, c) => (
        <LineQuantity
          value={c.quantity}
          kind={c.kind === "production" ? "stock" : c.kind}
          unit={unit(c)}
          testId="calloff-quantity"
        />
      ),
    },
    {
      title: t("calloffs.column.requestedAt"),
      dataIndex: "requestedAt",
      key: "requestedAt",
      render: (v: string) => <span className="nowrap">{formatDistrictDateTime(v)}</span>,
    },
    {
      title: t("calloffs.column.requiredBy"),
      dataIndex: "requiredBy",
      key: "requiredBy",
      render: (v: string) => (
        <span className="nowrap" data-testid="calloff-required-by">
          {formatDistrictDateTime(v)}
        </span>
      ),
    },
    {
      title: t("portal.answer.column"),
      key: "answer",
      render: (_v, c) => <CalloffAnswerTag answer={c.answer} baseUnit={c.baseUnit ?? ""} />,
    },
    {
      title: t("calloffs.column.delivered"),
      key: "delivered",
      align: "right",
      render: (_v, c) =>
        c.deliveredQuantity === null ? (
          <span className="qty-zero">—</span>
        ) : (
          <LineQuantity
            value={c.deliveredQuantity}
            kind={c.kind === "production" ? "stock" : c.kind}
            unit={unit(c)}
            testId="calloff-delivered"
          />
        ),
    },
    {
      title: t("calloffs.column.deliveredAt"),
      dataIndex: "deliveredAt",
      key: "deliveredAt",
      render: (v: string | null) => (
        <span className="nowrap" data-testid="calloff-delivered-at">
          {formatDistrictDateTime(v)}
        </span>
      ),
    },
    {
      title: t("calloffs.column.confirmedBy"),
      dataIndex: "confirmedBy",
      key: "confirmedBy",
      render: (v: string | null) => v ?? <span className="qty-zero">—</span>,
    },
    ...(actions
      ? [
          {
            title: t("common.actions"),
            key: "actions",
            // The buttons stay in view however wide the row scrolls.
            fixed: "right" as const,
            render: (_v: unknown, c: CalloffView) => actions(c),
          },
        ]
      : []),
  ];

  return (
    <Table<CalloffView>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows as CalloffView[]}
      loading={loading}
      {...(serverPaging ?? {
        pagination: rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false,
      })}
      scroll={{ x: "max-content" }}
      locale={{ emptyText: t("calloffs.none") }}
      data-testid={testId}
      onRow={(c) =>
        ({
          "data-testid": "calloff-row",
          "data-number": c.number,
          "data-status": c.status,
        }) as React.HTMLAttributes<HTMLElement>
      }
    />
  );
}
