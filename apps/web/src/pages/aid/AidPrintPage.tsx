import { useQuery } from "@tanstack/react-query";
import { Alert, Result } from "antd";
import { useParams } from "react-router";
import { PrintablePage } from "../../components/PrintablePage";
import { useI18n } from "../../i18n";
import { formatDistrictDateTime } from "../../lib/format";
import { queryClient, trpc } from "../../trpc";
import type { AidView } from "./aidTypes";
import "./aid.css";

/**
 * 互助请求单 on one A4 page (portrait), laid out like the .xlsx sent to the neighbour: the particulars two to
 * a row, the lines asked for, and the signatures and seal of the sender.
 */
export function AidPrintPage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const query = useQuery({ ...trpc.aid.get.queryOptions({ requestId: id }), enabled: valid });
  if (!valid) return <Result status="404" title={t("aid.page.notFound")} />;
  return (
    <PrintablePage
      className="aid-print"
      testId="aid-print-page"
      back={{ to: `/aid/${id}`, label: t("aid.sheet.back") }}
      printLabel={t("aid.page.print")}
      downloadLabel={t("aid.page.download")}
      download={() =>
        queryClient.fetchQuery({
          ...trpc.aid.requestSheet.queryOptions({ requestId: id }),
          staleTime: 0,
          gcTime: 0,
        })
      }
      query={query}
    >
      {(aid) => <AidSheet aid={aid} />}
    </PrintablePage>
  );
}

function AidSheet({ aid }: { aid: AidView }) {
  const { t, formatNumber } = useI18n();
  const pairs: Array<[string, string, string, string]> = [
    [t("aid.column.number"), aid.number, t("aid.column.status"), t(`aid.status.${aid.status}`)],
    [
      t("aid.field.direction"),
      t(`aid.direction.${aid.direction}`),
      t("aid.field.neighbour"),
      aid.neighbourName,
    ],
    [
      t("aid.column.incident"),
      aid.incidentNumber ?? "",
      t("aid.column.deliverTo"),
      aid.deliveryAreaName ?? aid.entryNodeName ?? "",
    ],
    [
      t("aid.page.entry"),
      aid.entryNodeName ?? "",
      t("aid.field.neededBy"),
      formatDistrictDateTime(aid.neededBy),
    ],
    [
      t("aid.column.requestedAt"),
      formatDistrictDateTime(aid.requestedAt),
      t("aid.sheet.requestedBy"),
      aid.requestedBy,
    ],
  ];
  return (
    <div className="report-sheet aid-sheet" data-testid="aid-sheet">
      <h1 className="report-title" data-testid="aid-sheet-title">
        {t("aid.sheet.title")}
      </h1>
      <table className="report-grid report-fixed aid-fields">
        <tbody>
          {pairs.map(([leftLabel, left, rightLabel, right]) => (
            <tr key={leftLabel}>
              <td className="label">{leftLabel}</td>
              <td data-testid="aid-sheet-value">{left}</td>
              <td className="label">{rightLabel}</td>
              <td data-testid="aid-sheet-value">{right}</td>
            </tr>
          ))}
          {aid.note && (
            <tr>
              <td className="label">{t("aid.field.note")}</td>
              <td colSpan={3}>{aid.note}</td>
            </tr>
          )}
        </tbody>
      </table>
      <table className="report-grid" data-testid="aid-sheet-lines">
        <thead>
          <tr>
            <th>#</th>
            <th>{t("aid.sheet.itemCode")}</th>
            <th>{t("aid.sheet.itemName")}</th>
            <th>{t("aid.page.asked")}</th>
            <th>{t("aid.sheet.unit")}</th>
          </tr>
        </thead>
        <tbody>
          {aid.lines.map((l) => (
            <tr key={l.lineNo} data-testid="aid-sheet-line" data-item={l.itemCode}>
              <td className="center">{l.lineNo}</td>
              <td>{l.itemCode}</td>
              <td>{l.itemName}</td>
              <td className="num">{formatNumber(l.quantity)}</td>
              <td className="center">{l.baseUnit}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="aid-signatures">
        <span>{t("aid.sheet.signer")}</span>
        <span>{t("aid.sheet.seal")}</span>
        <span>{t("aid.sheet.date")}</span>
      </div>
      <Alert className="no-print report-screen-hint" type="info" showIcon title={t("aid.sheet.printHint")} />
    </div>
  );
}
