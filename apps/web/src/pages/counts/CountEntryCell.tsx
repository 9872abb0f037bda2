import { Flex, InputNumber, Typography } from "antd";
import { useI18n } from "../../i18n";
import type { UnitInfo } from "../../lib/quantity";
import { type CountEntry, countPack, totalOf } from "./countEntry";

/**
 * The counted quantity of one line: for an item with packs, whole packs and loose units side by side with the
 * total in base units as typed ("= 245 床"); otherwise base units alone. Whole, non-negative numbers only.
 */
export function CountEntryCell({
  lineId,
  entry,
  unit,
  error,
  onChange,
}: {
  lineId: number;
  entry: CountEntry;
  unit: UnitInfo;
  error?: string;
  onChange: (entry: CountEntry) => void;
}) {
  const { t, formatNumber } = useI18n();
  const pack = countPack(unit);
  const total = totalOf(entry, unit);
  const status = error ? "error" : undefined;
  return (
    <Flex vertical gap={2}>
      <Flex gap={4} align="center">
        {pack && (
          <InputNumber<number>
            min={0}
            precision={0}
            value={entry.packs}
            suffix={pack.name}
            status={status}
            className="count-entry-packs"
            aria-label={t("counts.entry.packs", { pack: pack.name })}
            onChange={(packs) => onChange({ ...entry, packs: packs ?? null })}
            data-testid={`count-packs-${lineId}`}
          />
        )}
        {pack && <span aria-hidden>+</span>}
        <InputNumber<number>
          min={0}
          precision={0}
          value={entry.loose}
          suffix={unit.baseUnit}
          status={status}
          className={pack ? "count-entry-loose" : "full-width"}
          aria-label={pack ? t("counts.entry.loose", { unit: unit.baseUnit }) : undefined}
          onChange={(loose) => onChange({ ...entry, loose: loose ?? null })}
          data-testid={`count-input-${lineId}`}
        />
      </Flex>
      {pack && total !== null && (
        <Typography.Text type="secondary" className="cell-code" data-testid={`count-total-${lineId}`}>
          {t("counts.entry.total", { quantity: formatNumber(total), unit: unit.baseUnit })}
        </Typography.Text>
      )}
      {error && (
        <Typography.Text type="danger" data-testid="count-line-error">
          {error}
        </Typography.Text>
      )}
    </Flex>
  );
}
