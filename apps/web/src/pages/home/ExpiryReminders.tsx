import { useQuery } from "@tanstack/react-query";
import { Card, Col, Empty, Flex, Row, Typography } from "antd";
import { Link } from "react-router";
import { useI18n } from "../../i18n";
import { trpc } from "../../trpc";

const TOP = 5;

/**
 * The lots expiring soonest (the expiry page has the rest) and the reserve agreements ending within 30 days,
 * each linked to its page.
 */
export function ExpiryReminders() {
  const { t, formatNumber } = useI18n();
  const expiry = useQuery(trpc.stock.expiry.queryOptions({ pageSize: TOP }));
  const agreements = useQuery(trpc.agreements.list.queryOptions({ status: "expiring" }));
  const lots = expiry.data?.rows ?? [];
  const ending = [...(agreements.data ?? [])].sort((a, b) => a.daysToEnd - b.daysToEnd);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card
          title={t("coverage.expiring.lotsTitle", { days: expiry.data?.withinDays ?? 90 })}
          extra={<Link to="/expiry">{t("coverage.expiring.all")}</Link>}
          data-testid="dashboard-expiring-lots"
          loading={expiry.isPending}
        >
          {lots.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("coverage.expiring.noLots")} />
          ) : (
            <div className="compact-list">
              {lots.map((lot) => (
                <Flex
                  key={`${lot.warehouseId}-${lot.lotId}-${lot.ownership}`}
                  justify="space-between"
                  gap={12}
                  className="compact-list-item"
                  data-testid="dashboard-expiring-lot"
                >
                  <Flex vertical>
                    <span>
                      {lot.itemName}
                      <Typography.Text type="secondary" className="cell-code">
                        {" "}
                        · {lot.lotCode}
                      </Typography.Text>
                    </span>
                    <Typography.Text type="secondary" className="cell-code">
                      {lot.warehouseName} · {formatNumber(lot.onHand)} {lot.baseUnit}
                    </Typography.Text>
                  </Flex>
                  <Flex vertical align="flex-end">
                    <span className={lot.daysLeft <= 30 ? "expiry-soon" : undefined}>{lot.expiryDate}</span>
                    <Typography.Text type="secondary" className="cell-code">
                      {t("expiry.days", { days: formatNumber(lot.daysLeft) })}
                    </Typography.Text>
                  </Flex>
                </Flex>
              ))}
            </div>
          )}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card
          title={t("coverage.expiring.agreementsTitle")}
          extra={<Link to="/agreements?status=expiring">{t("coverage.expiring.all")}</Link>}
          data-testid="dashboard-expiring-agreements"
          loading={agreements.isPending}
        >
          {ending.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("coverage.expiring.noAgreements")} />
          ) : (
            <div className="compact-list">
              {ending.map((a) => (
                <Flex
                  key={a.id}
                  justify="space-between"
                  gap={12}
                  className="compact-list-item"
                  data-testid="dashboard-expiring-agreement"
                >
                  <Flex vertical>
                    <Link to={`/agreements/${a.id}`} data-testid="dashboard-agreement-link">
                      {a.number}
                    </Link>
                    <Typography.Text type="secondary" className="cell-code">
                      {a.enterpriseName}
                    </Typography.Text>
                  </Flex>
                  <Flex vertical align="flex-end">
                    <span>{a.endDate}</span>
                    <span className="expiry-soon cell-code">
                      {t("agreements.daysLeft", { days: a.daysToEnd })}
                    </span>
                  </Flex>
                </Flex>
              ))}
            </div>
          )}
        </Card>
      </Col>
    </Row>
  );
}
