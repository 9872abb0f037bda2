import { Card, Flex, Statistic, Typography } from "antd";
import { useI18n } from "../../i18n";
import type { VehiclePage } from "../../lib/api-types";

/**
 * What each home warehouse can send, over every vehicle the filters select: trucks, those available, and
 * the tonnes the available ones carry. A card picks its warehouse as the filter (and drops it again).
 */
export function FleetTotals({
  totals,
  selected,
  onSelect,
}: {
  totals: VehiclePage["byWarehouse"];
  selected: number | undefined;
  onSelect: (warehouseId: number | undefined) => void;
}) {
  const { t, formatNumber } = useI18n();
  if (totals.length === 0) return null;
  return (
    <Flex wrap gap={12} data-testid="fleet-totals">
      {totals.map((w) => (
        <Card
          key={w.warehouseId}
          size="small"
          hoverable
          className={w.warehouseId === selected ? "fleet-total fleet-total-selected" : "fleet-total"}
          onClick={() => onSelect(w.warehouseId === selected ? undefined : w.warehouseId)}
          data-testid="fleet-total"
          data-code={w.code}
        >
          <Typography.Text strong>{w.name}</Typography.Text>{" "}
          <Typography.Text type="secondary" className="cell-code">
            {w.code}
          </Typography.Text>
          <Flex gap={16}>
            <Statistic
              title={t("vehicles.totals.trucks")}
              value={`${formatNumber(w.available)} / ${formatNumber(w.vehicles)}`}
            />
            <Statistic
              title={t("vehicles.totals.tonnes")}
              value={formatNumber(w.availablePayloadKg / 1000, 1)}
            />
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}
