import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { type Translate, useI18n } from "../../i18n";
import type { AgreementKind, AgreementLineView, ItemView, VehicleType } from "../../lib/api-types";
import { formatQuantity, type QuantityWords, type UnitInfo } from "../../lib/quantity";
import { trpc } from "../../trpc";
import { QuantityText } from "../stock/QuantityText";

/** The catalog's units by item, for showing agreement quantities in packs ("5,000 箱（60,000 瓶）"). */
export function useItemUnits() {
  const items = useQuery(trpc.items.list.queryOptions());
  return useMemo(() => {
    const byId = new Map((items.data ?? []).map((i) => [i.id, i] as const));
    return {
      items: items.data ?? ([] as ItemView[]),
      loading: items.isPending,
      item: (id: number | null | undefined) => (id ? byId.get(id) : undefined),
      /** The item's units; without the catalog loaded, the base unit alone. */
      unitOf: (id: number | null | undefined, baseUnit: string | null | undefined): UnitInfo =>
        (id ? byId.get(id) : undefined) ?? { baseUnit: baseUnit ?? "", packs: [] },
    };
  }, [items.data, items.isPending]);
}

export type ItemUnits = ReturnType<typeof useItemUnits>;

type SubjectLine = Pick<AgreementLineView, "itemName" | "vehicleType">;

/** What a line commits: the item, or the truck class. */
export function lineSubject(line: SubjectLine, t: Translate): string {
  if (line.vehicleType) return t(`vehicleType.${line.vehicleType as VehicleType}`);
  return line.itemName ?? "—";
}

/**
 * One line in a sentence: "瓶装饮用水 60,000 瓶", "棉被 产能 2,000 床/日", "6.8 米中型货车 10 辆，4 小时内".
 */
export function lineSummary(
  line: AgreementLineView,
  kind: AgreementKind,
  t: Translate,
  formatNumber: (n: number) => string,
): string {
  if (kind === "transport" || line.vehicleType) {
    return t("agreements.summary.transport", {
      vehicle: lineSubject(line, t),
      count: formatNumber(line.quantity),
      hours: line.responseHours,
    });
  }
  const quantity = `${formatNumber(line.quantity)} ${line.baseUnit ?? ""}`.trim();
  return t(kind === "production" ? "agreements.summary.production" : "agreements.summary.stock", {
    item: line.itemName ?? "—",
    quantity,
  });
}

/** A quantity of a line: trucks ("10 辆"), units per day for production, stock in packs and base units. */
export function LineQuantity({
  value,
  kind,
  unit,
  testId,
}: {
  value: number;
  kind: AgreementKind;
  unit: UnitInfo;
  testId?: string;
}) {
  const { t, formatNumber } = useI18n();
  if (kind === "transport") {
    return (
      <span className="qty" data-testid={testId} data-value={value}>
        {t("agreements.trucks", { count: formatNumber(value) })}
      </span>
    );
  }
  return (
    <span className="qty">
      <QuantityText value={value} unit={unit} testId={testId} />
      {kind === "production" && t("agreements.perDay")}
    </span>
  );
}

/** Plain text of a line quantity, for messages and hints. */
export function lineQuantityText(
  value: number,
  kind: AgreementKind,
  unit: UnitInfo,
  words: QuantityWords & { t: Translate },
): string {
  if (kind === "transport") return words.t("agreements.trucks", { count: words.formatNumber(value) });
  return formatQuantity(value, unit, words);
}
