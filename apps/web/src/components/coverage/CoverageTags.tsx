import { WarningFilled } from "@ant-design/icons";
import { Flex, Space, Tag, Tooltip } from "antd";
import { useI18n } from "../../i18n";
import {
  formatPercent,
  type RequiredState,
  ratioLevel,
  type ShelterStatus,
  type ShelterType,
} from "../../lib/coverage";
import "./coverage.css";

/** A share of the target, coloured: red below half, orange below the target, green once met. */
export function RatioText({ ratio, testId }: { ratio: number; testId?: string }) {
  const { locale } = useI18n();
  return (
    <span className={`ratio-text ratio-${ratioLevel(ratio)}`} data-testid={testId} data-value={ratio}>
      {formatPercent(ratio, locale)}
    </span>
  );
}

/** The class a table cell gets to show a share of the target in its colour. */
export function ratioCellClass(ratio: number): string {
  return `ratio-cell ratio-cell-${ratioLevel(ratio)}`;
}

/** 估算: the quota is an estimate, not yet confirmed by the district. */
export function EstimateTag() {
  const { t } = useI18n();
  return (
    <Tooltip title={t("quota.estimateHint")}>
      <Tag color="gold" data-testid="quota-estimate">
        {t("quota.estimate")}
      </Tag>
    </Tooltip>
  );
}

/**
 * Whether a category counts for the headline: 不计入 (shown only) or 非适用季节 (a seasonal quota out of its
 * months, the months and when it counts again in the tooltip).
 */
export function RequiredTag({ state, season }: { state: RequiredState; season?: string | null }) {
  const { t } = useI18n();
  if (state === "yes") return null;
  return (
    <Tooltip title={state === "shown" ? t("coverage.notCountedHint") : season}>
      <Tag className="tag-muted" data-testid={`category-${state === "shown" ? "not-counted" : "off-season"}`}>
        {t(state === "shown" ? "coverage.notCounted" : "coverage.offSeason")}
      </Tag>
    </Tooltip>
  );
}

/** The enterprises whose agreement stock is counted though they are suspended or graded D. */
export function FlaggedEnterprises({ names }: { names: readonly string[] }) {
  const { t, list } = useI18n();
  if (names.length === 0) return null;
  const title = (
    <>
      {t("coverage.flaggedTitle")}
      <ul className="flagged-list">
        {names.map((name) => (
          <li key={name}>{name}</li>
        ))}
      </ul>
    </>
  );
  return (
    <Tooltip title={title}>
      <WarningFilled
        className="flag-mark"
        aria-label={`${t("coverage.flaggedTitle")} ${list(names)}`}
        data-testid="category-flagged"
      />
    </Tooltip>
  );
}

const TYPE_COLORS: Record<ShelterType, string> = {
  park: "green",
  square: "cyan",
  school: "blue",
  stadium: "purple",
  other: "default",
};

export function ShelterTypeTag({ type }: { type: ShelterType }) {
  const { t } = useI18n();
  return <Tag color={TYPE_COLORS[type]}>{t(`shelterType.${type}`)}</Tag>;
}

const STATUS_COLORS: Record<ShelterStatus, string> = {
  open: "green",
  maintenance: "orange",
  closed: "default",
};

export function ShelterStatusTag({ status }: { status: ShelterStatus }) {
  const { t } = useI18n();
  return (
    <Tag
      color={STATUS_COLORS[status]}
      className={status === "closed" ? "tag-muted" : undefined}
      data-testid={`shelter-status-${status}`}
    >
      {t(`shelterStatus.${status}`)}
    </Tag>
  );
}

/** A category's name with its tags (估算, 不计入 / 非适用季节) and, for a seasonal quota, its months. */
export function CategoryName({
  name,
  estimate,
  state,
  season,
}: {
  name: string;
  estimate: boolean;
  state: RequiredState;
  /** 季节性定额（11月—次年3月），当前计入: null for a quota that counts all year. */
  season?: string | null;
}) {
  return (
    <Flex vertical gap={2}>
      <Space size={4} wrap>
        <span className={state === "yes" ? "category-name" : "category-name category-name-muted"}>
          {name}
        </span>
        {estimate && <EstimateTag />}
        <RequiredTag state={state} season={season} />
      </Space>
      {season && (
        <span className="category-season" data-testid="category-season">
          {season}
        </span>
      )}
    </Flex>
  );
}
