import { useI18n } from "../../i18n";
import { quantityParts, type UnitInfo } from "../../lib/quantity";

/**
 * A quantity in the largest whole pack with the base units beside it: "4 箱（48 瓶）". `data-value` carries
 * the base quantity for anyone reading the page programmatically.
 */
export function QuantityText({
  value,
  unit,
  testId,
  strong = false,
  stacked = false,
}: {
  value: number;
  unit: UnitInfo;
  testId?: string;
  strong?: boolean;
  /** Base units on a second line, for narrow table columns. */
  stacked?: boolean;
}) {
  const { formatNumber, aside } = useI18n();
  const parts = quantityParts(value, unit, (n) => formatNumber(n));
  return (
    <span
      className={`qty${strong ? " qty-strong" : ""}${stacked ? " qty-stacked" : ""}${value === 0 ? " qty-zero" : ""}`}
      data-testid={testId}
      data-value={value}
    >
      {parts.main}
      {parts.base && <span className="qty-base">{aside("", parts.base)}</span>}
    </span>
  );
}

/** A ledger delta in one bucket: blank when zero, so movement columns read at a glance. */
export function DeltaText({ value, unit, testId }: { value: number; unit: UnitInfo; testId?: string }) {
  if (value === 0) return <span className="qty-zero">—</span>;
  return <QuantityText value={value} unit={unit} testId={testId} />;
}
