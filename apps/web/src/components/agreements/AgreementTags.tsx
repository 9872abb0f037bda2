import { WarningFilled } from "@ant-design/icons";
import { Space, Tag, Tooltip } from "antd";
import { useI18n } from "../../i18n";
import type {
  AgreementKind,
  AgreementStatus,
  CalloffStatus,
  CreditEventKind,
  CreditGrade,
  LineFlag,
} from "../../lib/api-types";

const GRADE_COLORS: Record<CreditGrade, string> = {
  A: "green",
  B: "blue",
  C: "orange",
  D: "red",
  unrated: "default",
};

/** 信用等级 A–D, the score in a tooltip; 未评级 (no score to show) while there is no credit history. */
export function GradeTag({ grade, score }: { grade: CreditGrade; score?: number }) {
  const { t } = useI18n();
  const tag = (
    <Tag color={GRADE_COLORS[grade]} className="grade-tag" data-testid={`grade-${grade}`}>
      {grade === "unrated" ? t("enterprises.grade.unrated") : grade}
    </Tag>
  );
  return score === undefined || grade === "unrated" ? (
    tag
  ) : (
    <Tooltip title={t("credit.scoreTooltip", { score })}>{tag}</Tooltip>
  );
}

/** The marker of an enterprise that is suspended or graded D: its reserves are counted with a warning. */
export function FlaggedMark() {
  const { t } = useI18n();
  return (
    <Tooltip title={t("enterprises.flaggedHint")}>
      <WarningFilled
        className="flag-mark"
        aria-label={t("enterprises.flaggedHint")}
        data-testid="enterprise-flagged"
      />
    </Tooltip>
  );
}

const KIND_COLORS: Record<AgreementKind, string> = {
  stock: "purple",
  production: "geekblue",
  transport: "cyan",
};

export function AgreementKindTag({ kind }: { kind: AgreementKind }) {
  const { t } = useI18n();
  return (
    <Tag color={KIND_COLORS[kind]} data-testid={`agreement-kind-${kind}`}>
      {t(`agreements.kind.${kind}`)}
    </Tag>
  );
}

const STATUS_COLORS: Record<AgreementStatus, string> = {
  pending: "default",
  active: "green",
  expiring: "orange",
  expired: "default",
  terminated: "red",
};

/** 有效 green, 即将到期 orange with the days left, 已到期 grey, 已终止 red, 未生效 plain. */
export function AgreementStatusTag({ status, daysToEnd }: { status: AgreementStatus; daysToEnd: number }) {
  const { t } = useI18n();
  return (
    <Tag
      color={STATUS_COLORS[status]}
      className={status === "expired" ? "tag-muted" : undefined}
      data-testid={`agreement-status-${status}`}
    >
      {t(`agreements.status.${status}`)}
      {status === "expiring" && ` · ${t("agreements.daysLeft", { days: daysToEnd })}`}
    </Tag>
  );
}

const CALLOFF_COLORS: Record<CalloffStatus, string> = {
  open: "blue",
  overdue: "red",
  on_time: "green",
  late: "orange",
  partial: "orange",
  failed: "red",
  cancelled: "default",
};

export function CalloffStatusTag({ status }: { status: CalloffStatus }) {
  const { t } = useI18n();
  return (
    <Tag
      color={CALLOFF_COLORS[status]}
      className={status === "cancelled" ? "tag-muted" : undefined}
      data-testid={`calloff-status-${status}`}
    >
      {t(`agreements.calloffStatus.${status}`)}
    </Tag>
  );
}

const FLAG_COLORS: Record<LineFlag, string> = {
  unverified: "orange",
  verification_stale: "orange",
  declaration_outdated: "gold",
  undeclared: "gold",
  below_commitment: "red",
};

/** What a stock line's figures need checked; "—" when nothing. */
export function LineFlagTags({ flags }: { flags: readonly LineFlag[] }) {
  const { t } = useI18n();
  if (flags.length === 0) return <span className="qty-zero">—</span>;
  return (
    <Space size={[0, 4]} wrap>
      {flags.map((flag) => (
        <Tag key={flag} color={FLAG_COLORS[flag]} data-testid={`line-flag-${flag}`}>
          {t(`agreements.lineFlag.${flag}`)}
        </Tag>
      ))}
    </Space>
  );
}

const EVENT_COLORS: Record<CreditEventKind, string> = {
  failed_delivery: "red",
  refused_inspection: "red",
  false_declaration: "volcano",
  commendation: "green",
};

export function CreditEventTag({ kind }: { kind: CreditEventKind }) {
  const { t } = useI18n();
  return (
    <Tag color={EVENT_COLORS[kind]} data-testid={`credit-event-${kind}`}>
      {t(`enterprises.creditEvent.${kind}`)}
    </Tag>
  );
}
