import { PrinterOutlined, ReloadOutlined } from "@ant-design/icons";
import { RESERVE_TARGET_RATIO } from "@relief/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  InputNumber,
  Row,
  Skeleton,
  Space,
  Statistic,
  Switch,
  Tooltip,
  Typography,
} from "antd";
import { useEffect, useMemo, useRef, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useCurrentUser } from "../../auth/current-user";
import { BasisTag } from "../../components/BasisTag";
import { DownloadButton } from "../../components/DownloadButton";
import { PopulationMismatchAlert } from "../../components/PopulationMismatchAlert";
import { QueryError } from "../../components/QueryError";
import "../../components/coverage/coverage.css";
import { useI18n } from "../../i18n";
import {
  type CoverageQuery,
  type CoverageSummary,
  categoryLabel,
  coverageQueryFromParams,
  coverageQueryParams,
} from "../../lib/coverage";
import { formatDecimal, formatDistrictDateTime } from "../../lib/format";
import { canEditAreas } from "../../lib/roles";
import { printLink } from "../../lib/usePrintWhenReady";
import { queryClient, trpc } from "../../trpc";
import { CategoryCoverageCard } from "./CategoryCoverageCard";
import { CoverageHeadline } from "./CoverageHeadline";
import { CoverageTrendCard } from "./CoverageTrendCard";
import { ExpiryReminders } from "./ExpiryReminders";
import { ReachCard } from "./ReachCard";
import { ReserveAlerts } from "./ReserveAlerts";
import { TownshipCoverageCard } from "./TownshipCoverageCard";

/**
 * The leaders' dashboard: how many people the reserves equip against the 10 % target and which category holds
 * it back, the same for government stock alone, shelter places against 20 %, then the figures by category,
 * the townships the stock within 10 h of reach cannot equip, the figures by township, the trend, what expires
 * soon, and the population the targets come from.
 */
export function HomePage() {
  const { t, formatNumber, locale } = useI18n();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const input = useMemo<CoverageQuery>(() => coverageQueryFromParams(params), [params]);
  // Population, targets, townships and the expiry reminders: the figures shown, never a whole register.
  const dashboard = useQuery(trpc.coverage.dashboard.queryOptions(undefined, { staleTime: 0 }));
  const summary = useQuery(
    trpc.coverage.summary.queryOptions(input, { placeholderData: keepPreviousData, staleTime: 0 }),
  );
  const townships = useQuery(
    trpc.coverage.byTownship.queryOptions(input, { placeholderData: keepPreviousData, staleTime: 0 }),
  );
  // Its own read job: it depends on today's roads and stock, not on the target or the declared switch, so
  // changing those refetches only the township figures.
  const reach = useQuery(trpc.dispatch.reach.queryOptions(undefined, { staleTime: 0 }));

  const setInput = (next: CoverageQuery) =>
    setParams(new URLSearchParams(coverageQueryParams(next)), { replace: true });

  if (dashboard.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (dashboard.isError) return <QueryError error={dashboard.error} onRetry={() => dashboard.refetch()} />;

  const { district, targets, townships: townshipAreas } = dashboard.data;
  if (!district || !targets) {
    return <Empty description={t("home.noDistrict")} />;
  }
  const subdistricts = townshipAreas.filter((a) => a.kind === "subdistrict").length;
  const towns = townshipAreas.filter((a) => a.kind === "town").length;
  const estimated = townshipAreas.filter((a) => a.populationBasis === "estimate").length;
  const percent = (ratio: number) => formatNumber(ratio * 100);
  const reportLink = `/coverage/report${coverageQueryParams(input)}`;

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <div>
          <Typography.Title level={3} className="page-title">
            {t("home.title", { district: district.name })}
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="coverage-as-of">
            {summary.data
              ? t("coverage.asOf", { time: formatDistrictDateTime(summary.data.at) })
              : t("coverage.subtitle")}
          </Typography.Text>
        </div>
        <Space wrap className="dashboard-controls">
          <CoverageControls input={input} onChange={setInput} />
          <Button
            icon={<ReloadOutlined />}
            loading={summary.isFetching || townships.isFetching || reach.isFetching}
            onClick={() => {
              void queryClient.invalidateQueries(trpc.coverage.pathFilter());
              void queryClient.invalidateQueries(trpc.dispatch.reach.pathFilter());
            }}
            aria-label={t("common.refresh")}
          />
          <DownloadButton
            load={() =>
              queryClient.fetchQuery({
                ...trpc.coverage.exportReport.queryOptions(input),
                staleTime: 0,
                gcTime: 0,
              })
            }
            testId="coverage-export"
          >
            {t("coverage.export")}
          </DownloadButton>
          <Button
            icon={<PrinterOutlined />}
            onClick={() => navigate(printLink(reportLink))}
            data-testid="coverage-print"
          >
            {t("coverage.print")}
          </Button>
        </Space>
      </Flex>

      {summary.isError ? (
        <QueryError error={summary.error} onRetry={() => summary.refetch()} />
      ) : summary.data ? (
        <>
          <CoverageHeadline summary={summary.data} />
          <QuotaEstimateNote summary={summary.data} />
        </>
      ) : (
        <Skeleton active paragraph={{ rows: 4 }} />
      )}

      <Row gutter={[16, 16]} align="stretch">
        <Col xs={24} sm={12} xl={6}>
          <Card className="stat-card" data-testid="stat-population">
            <Statistic title={t("home.population")} value={district.population} suffix={t("common.people")} />
            <Flex gap={8} align="center" className="stat-note">
              <Typography.Text type="secondary">
                {t("home.populationYear", { year: district.populationYear })}
              </Typography.Text>
              <BasisTag basis={district.populationBasis} />
            </Flex>
          </Card>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Card className="stat-card" data-testid="stat-reserve-target">
            <Statistic
              title={t("home.reserveTarget", { percent: percent(targets.reserveRatio) })}
              value={targets.reservePeople}
              suffix={t("common.people")}
            />
            <Typography.Text type="secondary" className="stat-note">
              {t("home.reserveTargetNote", { percent: percent(targets.reserveRatio) })}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Card className="stat-card" data-testid="stat-shelter-target">
            <Statistic
              title={t("home.shelterTarget", { percent: percent(targets.shelterRatio) })}
              value={targets.shelterPeople}
              suffix={t("common.people")}
            />
            <Typography.Text type="secondary" className="stat-note">
              {t("home.shelterTargetNote", { percent: percent(targets.shelterRatio) })}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Card className="stat-card" data-testid="stat-townships">
            <Statistic title={t("home.townships")} value={townshipAreas.length} suffix={t("common.units")} />
            <Typography.Text type="secondary" className="stat-note">
              {t("home.townshipsBreakdown", { subdistricts, towns })}
            </Typography.Text>
          </Card>
        </Col>
      </Row>

      {summary.data && <CategoryCoverageCard summary={summary.data} />}

      {reach.isError ? (
        <QueryError error={reach.error} onRetry={() => reach.refetch()} />
      ) : (
        <ReachCard
          townships={townships.data ?? []}
          reach={reach.data}
          summary={summary.data}
          percent={formatDecimal((input.targetRatio ?? RESERVE_TARGET_RATIO) * 100, locale, 2)}
        />
      )}

      {townships.isError ? (
        <QueryError error={townships.error} onRetry={() => townships.refetch()} />
      ) : (
        <TownshipCoverageCard
          townships={townships.data ?? []}
          reach={reach.data}
          summary={summary.data}
          areas={townshipAreas}
          districtPopulation={district.population}
          loading={townships.isPending}
        />
      )}

      <CoverageTrendCard />

      <ReserveAlerts stock={dashboard.data.expiringStock} />
      <ExpiryReminders stock={dashboard.data.expiringStock} agreements={dashboard.data.expiringAgreements} />

      {estimated > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="estimate-note"
          title={t("home.estimates", { count: estimated, total: townshipAreas.length })}
          description={
            <>
              {t("home.estimatesHint")}{" "}
              {canEditAreas(user.role) && <Link to="/areas">{t("home.estimatesAction")}</Link>}
            </>
          }
        />
      )}
      <PopulationMismatchAlert district={district} />
    </Flex>
  );
}

/**
 * The target ratio (in %, 10 by default) and whether enterprises' declared figures count instead of the
 * verified ones. The ratio is applied once typing pauses.
 */
function CoverageControls({
  input,
  onChange,
}: {
  input: CoverageQuery;
  onChange: (next: CoverageQuery) => void;
}) {
  const { t } = useI18n();
  const applied = Math.round((input.targetRatio ?? RESERVE_TARGET_RATIO) * 10000) / 100;
  const [percent, setPercent] = useState<number | null>(applied);
  const latest = useRef({ input, onChange });
  latest.current = { input, onChange };
  useEffect(() => setPercent(applied), [applied]);
  useEffect(() => {
    if (percent === null || percent === applied || percent <= 0 || percent > 100) return;
    const timer = window.setTimeout(() => {
      const { input: current, onChange: apply } = latest.current;
      apply({ ...current, targetRatio: percent / 100 });
    }, 400);
    return () => window.clearTimeout(timer);
  }, [percent, applied]);

  return (
    <>
      <Space size={6}>
        <Typography.Text>{t("coverage.control.ratio")}</Typography.Text>
        <InputNumber<number>
          className="target-ratio"
          min={0.1}
          max={100}
          step={1}
          suffix="%"
          value={percent}
          onChange={setPercent}
          data-testid="coverage-target-ratio"
          aria-label={t("coverage.control.ratio")}
        />
      </Space>
      <Tooltip title={t("coverage.control.declaredHint")}>
        <Space size={6}>
          <Switch
            checked={input.countDeclared ?? false}
            onChange={(checked) => onChange({ ...input, countDeclared: checked })}
            data-testid="coverage-count-declared"
            aria-label={t("coverage.control.declared")}
          />
          <Typography.Text>{t("coverage.control.declared")}</Typography.Text>
        </Space>
      </Tooltip>
    </>
  );
}

/** Which quotas are still estimates: the figure moves when the district confirms them. */
function QuotaEstimateNote({ summary }: { summary: CoverageSummary }) {
  const { t, locale, list } = useI18n();
  const estimates = summary.categories.filter((c) => c.quota.estimate);
  if (estimates.length === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="quota-estimate-note"
      title={
        <span>
          {t("coverage.estimates", {
            count: estimates.length,
            names: list(estimates.map((c) => categoryLabel(c, locale))),
          })}{" "}
          <Link to="/quotas" data-testid="quota-estimate-link">
            {t("coverage.estimatesLink")}
          </Link>
        </span>
      }
    />
  );
}
