import { skipToken, useQuery } from "@tanstack/react-query";
import { Alert, Result, Switch } from "antd";
import { useParams, useSearchParams } from "react-router";
import { PrintablePage } from "../../components/PrintablePage";
import { useStockRefs } from "../../components/stock/useStockRefs";
import { useI18n } from "../../i18n";
import type { CountDetail } from "../../lib/api-types";
import { formatDistrictDateTime } from "../../lib/format";
import { queryClient, trpc } from "../../trpc";
import "./counts.css";

/** The address flag that puts the expected quantity on paper: a count is blind unless it says `?blind=0`. */
const BLIND_FLAG = "blind";

/**
 * 盘点表 on A4 (portrait), laid out like the .xlsx: the count's particulars, the lines in the order a counter
 * walks the shelves (item code, then lot) with each pack's size for counting whole packs, a blank 实盘数量
 * column, and the signatures. Blind by default: the expected quantity is printed only when asked for, so the
 * counter writes what is on the shelf rather than copying the book.
 */
export function CountPrintPage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const [params, setParams] = useSearchParams();
  const blind = params.get(BLIND_FLAG) !== "0";
  const query = useQuery(trpc.stock.count.queryOptions(valid ? { id } : skipToken));

  if (!valid) return <Result status="404" title={t("counts.notFound")} />;
  const setBlind = (on: boolean) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (on) next.delete(BLIND_FLAG);
        else next.set(BLIND_FLAG, "0");
        return next;
      },
      { replace: true },
    );
  return (
    <PrintablePage
      className="count-print"
      testId="count-print-page"
      back={{ to: `/counts/${id}`, label: t("counts.sheet.back") }}
      printLabel={t("counts.print")}
      downloadLabel={t("counts.sheet.download")}
      download={() =>
        queryClient.fetchQuery({
          ...trpc.stock.exportCountSheet.queryOptions({ countId: id, blind }),
          staleTime: 0,
          gcTime: 0,
        })
      }
      query={query}
    >
      {(count) => (
        <>
          <div className="no-print count-print-options">
            <Switch checked={blind} onChange={setBlind} data-testid="count-print-blind" />{" "}
            {t("counts.sheet.blind")}
          </div>
          <CountSheet count={count} blind={blind} />
        </>
      )}
    </PrintablePage>
  );
}

function CountSheet({ count, blind }: { count: CountDetail; blind: boolean }) {
  const { t, formatNumber } = useI18n();
  const refs = useStockRefs();
  const signatures = [
    "counts.sheet.signCounter",
    "counts.sheet.signChecker",
    "counts.sheet.signKeeper",
  ] as const;
  return (
    <div className="report-sheet count-sheet" data-testid="count-sheet">
      <h1 className="report-title" data-testid="count-sheet-title">
        {t(blind ? "counts.sheet.blindTitle" : "counts.sheet.title")}
      </h1>
      <table className="report-grid report-fixed count-fields">
        <tbody>
          <tr>
            <td className="label">{t("counts.column.number")}</td>
            <td>{count.number}</td>
            <td className="label">{t("stock.column.warehouse")}</td>
            <td>{`${count.warehouseCode} ${count.warehouseName}`}</td>
          </tr>
          <tr>
            <td className="label">{t("counts.column.openedAt")}</td>
            <td>{formatDistrictDateTime(count.openedAt)}</td>
            <td className="label">{t("counts.column.openedBy")}</td>
            <td>{count.openedByName ?? ""}</td>
          </tr>
        </tbody>
      </table>
      <table className="report-grid count-lines" data-testid="count-sheet-lines">
        <thead>
          <tr>
            <th>{t("counts.sheet.lineNo")}</th>
            <th>{t("counts.sheet.item")}</th>
            <th>{t("counts.sheet.specification")}</th>
            <th>{t("stock.column.lot")}</th>
            <th>{t("counts.sheet.dates")}</th>
            <th>{t("stock.column.ownership")}</th>
            <th>{t("counts.sheet.unit")}</th>
            {!blind && <th data-testid="count-sheet-expected-head">{t("counts.sheet.expected")}</th>}
            <th className="count-blank">{t("counts.sheet.counted")}</th>
            <th className="count-note">{t("counts.sheet.note")}</th>
          </tr>
        </thead>
        <tbody>
          {count.lines.map((line, index) => {
            const unit = refs.unitOf(line.itemId, line.baseUnit);
            return (
              <tr key={line.id} data-testid="count-sheet-line" data-lot={line.lotCode}>
                <td className="center">{index + 1}</td>
                <td>
                  {line.itemName}
                  <div className="count-sub">{line.itemCode}</div>
                </td>
                <td>{line.specification}</td>
                <td>{line.lotCode}</td>
                <td>
                  {line.productionDate ?? "—"}
                  <div className="count-sub">{line.expiryDate ?? "—"}</div>
                </td>
                <td>{t(`ownership.${line.ownership}`)}</td>
                <td>
                  {line.baseUnit}
                  {unit.packs.map((pack) => (
                    <div key={pack.name} className="count-sub" data-testid="count-sheet-pack">
                      {t("counts.sheet.packSize", {
                        pack: pack.name,
                        quantity: formatNumber(pack.baseQuantity),
                        unit: line.baseUnit,
                      })}
                    </div>
                  ))}
                </td>
                {!blind && (
                  <td className="num" data-testid="count-sheet-expected">
                    {formatNumber(line.expected)}
                  </td>
                )}
                <td className="count-blank" />
                <td className="count-note" />
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="count-signatures" data-testid="count-sheet-signatures">
        {signatures.map((key) => (
          <div key={key}>
            <span>{t(key)}</span>
            <span>{t("counts.sheet.signDate")}</span>
          </div>
        ))}
      </div>
      <Alert
        className="no-print report-screen-hint"
        type="info"
        showIcon
        title={t("counts.sheet.printHint")}
      />
    </div>
  );
}
