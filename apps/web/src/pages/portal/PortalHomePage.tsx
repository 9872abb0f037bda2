import { FileDoneOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Row,
  Skeleton,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import { Link } from "react-router";
import { AgreementStatusTag, GradeTag } from "../../components/agreements/AgreementTags";
import { lineSubject } from "../../components/agreements/lines";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { QuantityText } from "../../components/stock/QuantityText";
import { useI18n } from "../../i18n";
import { daysFromToday } from "../../lib/format";
import { trpc } from "../../trpc";
import { type PortalAgreement, type PortalLine, unitOfLine } from "./portalTypes";

/**
 * 企业门户: the enterprise user's own home — its enterprise and credit grade, what waits for it (overdue
 * declarations, call-offs to answer, declarations under review), and its agreements with each stock line's
 * latest accepted declaration and the next one due by the agreement's cadence.
 */
export function PortalHomePage() {
  const { t, formatNumber } = useI18n();
  const me = useQuery(trpc.portal.me.queryOptions(undefined, { staleTime: 0 }));
  const agreements = useQuery(trpc.portal.agreements.queryOptions(undefined, { staleTime: 0 }));
  const open = useQuery(trpc.portal.calloffs.queryOptions({ status: "open", pageSize: 1 }, { staleTime: 0 }));
  const pending = useQuery(
    trpc.portal.declarations.queryOptions({ status: "submitted", pageSize: 1 }, { staleTime: 0 }),
  );

  if (me.isPending || agreements.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (me.isError) return <QueryError error={me.error} onRetry={() => me.refetch()} />;
  if (agreements.isError) return <QueryError error={agreements.error} onRetry={() => agreements.refetch()} />;

  const enterprise = me.data;
  const overdue = agreements.data.flatMap((a) => a.lines.filter((l) => l.declaration?.overdue));

  return (
    <Flex vertical gap={16} data-testid="portal-home">
      <PageHeader
        title={t("portal.home.title")}
        subtitle={<span data-testid="portal-enterprise">{enterprise.name}</span>}
        extra={
          <Link to="/portal/declare">
            <Button type="primary" icon={<FileDoneOutlined />} data-testid="portal-declare-link">
              {t("portal.declare.title")}
            </Button>
          </Link>
        }
      />
      {overdue.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="portal-overdue"
          title={t("portal.home.overdue", { count: formatNumber(overdue.length) })}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t("portal.home.enterprise")} className="stat-card">
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: "name", label: t("portal.home.name"), children: enterprise.name },
                { key: "code", label: t("portal.home.creditCode"), children: enterprise.creditCode },
                {
                  key: "grade",
                  label: t("portal.home.grade"),
                  children: (
                    <Space data-testid="portal-grade" data-value={enterprise.credit.grade}>
                      <GradeTag grade={enterprise.credit.grade} score={enterprise.credit.score} />
                      <Link to="/portal/credit">{t("portal.home.creditLink")}</Link>
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card size="small" className="stat-card">
            <Link to="/portal/calloffs?status=open">
              <Statistic
                title={t("portal.home.openCalloffs")}
                value={open.data?.total ?? "—"}
                data-testid="portal-open-calloffs"
              />
            </Link>
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card size="small" className="stat-card">
            <Link to="/portal/declarations?status=submitted">
              <Statistic
                title={t("portal.home.pendingDeclarations")}
                value={pending.data?.total ?? "—"}
                data-testid="portal-pending-declarations"
              />
            </Link>
          </Card>
        </Col>
      </Row>
      {agreements.data.length === 0 ? (
        <Empty description={t("portal.home.noAgreements")} />
      ) : (
        agreements.data.map((a) => <AgreementCard key={a.id} agreement={a} />)
      )}
    </Flex>
  );
}

/** One agreement: its term and status, then its lines with what was declared and when the next is due. */
function AgreementCard({ agreement }: { agreement: PortalAgreement }) {
  const { t } = useI18n();
  const stock = agreement.kind === "stock";
  const columns: TableColumnsType<PortalLine> = [
    { title: t("records.line"), dataIndex: "lineNo", key: "lineNo", width: 56 },
    { title: t("calloffs.column.subject"), key: "subject", render: (_v, l) => lineSubject(l, t) },
    {
      title: t("agreements.lines.committed"),
      key: "committed",
      align: "right",
      render: (_v, l) => <QuantityText value={l.quantity} unit={unitOfLine(l)} />,
    },
    ...(stock
      ? [
          {
            title: t("agreements.lines.warehouse"),
            key: "site",
            render: (_v: unknown, l: PortalLine) => l.warehouseName ?? "—",
          },
          {
            title: t("portal.home.latestAccepted"),
            key: "declared",
            render: (_v: unknown, l: PortalLine) =>
              l.latestDeclaration ? (
                <Flex vertical>
                  <QuantityText value={l.latestDeclaration.quantity} unit={unitOfLine(l)} />
                  <Typography.Text type="secondary" className="cell-code">
                    {l.latestDeclaration.declaredOn}
                  </Typography.Text>
                </Flex>
              ) : (
                <Typography.Text type="secondary">{t("records.noDeclarations")}</Typography.Text>
              ),
          },
          {
            title: t("portal.home.nextDue"),
            key: "due",
            render: (_v: unknown, l: PortalLine) => <NextDue line={l} />,
          },
          {
            title: t("common.actions"),
            key: "actions",
            render: (_v: unknown, l: PortalLine) =>
              l.declaration && (
                <Link to={`/portal/declare?lineId=${l.id}`} data-testid={`portal-declare-line-${l.id}`}>
                  {t("records.declare")}
                </Link>
              ),
          },
        ]
      : []),
  ];
  return (
    <Card
      size="small"
      data-testid="portal-agreement"
      data-number={agreement.number}
      title={
        <Space wrap>
          <span>{agreement.number}</span>
          <AgreementStatusTag status={agreement.status} daysToEnd={agreement.daysToEnd} />
          <Typography.Text type="secondary">
            {t("portal.home.term", { start: agreement.startDate, end: agreement.endDate })}
          </Typography.Text>
        </Space>
      }
    >
      <Table<PortalLine>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={agreement.lines}
        pagination={false}
        scroll={{ x: "max-content" }}
        onRow={(l) =>
          ({ "data-testid": "portal-line", "data-line": l.lineNo }) as React.HTMLAttributes<HTMLElement>
        }
      />
    </Card>
  );
}

/** The next declaration's due date by the agreement's cadence, red once it has passed. */
function NextDue({ line }: { line: PortalLine }) {
  const { t } = useI18n();
  const due = line.declaration;
  if (!due) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex vertical data-testid="portal-next-due" data-overdue={due.overdue}>
      <Space size={4}>
        <span>{due.nextDueOn}</span>
        {due.overdue && (
          <Tag color="red">{t("portal.home.overdueDays", { days: -daysFromToday(due.nextDueOn) })}</Tag>
        )}
      </Space>
      <Typography.Text type="secondary" className="cell-code">
        {t("portal.home.cadence", { months: due.months })}
      </Typography.Text>
    </Flex>
  );
}
