import { seasonNote } from "@relief/domain";
import { Card, Col, Flex, Progress, Row, Typography } from "antd";
import type { ReactNode } from "react";
import { RatioText } from "../../components/coverage/CoverageTags";
import { useI18n } from "../../i18n";
import {
  type CategoryCoverage,
  type CoverageSummary,
  categoryLabel,
  RATIO_COLORS,
  ratioLevel,
} from "../../lib/coverage";
import { formatDecimal } from "../../lib/format";

/**
 * The three figures a leader reads first: people the reserves equip (government + agreement stock) against
 * the target with the bottleneck category, the same for government stock alone, and shelter places against
 * 20 % of residents.
 */
export function CoverageHeadline({ summary }: { summary: CoverageSummary }) {
  const { t, tm, formatNumber, locale } = useI18n();
  const { headline, targetPeople, shelters } = summary;
  const percent = formatDecimal(summary.targetRatio * 100, locale, 2);
  const nameOf = (found: { categoryId: number; name: string } | null) => {
    if (!found) return t("coverage.noBottleneck");
    const category = summary.categories.find((c) => c.categoryId === found.categoryId);
    return category ? categoryLabel(category, locale) : found.name;
  };
  const reservedNotes = useReservedNotes();
  const shelterRatio = shelters.targetPeople > 0 ? shelters.capacity / shelters.targetPeople : 0;
  const categoryOf = (found: { categoryId: number } | null) =>
    found ? (summary.categories.find((c) => c.categoryId === found.categoryId) ?? null) : null;
  // Seasonal quotas that count toward the figure in their months: whether they count today, and from when.
  const seasons = summary.categories.flatMap((c) => {
    const note = c.quota.required ? seasonNote(c.quota.seasonMonths, summary.date) : null;
    return note
      ? [
          <li key={`season-${c.categoryId}`} data-testid="coverage-headline-season" data-code={c.code}>
            {t("coverage.headline.season", { category: categoryLabel(c, locale), note: tm(note) })}
          </li>,
        ]
      : [];
  });

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
          notes={[...reservedNotes(categoryOf(headline.bottleneckCategory)), ...seasons]}
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
          notes={reservedNotes(categoryOf(headline.governmentBottleneckCategory))}
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

/** How many dispatch orders a card names one by one; the rest are summed on one line. */
const RESERVED_NAMED = 2;

/**
 * What the bottleneck category holds reserved for dispatches, which usable stock leaves out (it is leaving):
 * “另有 1,200 人份棉被已预留给 DD-…（木洞镇洪涝），预留库存不计入”.
 */
function useReservedNotes() {
  const { t, formatNumber, locale } = useI18n();
  return (category: CategoryCoverage | null): ReactNode[] => {
    if (!category) return [];
    const name = categoryLabel(category, locale);
    const named = category.reservedFor.slice(0, RESERVED_NAMED).map((r) => (
      <li
        key={r.dispatchRef}
        data-testid="coverage-headline-reserved"
        data-ref={r.dispatchRef}
        data-value={r.people}
      >
        {r.incident
          ? t("coverage.headline.reserved", {
              people: formatNumber(r.people),
              category: name,
              ref: r.dispatchRef,
              incident: r.incident.title,
            })
          : t("coverage.headline.reservedNoIncident", {
              people: formatNumber(r.people),
              category: name,
              ref: r.dispatchRef,
            })}
      </li>
    ));
    const rest = category.reservedFor.slice(RESERVED_NAMED);
    if (rest.length === 0) return named;
    return [
      ...named,
      <li key="more" data-testid="coverage-headline-reserved-more">
        {t("coverage.headline.reservedMore", {
          count: formatNumber(rest.length),
          category: name,
          people: formatNumber(rest.reduce((sum, r) => sum + r.people, 0)),
        })}
      </li>,
    ];
  };
}

function HeadlineCard({
  testId,
  title,
  value,
  of,
  ratio,
  footer,
  notes = [],
}: {
  testId: string;
  title: string;
  value: number;
  of: ReactNode;
  ratio: number;
  footer: ReactNode;
  /** Context for the figure: seasonal quotas, stock reserved for dispatches. */
  notes?: ReactNode[];
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
      {notes.length > 0 && <ul className="headline-notes">{notes}</ul>}
    </Card>
  );
}
