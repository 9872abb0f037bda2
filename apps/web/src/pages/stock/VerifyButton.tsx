import { SafetyCertificateOutlined } from "@ant-design/icons";
import { App, Button, Modal, Result, Table, type TableColumnsType } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n";
import { OWNERSHIPS, type Ownership, type VerifyResult } from "../../lib/api-types";
import { errorInfo, isUnauthorized } from "../../lib/errors";
import { queryClient, trpc } from "../../trpc";

type Difference = VerifyResult["differences"][number];
const BUCKETS = ["onHand", "reserved", "onHold", "inTransit"] as const;

/** 核对账目: rebuilds every balance from the ledger and says whether the books agree. */
export function VerifyButton() {
  const { t, formatNumber, tm } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<VerifyResult | null>(null);

  const run = async () => {
    setBusy(true);
    message.loading({ key: "stock-verify", content: t("stock.verify.running"), duration: 0 });
    try {
      setResult(
        await queryClient.fetchQuery({ ...trpc.stock.verify.queryOptions(), staleTime: 0, gcTime: 0 }),
      );
    } catch (error) {
      if (!isUnauthorized(error)) message.error(errorInfo(error, t("errors.network"), tm).message);
    } finally {
      message.destroy("stock-verify");
      setBusy(false);
    }
  };

  const columns: TableColumnsType<Difference & { key: number }> = [
    { title: t("stock.column.warehouse"), dataIndex: "warehouseName", key: "warehouse" },
    { title: t("stock.column.item"), dataIndex: "itemName", key: "item" },
    { title: t("stock.column.lot"), dataIndex: "lotCode", key: "lot" },
    {
      title: t("stock.column.ownership"),
      dataIndex: "ownership",
      key: "ownership",
      render: (o: string) =>
        (OWNERSHIPS as readonly string[]).includes(o) ? t(`ownership.${o as Ownership}`) : o,
    },
    ...BUCKETS.map((bucket) => ({
      title: t(`stock.column.${bucket}`),
      key: bucket,
      render: (_v: unknown, d: Difference) =>
        d.cached[bucket] === d.ledger[bucket] ? (
          formatNumber(d.ledger[bucket])
        ) : (
          <span className="verify-diff">
            {t("stock.verify.cachedVsLedger", {
              cached: formatNumber(d.cached[bucket]),
              ledger: formatNumber(d.ledger[bucket]),
            })}
          </span>
        ),
    })),
  ];

  return (
    <>
      <Button icon={<SafetyCertificateOutlined />} loading={busy} onClick={run} data-testid="stock-verify">
        {t("stock.verify.action")}
      </Button>
      {result && (
        <Modal
          open
          width={result.differences.length ? 960 : 520}
          title={t("stock.verify.title")}
          footer={null}
          onCancel={() => setResult(null)}
        >
          {result.differences.length === 0 ? (
            <Result
              status="success"
              title={<span data-testid="verify-ok">{t("stock.verify.ok")}</span>}
              subTitle={t("stock.verify.okDetail", {
                keys: formatNumber(result.checked),
                lines: formatNumber(result.ledgerLines),
              })}
            />
          ) : (
            <>
              <Result
                status="error"
                title={
                  <span data-testid="verify-failed">
                    {t("stock.verify.failed", { count: result.differences.length })}
                  </span>
                }
                subTitle={t("stock.verify.failedDetail")}
              />
              <Table
                size="small"
                rowKey="key"
                columns={columns}
                dataSource={result.differences.map((d, key) => ({ ...d, key }))}
                pagination={false}
                data-testid="verify-differences"
              />
            </>
          )}
        </Modal>
      )}
    </>
  );
}
