import { Select } from "antd";
import type { CSSProperties } from "react";
import type { ListFilters } from "../lib/useUrlListState";

interface CodeFilterProps<C extends string> {
  list: ListFilters;
  /** The address parameter that holds the chosen code. */
  name: string;
  codes: readonly C[];
  label: (code: C) => string;
  placeholder: string;
  className?: string;
  style?: CSSProperties;
  "data-testid": string;
}

/**
 * A list filter on a fixed set of codes (a status, a kind, a direction), kept in the list's address: choosing
 * one goes back to page 1, clearing it shows every code again.
 */
export function CodeFilter<C extends string>({
  list,
  name,
  codes,
  label,
  className = "filter-narrow",
  ...props
}: CodeFilterProps<C>) {
  return (
    <Select<C>
      allowClear
      className={className}
      value={list.code(name, codes)}
      onChange={(value) => list.setFilters({ [name]: value })}
      options={codes.map((value) => ({ value, label: label(value) }))}
      {...props}
    />
  );
}
