import { type TableColumnsType, Typography } from "antd";
import { NameCodeCell } from "../../components/NameCodeCell";
import { QuantityText } from "../../components/stock/QuantityText";
import { ExpiryText, OwnershipTag } from "../../components/stock/StockTags";
import type { Translate } from "../../i18n";
import type { CountLine, Ownership } from "../../lib/api-types";
import type { UnitInfo } from "../../lib/quantity";
import { CountEntryCell } from "./CountEntryCell";
import type { CountEntry } from "./countEntry";

export interface CountColumnsOptions {
  t: Translate;
  unitOf: (line: CountLine) => UnitInfo;
  entryFor: (line: CountLine) => CountEntry;
  countedOf: (line: CountLine) => number | null;
  /** Null when the count cannot be edited (closed, or a warehouse the user may not post in). */
  edit: { errors: Record<number, string>; onChange: (line: CountLine, entry: CountEntry) => void } | null;
}

/** 盘点表's columns: the lot, what was expected at opening, what was counted, and the difference. */
export function countColumns({
  t,
  unitOf,
  entryFor,
  countedOf,
  edit,
}: CountColumnsOptions): TableColumnsType<CountLine> {
  const notCounted = <Typography.Text type="secondary">{t("counts.notCounted")}</Typography.Text>;
  return [
    {
      title: t("stock.column.item"),
      key: "item",
      render: (_v, line) => <NameCodeCell name={line.itemName} code={line.itemCode} />,
    },
    { title: t("stock.column.lot"), dataIndex: "lotCode", key: "lot" },
    {
      title: t("stock.column.expiry"),
      dataIndex: "expiryDate",
      key: "expiry",
      render: (date: string | null) => <ExpiryText date={date} />,
    },
    {
      title: t("stock.column.ownership"),
      dataIndex: "ownership",
      key: "ownership",
      render: (o: Ownership) => <OwnershipTag ownership={o} />,
    },
    {
      title: t("counts.column.expected"),
      dataIndex: "expected",
      key: "expected",
      align: "right",
      render: (v: number, line) => <QuantityText value={v} unit={unitOf(line)} />,
    },
    {
      title: t("counts.column.counted"),
      key: "counted",
      width: 260,
      render: (_v, line) => {
        if (!edit) {
          const counted = countedOf(line);
          return counted === null ? notCounted : <QuantityText value={counted} unit={unitOf(line)} />;
        }
        return (
          <CountEntryCell
            lineId={line.id}
            entry={entryFor(line)}
            unit={unitOf(line)}
            error={edit.errors[line.id]}
            onChange={(entry) => edit.onChange(line, entry)}
          />
        );
      },
    },
    {
      title: t("counts.column.difference"),
      key: "difference",
      align: "right",
      render: (_v, line) => {
        const counted = countedOf(line);
        if (counted === null) return notCounted;
        const difference = counted - line.expected;
        if (difference === 0) return <span className="count-same">{t("counts.same")}</span>;
        return (
          <span className={difference > 0 ? "count-more" : "count-less"} data-testid="count-difference">
            {t(difference > 0 ? "counts.more" : "counts.less")}{" "}
            <QuantityText value={Math.abs(difference)} unit={unitOf(line)} />
          </span>
        );
      },
    },
  ];
}
