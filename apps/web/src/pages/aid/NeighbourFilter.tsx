import { Select } from "antd";
import { useI18n } from "../../i18n";
import type { ListFilters } from "../../lib/useUrlListState";

/** A list of aid narrowed to one neighbour, kept in the list's address as `neighbourId`. */
export function NeighbourFilter({
  list,
  neighbours,
  "data-testid": testId,
}: {
  list: ListFilters;
  neighbours: readonly { id: number; name: string }[] | undefined;
  "data-testid": string;
}) {
  const { t } = useI18n();
  return (
    <Select<number>
      allowClear
      className="filter-narrow"
      placeholder={t("aid.filter.neighbour")}
      value={list.id("neighbourId")}
      onChange={(value) => list.setFilters({ neighbourId: value })}
      options={(neighbours ?? []).map((n) => ({ value: n.id, label: n.name }))}
      data-testid={testId}
    />
  );
}
