import { Flex, Space, Table, type TableColumnsType, type TableProps, Typography } from "antd";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { useI18n } from "../../i18n";
import type { DeclarationView } from "../../lib/api-types";
import { formatDistrictDateTime } from "../../lib/format";
import { QuantityText } from "../stock/QuantityText";
import { DeclarationStatusTag } from "./AnswerTags";

/**
 * Declarations an enterprise submitted: date, agreement line and item, quantity, lot with its dates, site,
 * and the review — 待审核, 已采纳, or 已退回 with the reason. The bureau's queue adds the enterprise (with links
 * to its pages), row selection and the review buttons; the portal shows the enterprise's own rows alone.
 */
export function DeclarationTable({
  rows,
  loading,
  showEnterprise,
  serverPaging,
  rowSelection,
  actions,
  testId = "declaration-list",
}: {
  rows: readonly DeclarationView[];
  loading: boolean;
  showEnterprise: boolean;
  serverPaging: Pick<TableProps<DeclarationView>, "pagination" | "onChange">;
  rowSelection?: TableProps<DeclarationView>["rowSelection"];
  actions?: (declaration: DeclarationView) => ReactNode;
  testId?: string;
}) {
  const { t } = useI18n();
  const columns: TableColumnsType<DeclarationView> = [
    { title: t("records.declaredOn"), dataIndex: "declaredOn", key: "declaredOn", width: 110 },
    ...(showEnterprise
      ? [
          {
            title: t("calloffs.column.enterprise"),
            key: "enterprise",
            render: (_v: unknown, d: DeclarationView) => (
              <Link to={`/enterprises/${d.enterpriseId}`}>{d.enterpriseName}</Link>
            ),
          },
        ]
      : []),
    {
      title: t("records.line"),
      key: "line",
      render: (_v, d) => (
        <Flex vertical>
          <span>{d.itemName ?? "—"}</span>
          <Typography.Text type="secondary" className="cell-code">
            {showEnterprise ? (
              <Link to={`/agreements/${d.agreementId}`}>
                {t("portal.declare.lineOf", { number: d.agreementNumber, lineNo: d.lineNo })}
              </Link>
            ) : (
              t("portal.declare.lineOf", { number: d.agreementNumber, lineNo: d.lineNo })
            )}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t("records.quantity"),
      key: "quantity",
      align: "right",
      render: (_v, d) => (
        <QuantityText
          value={d.quantity}
          unit={{ baseUnit: d.baseUnit ?? "", packs: [] }}
          testId="declaration-quantity"
        />
      ),
    },
    {
      title: t("stock.column.lot"),
      key: "lot",
      render: (_v, d) => (
        <Flex vertical>
          <span data-testid="declaration-lot">{d.lotCode ?? "—"}</span>
          {(d.productionDate || d.expiryDate) && (
            <Typography.Text type="secondary" className="cell-code nowrap">
              {t("portal.declarations.dates", {
                production: d.productionDate ?? "—",
                expiry: d.expiryDate ?? "—",
              })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t("agreements.lines.warehouse"),
      key: "site",
      render: (_v, d) => d.warehouseName ?? "—",
    },
    {
      title: t("portal.declarations.review"),
      key: "status",
      render: (_v, d) => (
        <Flex vertical gap={2}>
          <Space size={4}>
            <DeclarationStatusTag status={d.status} />
            {d.reviewedAt && (
              <Typography.Text type="secondary" className="nowrap">
                {formatDistrictDateTime(d.reviewedAt).slice(5)}
              </Typography.Text>
            )}
          </Space>
          {d.returnReason && (
            <Typography.Text type="danger" data-testid="declaration-return-reason">
              {d.returnReason}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t("portal.declarations.submitted"),
      key: "recorded",
      render: (_v, d) => (
        <Flex vertical>
          <span>{d.recordedBy}</span>
          <Typography.Text type="secondary" className="cell-code nowrap">
            {t(`records.source.${d.source}`)} · {formatDistrictDateTime(d.recordedAt)}
          </Typography.Text>
        </Flex>
      ),
    },
    ...(actions
      ? [
          {
            title: t("common.actions"),
            key: "actions",
            render: (_v: unknown, d: DeclarationView) => actions(d),
          },
        ]
      : []),
  ];
  return (
    <Table<DeclarationView>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={rows as DeclarationView[]}
      loading={loading}
      rowSelection={rowSelection}
      {...serverPaging}
      scroll={{ x: "max-content" }}
      locale={{ emptyText: t("records.noDeclarations") }}
      data-testid={testId}
      onRow={(d) =>
        ({
          "data-testid": "declaration-row",
          "data-id": d.id,
          "data-lot": d.lotCode ?? "",
          "data-status": d.status,
        }) as React.HTMLAttributes<HTMLElement>
      }
    />
  );
}
