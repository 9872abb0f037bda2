import { Alert } from "antd";
import { useI18n } from "../i18n";
import type { AreaItem } from "../lib/api-types";

/**
 * The district's resident population and the sum of its townships come from different sources and may
 * legitimately differ; the difference is shown so it is never hidden.
 */
export function PopulationMismatchAlert({ district }: { district: AreaItem | null }) {
  const { t, formatNumber } = useI18n();
  if (
    !district ||
    district.childrenPopulation === null ||
    district.childrenPopulation === district.population
  ) {
    return null;
  }
  const difference = district.childrenPopulation - district.population;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="population-mismatch"
      title={t("areas.mismatch.title", {
        sum: formatNumber(district.childrenPopulation),
        name: district.name,
        population: formatNumber(district.population),
      })}
      description={t(difference > 0 ? "areas.mismatch.more" : "areas.mismatch.less", {
        difference: formatNumber(Math.abs(difference)),
      })}
    />
  );
}
