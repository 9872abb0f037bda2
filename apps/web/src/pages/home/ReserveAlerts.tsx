import { Card, Col, Row, Statistic, Typography } from "antd";
import { Link } from "react-router";
import { useI18n } from "../../i18n";
import type { HomeDashboard } from "../../lib/api-types";

/** 储备提醒: how many lots have expired and expire within 90 days, each a link to the expiry page. */
export function ReserveAlerts({ stock }: { stock: HomeDashboard["expiringStock"] }) {
  const { t } = useI18n();
  const { expired, expiring, withinDays } = stock;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} sm={12}>
        <Link to="/expiry?tab=expired">
          <Card className="stat-card" hoverable data-testid="stat-expired">
            <Statistic
              title={t("home.expired")}
              value={expired}
              suffix={t("home.lots")}
              styles={{ content: { color: expired > 0 ? "#cf1322" : undefined } }}
            />
            <Typography.Text type="secondary" className="stat-note">
              {t("home.expiredNote")}
            </Typography.Text>
          </Card>
        </Link>
      </Col>
      <Col xs={24} sm={12}>
        <Link to="/expiry">
          <Card className="stat-card" hoverable data-testid="stat-expiring">
            <Statistic
              title={t("home.expiring", { days: withinDays })}
              value={expiring}
              suffix={t("home.lots")}
              styles={{ content: { color: expiring > 0 ? "#d46b08" : undefined } }}
            />
            <Typography.Text type="secondary" className="stat-note">
              {t("home.expiringNote")}
            </Typography.Text>
          </Card>
        </Link>
      </Col>
    </Row>
  );
}
