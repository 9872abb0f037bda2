import { Tag, Tooltip, Typography } from "antd";
import { useI18n } from "../../i18n";
import type { CountStatus, LotStatus, Ownership, WarehouseKind } from "../../lib/api-types";
import { isDocumentType } from "../../lib/api-types";
import { daysFromToday } from "../../lib/format";

const OWNERSHIP_COLORS: Record<Ownership, string> = {
  government: "blue",
  agreement: "purple",
  donation: "gold",
  loan: "cyan",
};

export function OwnershipTag({ ownership }: { ownership: Ownership }) {
  const { t } = useI18n();
  return (
    <Tag color={OWNERSHIP_COLORS[ownership]} data-testid={`ownership-${ownership}`}>
      {t(`ownership.${ownership}`)}
    </Tag>
  );
}

const LOT_STATUS_COLORS: Record<LotStatus, string> = {
  available: "green",
  quarantined: "orange",
  damaged: "red",
  recalled: "magenta",
};

export function LotStatusTag({ status }: { status: LotStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={LOT_STATUS_COLORS[status]} data-testid={`lot-status-${status}`}>
      {t(`stock.lotStatus.${status}`)}
    </Tag>
  );
}

const KIND_COLORS: Record<WarehouseKind, string> = {
  civil_affairs: "blue",
  commerce: "cyan",
  military: "green",
  enterprise: "purple",
  township_point: "default",
};

export function WarehouseKindTag({ kind }: { kind: WarehouseKind }) {
  const { t } = useI18n();
  return (
    <Tag color={KIND_COLORS[kind]} data-testid={`warehouse-kind-${kind}`}>
      {t(`warehouseKind.${kind}`)}
    </Tag>
  );
}

const DOCUMENT_COLORS: Record<string, string> = {
  receipt: "green",
  issue: "volcano",
  transfer_out: "geekblue",
  transfer_in: "cyan",
  adjustment: "gold",
  reversal: "red",
  reserve: "purple",
  release: "default",
  hold: "orange",
  unhold: "lime",
};

export function DocumentTypeTag({ type }: { type: string }) {
  const { t } = useI18n();
  return (
    <Tag color={DOCUMENT_COLORS[type] ?? "default"} data-testid={`document-type-${type}`}>
      {isDocumentType(type) ? t(`documentType.${type}`) : type}
    </Tag>
  );
}

const COUNT_COLORS: Record<CountStatus, string> = {
  open: "processing",
  submitted: "success",
  cancelled: "default",
};

export function CountStatusTag({ status }: { status: CountStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={COUNT_COLORS[status]} data-testid={`count-status-${status}`}>
      {t(`countStatus.${status}`)}
    </Tag>
  );
}

/**
 * An expiry date: red once expired, orange within `warnDays` (90 by default), plain otherwise. Days count
 * from the district's today (China Standard Time), as the server counts them.
 */
export function ExpiryText({
  date,
  expired,
  warnDays = 90,
  showDays = true,
  stacked = false,
}: {
  date: string | null;
  expired?: boolean;
  warnDays?: number;
  /** Leave the "剩 N 天" out where a column already says it. */
  showDays?: boolean;
  /** The days on a second line, for narrow columns. */
  stacked?: boolean;
}) {
  const { t } = useI18n();
  if (!date) return <Typography.Text type="secondary">{t("stock.noExpiry")}</Typography.Text>;
  const days = daysFromToday(date);
  const isExpired = expired ?? days < 0;
  if (isExpired) {
    return (
      <Tooltip title={t("stock.expiredDays", { days: Math.abs(days) })}>
        <span
          className={`expiry expiry-expired${stacked ? " expiry-stacked" : ""}`}
          data-testid="expiry-expired"
        >
          {date}
          {showDays && <span className="expiry-days">{t("stock.expired")}</span>}
        </span>
      </Tooltip>
    );
  }
  if (days <= warnDays) {
    return (
      <Tooltip title={t("stock.expiresInDays", { days })}>
        <span className={`expiry expiry-soon${stacked ? " expiry-stacked" : ""}`} data-testid="expiry-soon">
          {date}
          {showDays && <span className="expiry-days">{t("stock.daysLeft", { days })}</span>}
        </span>
      </Tooltip>
    );
  }
  return <span className="expiry">{date}</span>;
}

/** A lot code with its production and expiry dates beneath: where a clerk looks for a batch. */
export function LotDates({
  code,
  production,
  expiry,
}: {
  code: string;
  production: string | null;
  expiry: string | null;
}) {
  const { t } = useI18n();
  const dates = [
    production && t("stock.lot.produced", { date: production }),
    expiry && t("stock.lot.expires", { date: expiry }),
  ].filter(Boolean);
  return (
    <span className="lot-dates" data-testid="lot-dates">
      <span data-testid="lot-code">{code}</span>
      {dates.length > 0 && (
        <Typography.Text type="secondary" className="cell-code lot-dates-line">
          {dates.join(" · ")}
        </Typography.Text>
      )}
    </span>
  );
}
