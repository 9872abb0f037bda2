import { ArrowLeftOutlined, PrinterOutlined } from "@ant-design/icons";
import { quotaMessage, reportNoteMessages, requiredMessage } from "@relief/domain";
import { skipToken, useQuery } from "@tanstack/react-query";
import { Alert, Button, Flex, Select, Skeleton, Space } from "antd";
import { useMemo } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { DownloadButton } from "../../components/DownloadButton";
import { QueryError } from "../../components/QueryError";
import "../../components/coverage/coverage.css";
import { type RenderMessage, useI18n } from "../../i18n";
import {
  type CategoryCoverage,
  type CoverageSummary,
  categoryLabel,
  coverageQueryFromParams,
  coverageQueryParams,
  formatPercent,
} from "../../lib/coverage";
import { formatDecimal, formatDistrictDateTime } from "../../lib/format";
import { usePrintWhenReady } from "../../lib/usePrintWhenReady";
import { queryClient, trpc } from "../../trpc";

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The notes under the table, made by the same rule as the spreadsheet's, in the reader's language. */
function reportNotes(summary: CoverageSummary, tm: RenderMessage, locale: string): string[] {
  return reportNoteMessages({
    countDeclared: summary.countDeclared,
    estimates: summary.categories.filter((c) => c.quota.estimate).map((c) => categoryLabel(c, locale)),
    capacity: summary.categories
      .filter((c) => c.capacityPerDay > 0)
      .map((c) => ({ name: categoryLabel(c, locale), perDay: c.capacityPerDay, unit: c.unitLabel })),
    population: summary.population,
    householdSize: summary.householdSize.toFixed(2),
    flagged: [...new Set(summary.categories.flatMap((c) => c.flaggedEnterprises))],
    // Snapshots stored before loans existed have no loanQuantity.
    loans: summary.categories
      .filter((c) => (c.loanQuantity ?? 0) > 0)
      .map((c) => ({ name: categoryLabel(c, locale), quantity: c.loanQuantity, unit: c.unitLabel })),
  }).map(tm);
}

/**
 * 巴南区救灾物资储备保障能力报表 on one A4 page (landscape), laid out like the .xlsx: reporting unit and date,
 * the headline, the table by category, the shelter figure, notes and signature lines. The figure as it stands
 * now (with the dashboard's target and declared switch), or a stored snapshot (`?snapshot=<id>`). The dashboard's
 * 打印报表 adds `?print=1`, which opens the print dialog once the report is shown.
 */
export function CoverageReportPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const snapshotId = Number(params.get("snapshot"));
  const fromSnapshot = Number.isInteger(snapshotId) && snapshotId > 0;
  const input = useMemo(() => coverageQueryFromParams(params), [params]);
  const current = useQuery(
    trpc.coverage.summary.queryOptions(input, { enabled: !fromSnapshot, staleTime: 0 }),
  );
  const snapshot = useQuery(
    trpc.coverage.snapshot.queryOptions(fromSnapshot ? { id: snapshotId } : skipToken),
  );
  const snapshots = useQuery(trpc.coverage.snapshots.queryOptions({ days: 365 }));
  const query = fromSnapshot ? snapshot : current;
  const summary = fromSnapshot ? snapshot.data?.summary : current.data;
  usePrintWhenReady(summary !== undefined);

  const chooseSource = (value: number) => {
    const next = new URLSearchParams(params);
    if (value > 0) next.set("snapshot", String(value));
    else next.delete("snapshot");
    setParams(next, { replace: true });
  };

  return (
    <div className="coverage-report" data-testid="coverage-report">
      <Flex justify="space-between" align="center" wrap gap={12} className="no-print report-toolbar">
        <Space wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/${coverageQueryParams(input)}`)}>
            {t("report.back")}
          </Button>
          <Select<number>
            className="filter-wide"
            value={fromSnapshot ? snapshotId : 0}
            onChange={chooseSource}
            loading={snapshots.isPending}
            options={[
              { value: 0, label: t("report.source.current") },
              ...[...(snapshots.data ?? [])].reverse().map((p) => ({
                value: p.id,
                label: t("report.source.snapshot", {
                  time: formatDistrictDateTime(p.takenAt),
                  trigger: t(`coverage.trend.trigger.${p.trigger}`),
                }),
              })),
            ]}
            data-testid="report-source"
          />
        </Space>
        <Space wrap>
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            onClick={() => window.print()}
            disabled={!summary}
            data-testid="report-print"
          >
            {t("report.print")}
          </Button>
          <DownloadButton
            load={() =>
              queryClient.fetchQuery({
                ...trpc.coverage.exportReport.queryOptions(fromSnapshot ? { snapshotId } : input),
                staleTime: 0,
                gcTime: 0,
              })
            }
            testId="report-download"
          >
            {t("report.download")}
          </DownloadButton>
        </Space>
      </Flex>
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => query.refetch()} />
      ) : !summary ? (
        <Skeleton active paragraph={{ rows: 12 }} />
      ) : (
        <ReportSheet summary={summary} snapshotAt={fromSnapshot ? (snapshot.data?.takenAt ?? null) : null} />
      )}
    </div>
  );
}

function ReportSheet({ summary, snapshotAt }: { summary: CoverageSummary; snapshotAt: string | null }) {
  const { t, tm, locale } = useI18n();
  const number = (n: number, digits = 2) => formatDecimal(n, locale, digits);
  const share = (people: number) =>
    formatPercent(summary.targetPeople > 0 ? people / summary.targetPeople : 0, locale);
  const { headline, shelters } = summary;
  const nameOf = (found: { categoryId: number; name: string } | null) => {
    if (!found) return "—";
    const category = summary.categories.find((c) => c.categoryId === found.categoryId);
    return category ? categoryLabel(category, locale) : found.name;
  };
  const requiredText = (c: CategoryCoverage) => tm(requiredMessage(c.quota, summary.date));
  const notes = reportNotes(summary, tm, locale);

  return (
    <div className="report-sheet" data-testid="report-sheet">
      <h1 className="report-title" data-testid="report-title">
        {t("report.title")}
      </h1>
      <div className="report-meta">
        <span data-testid="report-organisation">{t("report.organisation")}</span>
        <span data-testid="report-date">{t("report.date", { date: summary.date })}</span>
      </div>
      {snapshotAt && (
        <div className="report-snapshot-note" data-testid="report-snapshot-note">
          {t("report.snapshotNote", { time: formatDistrictDateTime(snapshotAt) })}
        </div>
      )}
      <table className="report-grid report-fixed report-headline" data-testid="report-headline">
        <tbody>
          <tr>
            <td className="label">{t("report.headline.population")}</td>
            <td className="num">{number(summary.population, 0)}</td>
            <td className="label">{t("report.headline.targetRatio")}</td>
            <td className="num">{`${number(summary.targetRatio * 100, 2)}%`}</td>
            <td className="label">{t("report.headline.targetPeople")}</td>
            <td className="num" data-testid="report-target">
              {number(summary.targetPeople, 0)}
            </td>
          </tr>
          <tr>
            <td className="label">{t("report.headline.covered")}</td>
            <td className="num" data-testid="report-covered">
              {number(headline.peopleCovered, 0)}
            </td>
            <td className="label">{t("report.headline.ofTarget")}</td>
            <td className="num">{share(headline.peopleCovered)}</td>
            <td className="label">{t("report.headline.bottleneck")}</td>
            <td className="center" data-testid="report-bottleneck">
              {nameOf(headline.bottleneckCategory)}
            </td>
          </tr>
          <tr>
            <td className="label">{t("report.headline.government")}</td>
            <td className="num">{number(headline.governmentPeopleCovered, 0)}</td>
            <td className="label">{t("report.headline.ofTarget")}</td>
            <td className="num">{share(headline.governmentPeopleCovered)}</td>
            <td className="label">{t("report.headline.bottleneck")}</td>
            <td className="center">{nameOf(headline.governmentBottleneckCategory)}</td>
          </tr>
        </tbody>
      </table>
      <table className="report-grid report-table" data-testid="report-table">
        <thead>
          <tr>
            <th>{t("report.column.no")}</th>
            <th>{t("report.column.category")}</th>
            <th>{t("report.column.unit")}</th>
            <th>{t("report.column.quota")}</th>
            <th>{t("report.column.required")}</th>
            <th>{t("report.column.requiredQuantity")}</th>
            <th>{t("report.column.government")}</th>
            <th>{t("report.column.agreement")}</th>
            <th>{t("report.column.total")}</th>
            <th>{t("report.column.people")}</th>
            <th>{t("report.column.coverage")}</th>
            <th>{t("report.column.shortfall")}</th>
            <th>{t("report.column.shortfallTonnes")}</th>
            <th>{t("report.column.shortfallM3")}</th>
          </tr>
        </thead>
        <tbody>
          {summary.categories.map((c, index) => (
            <tr key={c.categoryId} data-testid="report-row" data-code={c.code}>
              <td className="center">{index + 1}</td>
              <td>{categoryLabel(c, locale)}</td>
              <td className="center">{c.unitLabel}</td>
              <td>{tm(quotaMessage(c.quota))}</td>
              <td className="center">{requiredText(c)}</td>
              <td className="num" data-testid="report-required-quantity">
                {number(c.requiredQuantity)}
              </td>
              <td className="num">{number(round2(c.governmentQuantity))}</td>
              <td className="num">{number(round2(c.agreementQuantity))}</td>
              <td className="num">{number(round2(c.governmentQuantity + c.agreementQuantity))}</td>
              <td className="num">{number(c.peopleCovered, 0)}</td>
              <td className="num">{share(c.peopleCovered)}</td>
              <td className="num">{number(round2(c.shortfallQuantity))}</td>
              <td className="num">{number(Math.round(c.shortfallKg) / 1000, 3)}</td>
              <td className="num">{number(c.shortfallM3)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="report-grid report-fixed report-shelters" data-testid="report-shelters">
        <tbody>
          <tr>
            <td className="label">{t("report.shelters.title")}</td>
            <td className="label">
              {t("report.shelters.target", { percent: number(shelters.targetRatio * 100, 2) })}
            </td>
            <td className="num">{number(shelters.targetPeople, 0)}</td>
            <td className="label">{t("report.shelters.capacity")}</td>
            <td className="num" data-testid="report-shelter-capacity">
              {number(shelters.capacity, 0)}
            </td>
            <td className="label">{t("report.shelters.shortfall")}</td>
            <td className="num">{number(shelters.shortfall, 0)}</td>
          </tr>
        </tbody>
      </table>
      <div className="report-notes" data-testid="report-notes">
        <strong>{t("report.notes")}</strong>
        <ol>
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ol>
      </div>
      <div className="report-signatures" data-testid="report-signatures">
        <span>{t("report.sign.head")}</span>
        <span>{t("report.sign.reviewer")}</span>
        <span>{t("report.sign.preparer")}</span>
        <span>{t("report.sign.phone")}</span>
      </div>
      <Alert className="no-print report-screen-hint" type="info" showIcon title={t("report.printHint")} />
    </div>
  );
}
