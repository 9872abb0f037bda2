import { useMutation, useQuery } from "@tanstack/react-query";
import { App, Button, Checkbox, Flex, Input, InputNumber, Table } from "antd";
import { useState } from "react";
import { useCurrentUser } from "../../auth/current-user";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n";
import type { RouterOutputs } from "../../lib/api-types";
import { errorInfo } from "../../lib/errors";
import { formatDistrictDateTime } from "../../lib/format";
import { canEditLayout } from "../../lib/roles";
import { queryClient, trpc } from "../../trpc";

type Price = RouterOutputs["layout"]["prices"][number];
type Edit = Pick<Price, "priceYuan" | "estimate" | "source">;

/**
 * 采购单价: the unit prices the advice buys with. Civil affairs edit them in place and save the changed rows at
 * once; the others read them.
 */
export function PricesPanel() {
  const { t, tm, formatNumber } = useI18n();
  const { message } = App.useApp();
  const editor = canEditLayout(useCurrentUser().role);
  const prices = useQuery(trpc.layout.prices.queryOptions());
  const [edits, setEdits] = useState<ReadonlyMap<number, Edit>>(new Map());
  const save = useMutation(
    trpc.layout.setPrices.mutationOptions({
      onSuccess: (rows) => {
        queryClient.setQueryData(trpc.layout.prices.queryKey(), rows);
        setEdits(new Map());
        message.success(t("layout.prices.saved"));
      },
      onError: (error) => message.error(errorInfo(error, t("errors.network"), tm).message),
    }),
  );
  const current = (p: Price): Edit => edits.get(p.itemId) ?? p;
  const change = (p: Price, patch: Partial<Edit>) =>
    setEdits((all) => new Map(all).set(p.itemId, { ...current(p), ...patch }));

  if (prices.isError) return <QueryError error={prices.error} onRetry={() => prices.refetch()} />;
  return (
    <Flex vertical gap={12}>
      {editor && (
        <Button
          type="primary"
          style={{ alignSelf: "flex-start" }}
          disabled={edits.size === 0}
          loading={save.isPending}
          data-testid="prices-save"
          onClick={() => save.mutate({ prices: [...edits].map(([itemId, e]) => ({ itemId, ...e })) })}
        >
          {t("layout.prices.save")}
        </Button>
      )}
      <Table<Price>
        rowKey="itemId"
        size="small"
        loading={prices.isLoading}
        dataSource={prices.data}
        pagination={false}
        data-testid="prices-table"
        columns={[
          { key: "code", title: t("layout.prices.code"), dataIndex: "itemCode" },
          { key: "item", title: t("layout.field.item"), dataIndex: "itemName" },
          {
            key: "price",
            title: t("layout.field.priceYuan"),
            align: "right",
            render: (_, p) =>
              editor ? (
                <InputNumber
                  min={0.01}
                  value={current(p).priceYuan}
                  onChange={(v) => v !== null && change(p, { priceYuan: v })}
                  data-testid={`price-${p.itemCode}`}
                />
              ) : (
                `${formatNumber(p.priceYuan, 2)} / ${p.baseUnit}`
              ),
          },
          {
            key: "estimate",
            title: t("layout.prices.estimate"),
            render: (_, p) => (
              <Checkbox
                checked={current(p).estimate}
                disabled={!editor}
                onChange={(e) => change(p, { estimate: e.target.checked })}
              />
            ),
          },
          {
            key: "source",
            title: t("layout.prices.source"),
            render: (_, p) =>
              editor ? (
                <Input
                  maxLength={200}
                  value={current(p).source}
                  onChange={(e) => change(p, { source: e.target.value })}
                />
              ) : (
                p.source
              ),
          },
          {
            key: "updatedAt",
            title: t("layout.prices.updatedAt"),
            render: (_, p) => formatDistrictDateTime(p.updatedAt),
          },
        ]}
      />
    </Flex>
  );
}
