import { Card, Col, Flex, Progress, Row, Typography } from "antd";
import type { ReactNode } from "react";
import { RatioText } from "../../components/coverage/CoverageTags";
import { useI18n } from "../../i18n";
import { type CoverageSummary, categoryLabel, RATIO_COLORS, ratioLevel } from "../../lib/coverage";
import { formatDecimal } from "../../lib/format";

/**
 * The three figures a leader reads first: people the reserves equip (government + agreement stock) against
 * the target with the bottleneck category, the same for government stock alone, and shelter places against
 * 20 % of residents.
 */
export function CoverageHeadline({ summary }: { summary: CoverageSummary }) {
  const { t, formatNumber, locale } = useI18n();
  const { headline, targetPeople, shelters } = summary;
  const percent = formatDecimal(summary.targetRatio * 100, locale, 2);
  const nameOf = (found: { categoryId: number; name: string } | null) => {
    if (!found) return t("coverage.noBottleneck");
    const category = summary.categories.find((c) => c.categoryId === found.categoryId);
    return category ? categoryLabel(category, locale) : found.name;
  };
  const shelterRatio = shelters.targetPeople > 0 ? shelters.capacity / shelters.targetPeople : 0;

  return (
    <Row gutter={[16, 16]} align="stretch">
      <Col xs={24} lg={8}>
        <HeadlineCard
          testId="coverage-headline"
          title={t("coverage.headline.total")}
          value={headline.peopleCovered}
          of={
            <span data-testid="coverage-target" data-value={targetPeople}>
              {t("coverage.headline.target", { target: formatNumber(targetPeople), percent })}
            </span>
          }
          ratio={headline.ratioOfTarget}
          footer={
            <span className="headline-bottleneck" data-testid="coverage-bottleneck">
              {t("coverage.headline.bottleneck")}
              <strong>{nameOf(headline.bottleneckCategory)}</strong>
            </span>
          }
        />
      </Col>
      <Col xs={24} lg={8}>
        <HeadlineCard
          testId="coverage-headline-government"
          title={t("coverage.headline.government")}
          value={headline.governmentPeopleCovered}
          of={t("coverage.headline.target", { target: formatNumber(targetPeople), percent })}
          ratio={headline.governmentRatioOfTarget}
          footer={
            <span className="headline-bottleneck" data-testid="coverage-government-bottleneck">
              {t("coverage.headline.bottleneck")}
              <strong>{nameOf(headline.governmentBottleneckCategory)}</strong>
            </span>
          }
        />
      </Col>
      <Col xs={24} lg={8}>
        <HeadlineCard
          testId="coverage-headline-shelters"
          title={t("coverage.headline.shelters")}
          value={shelters.capacity}
          of={t("coverage.headline.shelterTarget", {
            target: formatNumber(shelters.targetPeople),
            percent: formatDecimal(shelters.targetRatio * 100, locale, 2),
          })}
          ratio={shelterRatio}
          footer={
            <span className="headline-bottleneck" data-testid="coverage-shelter-shortfall">
              {shelters.shortfall > 0 ? (
                <>
                  {t("coverage.headline.shelterShortfall")}
                  <strong>
                    {formatNumber(shelters.shortfall)} {t("common.people")}
                  </strong>
                </>
              ) : (
                <Typography.Text type="success">{t("coverage.headline.shelterMet")}</Typography.Text>
              )}
            </span>
          }
        />
      </Col>
    </Row>
  );
}

function HeadlineCard({
  testId,
  title,
  value,
  of,
  ratio,
  footer,
}: {
  testId: string;
  title: string;
  value: number;
  of: ReactNode;
  ratio: number;
  footer: ReactNode;
}) {
  const { t, formatNumber } = useI18n();
  return (
    <Card className="stat-card headline-card" data-testid={testId}>
      <Typography.Text type="secondary">{title}</Typography.Text>
      <div className="headline-figure">
        <span data-testid={`${testId}-people`} data-value={value}>
          {formatNumber(value)}
        </span>
        <span className="headline-unit">{t("common.people")}</span>
      </div>
      <Typography.Text type="secondary" className="headline-of">
        {of}
      </Typography.Text>
      <Progress
        percent={Math.min(100, Math.round(ratio * 1000) / 10)}
        strokeColor={RATIO_COLORS[ratioLevel(ratio)]}
        showInfo={false}
        aria-label={title}
      />
      <Flex justify="space-between" align="center" wrap gap={8}>
        <span className="headline-ratio">
          {t("coverage.headline.ofTarget")}
          <RatioText ratio={ratio} testId={`${testId}-ratio`} />
        </span>
        {footer}
      </Flex>
    </Card>
  );
}
