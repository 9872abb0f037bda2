import { Card, Col, Empty, Flex, Row, Typography } from "antd";
import { Link } from "react-router";
import { useI18n } from "../../i18n";
import type { HomeDashboard } from "../../lib/api-types";

/**
 * The first lots to expire and the first reserve agreements to end within 30 days, as the server picked them
 * (the expiry and agreements pages have the rest), each linked to its page.
 */
export function ExpiryReminders({
  stock,
  agreements,
}: {
  stock: HomeDashboard["expiringStock"];
  agreements: HomeDashboard["expiringAgreements"];
}) {
  const { t, formatNumber } = useI18n();
  const lots = stock.first;
  const ending = agreements.first;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card
          title={t("coverage.expiring.lotsTitle", { days: stock.withinDays })}
          extra={<Link to="/expiry">{t("coverage.expiring.allCount", { count: stock.expiring })}</Link>}
          data-testid="dashboard-expiring-lots"
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
          extra={
            <Link to="/agreements?status=expiring">
              {t("coverage.expiring.allCount", { count: agreements.expiring })}
            </Link>
          }
          data-testid="dashboard-expiring-agreements"
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
