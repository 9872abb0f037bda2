import { PlusOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  type DescriptionsProps,
  Flex,
  Row,
  Statistic,
  Table,
  type TableColumnsType,
  Typography,
} from "antd";
import { useState } from "react";
import { CreditEventTag, GradeTag } from "../../components/agreements/AgreementTags";
import { useI18n } from "../../i18n";
import { CREDIT_EVENT_KINDS, type CreditEventView, type CreditRecord } from "../../lib/api-types";
import { formatDistrictDateTime } from "../../lib/format";
import { CreditEventModal } from "./CreditEventModal";

/** A row of the score's make-up: the starting 100, then each term the server computed, labelled here. */
type TermRow = { key: string; label: string; points: number };

/**
 * 信用: the grade and score, the figures they come from, each term of the formula with its points, and the
 * events noted on the record.
 */
export function CreditPanel({
  credit,
  events,
  recordFor,
}: {
  credit: CreditRecord;
  events: readonly CreditEventView[];
  /** The enterprise whose record the user may add events to (the bureau's editors); none on the portal. */
  recordFor: { id: number; name: string } | null;
}) {
  const { t, formatNumber } = useI18n();
  const [recording, setRecording] = useState(false);
  const unrated = credit.grade === "unrated";
  const rate = (value: number | null) =>
    value === null ? (
      <Typography.Text type="secondary">{t("credit.noCalloffs")}</Typography.Text>
    ) : (
      `${formatNumber(value * 100, 1)}%`
    );
  const signed = (points: number) =>
    `${points > 0 ? "+" : ""}${formatNumber(points, Number.isInteger(points) ? 0 : 1)}`;

  const inputs: DescriptionsProps["items"] = [
    {
      key: "onTime",
      label: t("enterprises.creditTerm.onTimeRate"),
      children: <span data-testid="credit-on-time">{rate(credit.onTimeRate)}</span>,
    },
    {
      key: "fill",
      label: t("enterprises.creditTerm.fillRate"),
      children: <span data-testid="credit-fill">{rate(credit.fillRate)}</span>,
    },
    {
      key: "due",
      label: t("credit.calloffsDue"),
      children: (
        <span data-testid="credit-due">
          {t("credit.calloffsDueValue", {
            due: formatNumber(credit.calloffsDue),
            onTime: formatNumber(credit.calloffsOnTime),
          })}
        </span>
      ),
    },
    {
      key: "verifications",
      label: t("credit.verifications"),
      children: <span data-testid="credit-verifications">{formatNumber(credit.verifications)}</span>,
    },
    {
      key: "discrepancies",
      label: t("credit.discrepancies"),
      children: <span data-testid="credit-discrepancies">{formatNumber(credit.discrepancies)}</span>,
    },
    ...CREDIT_EVENT_KINDS.map((kind) => ({
      key: kind,
      label: t(`enterprises.creditEvent.${kind}`),
      children: (
        <span data-testid={`credit-count-${kind}`}>
          {t("credit.eventCount", { count: formatNumber(credit.events[kind]) })}
        </span>
      ),
    })),
  ];

  const termColumns: TableColumnsType<TermRow> = [
    { title: t("credit.term"), dataIndex: "label", key: "label" },
    {
      title: t("credit.points"),
      dataIndex: "points",
      key: "points",
      align: "right",
      render: (points: number) => (
        <span className={points < 0 ? "points-minus" : "points-plus"}>{signed(points)}</span>
      ),
    },
  ];
  const termRows: TermRow[] = [
    { key: "base", label: t("credit.base"), points: 100 },
    ...credit.terms.map(({ term, points }) => ({
      key: term,
      label: t(`enterprises.creditTerm.${term}`),
      points,
    })),
  ];

  const eventColumns: TableColumnsType<CreditEventView> = [
    { title: t("credit.event.occurredOn"), dataIndex: "occurredOn", key: "occurredOn", width: 120 },
    {
      title: t("credit.event.kind"),
      dataIndex: "kind",
      key: "kind",
      render: (_v, e) => <CreditEventTag kind={e.kind} />,
    },
    { title: t("credit.event.note"), dataIndex: "note", key: "note" },
    { title: t("credit.event.recordedBy"), dataIndex: "recordedBy", key: "recordedBy" },
    {
      title: t("credit.event.recordedAt"),
      dataIndex: "recordedAt",
      key: "recordedAt",
      render: (v: string) => <span className="nowrap">{formatDistrictDateTime(v)}</span>,
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="credit-panel">
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card size="small" className="stat-card">
            <Flex gap={24} align="center">
              <div className={`grade-big grade-big-${credit.grade}`} data-testid="credit-grade">
                {unrated ? t("enterprises.grade.unrated") : credit.grade}
              </div>
              <Statistic
                title={t("credit.score")}
                value={unrated ? "—" : credit.score}
                suffix={unrated ? undefined : t("credit.scoreUnit")}
                data-testid="credit-score"
              />
            </Flex>
            <Typography.Text type="secondary" className="stat-note">
              {t("credit.window", { from: credit.windowStart })}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} md={16}>
          <Alert
            type="info"
            showIcon
            title={t("credit.formula.title")}
            description={t("credit.formula")}
            data-testid="credit-formula"
          />
        </Col>
      </Row>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2, xl: 3 }}
        items={inputs}
        data-testid="credit-inputs"
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card size="small" title={t("credit.terms")}>
            <Table<TermRow>
              rowKey="key"
              size="small"
              columns={termColumns}
              dataSource={termRows}
              pagination={false}
              data-testid="credit-terms"
              summary={() => (
                <Table.Summary.Row className="stock-total-row">
                  <Table.Summary.Cell index={0}>
                    {t("credit.total")} <GradeTag grade={credit.grade} />
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    {unrated ? "—" : credit.score}
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Card
            size="small"
            title={t("credit.events")}
            extra={
              recordFor && (
                <Button
                  size="small"
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => setRecording(true)}
                  data-testid="credit-event-create"
                >
                  {t("credit.record")}
                </Button>
              )
            }
          >
            <Table<CreditEventView>
              rowKey="id"
              size="small"
              columns={eventColumns}
              dataSource={events as CreditEventView[]}
              pagination={events.length > 20 ? { pageSize: 20 } : false}
              scroll={{ x: "max-content" }}
              locale={{ emptyText: t("credit.event.none") }}
              data-testid="credit-events"
              onRow={() => ({ "data-testid": "credit-event-row" }) as React.HTMLAttributes<HTMLElement>}
            />
          </Card>
        </Col>
      </Row>
      {recording && recordFor && (
        <CreditEventModal enterprise={recordFor} onClose={() => setRecording(false)} />
      )}
    </Flex>
  );
}
