import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Select, type SelectProps } from "antd";
import { useEffect, useState } from "react";
import type { EnterpriseOption } from "../lib/api-types";
import { trpc } from "../trpc";

/** Typing pauses this long before the server is asked, so one word is one query, not one per key. */
const SEARCH_DELAY_MS = 250;

interface EnterpriseSelectProps
  extends Omit<SelectProps<number>, "options" | "onChange" | "showSearch" | "filterOption" | "loading"> {
  onChange?: (id: number | undefined, option: EnterpriseOption | undefined) => void;
  /** The option's text; the enterprise's name by default. */
  label?: (option: EnterpriseOption) => string;
  disabledOption?: (option: EnterpriseOption) => boolean;
}

/**
 * An enterprise picker that asks the server as the user types (`enterprises.options`: at most 20 matches by
 * name or credit code, and the enterprise already chosen so its name shows) instead of loading the register.
 */
export function EnterpriseSelect({
  value,
  onChange,
  label,
  disabledOption,
  ...props
}: EnterpriseSelectProps) {
  const [typed, setTyped] = useState("");
  const [search, setSearch] = useState("");
  useEffect(() => {
    const timer = window.setTimeout(() => setSearch(typed.trim()), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [typed]);
  const query = useQuery(
    trpc.enterprises.options.queryOptions(
      { ...(search && { search }), ...(value !== undefined && value !== null && { id: value }) },
      { placeholderData: keepPreviousData },
    ),
  );
  const options = query.data ?? [];
  return (
    <Select<number>
      {...props}
      value={value}
      showSearch={{ filterOption: false, onSearch: setTyped, searchValue: typed }}
      loading={query.isFetching}
      onChange={(id) => {
        setTyped("");
        onChange?.(
          id,
          options.find((o) => o.id === id),
        );
      }}
      options={options.map((o) => ({
        value: o.id,
        label: label ? label(o) : o.name,
        disabled: disabledOption?.(o) ?? false,
      }))}
    />
  );
}
