import { PlusOutlined, ReloadOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Flex, Form, Input, Segmented, Select, Space, Switch } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import { useCurrentUser } from "../../auth/current-user";
import { DownloadButton } from "../../components/DownloadButton";
import { PageHeader } from "../../components/PageHeader";
import { ItemSelect, WarehouseSelect } from "../../components/stock/Pickers";
import { useStockRefs } from "../../components/stock/useStockRefs";
import { useI18n } from "../../i18n";
import {
  BALANCE_SORTS,
  type BalanceRow,
  ITEM_TOTAL_SORTS,
  LOT_SORTS,
  OWNERSHIPS,
  type Ownership,
} from "../../lib/api-types";
import { categoryLabel } from "../../lib/coverage";
import { canManageStock } from "../../lib/roles";
import { useUrlListState } from "../../lib/useUrlListState";
import { queryClient, trpc } from "../../trpc";
import { type BalanceDialog, BalanceTable } from "./balances/BalanceTable";
import { ItemTotalsTable } from "./balances/ItemTotalsTable";
import { readStockFilters, VIEWS, type View } from "./balances/stock-list";
import { HoldModal } from "./HoldModal";
import { LotRegister } from "./LotRegister";
import { LotStatusModal, type LotStatusTarget } from "./LotStatusModal";
import { VerifyButton } from "./VerifyButton";

type Dialog = BalanceDialog | { kind: "status"; row: LotStatusTarget };

/**
 * 库存: balances per warehouse × item × lot × ownership (or summed per item, or the lot register), filtered,
 * sorted and paged on the server, with what can be promised and the lot actions.
 */
export function StockPage() {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const refs = useStockRefs();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const manager = canManageStock(user.role);
  // Each view sorts by its own columns; all three read the same address, only the shown one is used.
  const lotList = useUrlListState({ sorts: BALANCE_SORTS, defaultSort: "warehouse" });
  const itemList = useUrlListState({ sorts: ITEM_TOTAL_SORTS, defaultSort: "item" });
  const registerList = useUrlListState({ sorts: LOT_SORTS, defaultSort: "item" });
  const { params, setFilters } = lotList;

  const filters = readStockFilters(params);
  const view: View = VIEWS.find((v) => v === params.get("view")) ?? "lots";
  const register = view === "register";
  const categories = useQuery(trpc.items.categories.queryOptions());

  const setFilter = (name: string, value: string | number | boolean | undefined) =>
    setFilters({ [name]: value });
  const refresh = () =>
    queryClient.invalidateQueries(
      (register
        ? trpc.stock.lots
        : view === "items"
          ? trpc.stock.itemTotals
          : trpc.stock.balances
      ).pathFilter(),
    );

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t("stock.title")}
        subtitle={t("stock.subtitle")}
        extra={
          <Space wrap>
            {refs.postable.length > 0 && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => navigate("/stock/post")}
                data-testid="stock-post"
              >
                {t("stock.action.post")}
              </Button>
            )}
            <DownloadButton
              testId="stock-export"
              load={() =>
                queryClient.fetchQuery({
                  ...trpc.stock.exportBalances.queryOptions(filters),
                  staleTime: 0,
                  gcTime: 0,
                })
              }
            >
              {t("stock.action.export")}
            </DownloadButton>
            {manager && <VerifyButton />}
          </Space>
        }
      />
      <Card size="small">
        <Form layout="inline" className="stock-filters">
          {!register && (
            <Form.Item label={t("stock.column.warehouse")}>
              <WarehouseSelect
                allowClear
                className="filter-wide"
                warehouses={refs.warehouses}
                value={filters.warehouseId}
                onChange={(v) => setFilter("warehouseId", v)}
                placeholder={t("stock.filter.allWarehouses")}
                data-testid="filter-warehouse"
              />
            </Form.Item>
          )}
          <Form.Item label={t("stock.column.category")}>
            <Select<number>
              allowClear
              className="filter-narrow"
              value={filters.categoryId}
              onChange={(v) => setFilter("categoryId", v)}
              placeholder={t("stock.filter.allCategories")}
              options={(categories.data ?? []).map((c) => ({ value: c.id, label: categoryLabel(c, locale) }))}
              data-testid="filter-category"
            />
          </Form.Item>
          <Form.Item label={t("stock.column.item")}>
            <ItemSelect
              allowClear
              includeInactive
              className="filter-wide"
              items={refs.items.filter((i) => !filters.categoryId || i.categoryId === filters.categoryId)}
              value={filters.itemId}
              onChange={(v) => setFilter("itemId", v)}
              placeholder={t("stock.filter.allItems")}
              data-testid="filter-item"
            />
          </Form.Item>
          <Form.Item label={t("stock.lots.search")}>
            <Input.Search
              allowClear
              key={filters.lotSearch ?? ""}
              defaultValue={filters.lotSearch}
              maxLength={60}
              className="filter-narrow"
              placeholder={t("stock.lots.searchPlaceholder")}
              onSearch={(v) => setFilter("lot", v.trim())}
              data-testid="filter-lot"
            />
          </Form.Item>
          {!register && (
            <>
              <Form.Item label={t("stock.column.ownership")}>
                <Select<Ownership>
                  allowClear
                  className="filter-narrow"
                  value={filters.ownership}
                  onChange={(v) => setFilter("ownership", v)}
                  placeholder={t("stock.filter.allOwnerships")}
                  options={OWNERSHIPS.map((value) => ({ value, label: t(`ownership.${value}`) }))}
                  data-testid="filter-ownership"
                />
              </Form.Item>
              <Form.Item label={t("stock.filter.showEmpty")} tooltip={t("stock.filter.showEmptyHint")}>
                <Switch
                  checked={filters.includeEmpty}
                  onChange={(v) => setFilter("empty", v)}
                  data-testid="filter-empty"
                />
              </Form.Item>
            </>
          )}
          <Form.Item>
            <Space>
              <Button onClick={() => lotList.reset()}>{t("common.reset")}</Button>
              <Button icon={<ReloadOutlined />} onClick={refresh}>
                {t("common.refresh")}
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <Segmented<View>
        value={view}
        onChange={(v) =>
          setFilters({ view: v === "lots" ? undefined : v, sort: undefined, order: undefined })
        }
        options={[
          { value: "lots", label: t("stock.view.lots") },
          { value: "items", label: <span data-testid="view-items">{t("stock.view.items")}</span> },
          { value: "register", label: <span data-testid="view-register">{t("stock.view.register")}</span> },
        ]}
        className="stock-view-switch"
      />
      {register ? (
        <LotRegister
          refs={refs}
          itemId={filters.itemId}
          categoryId={filters.categoryId}
          search={filters.lotSearch}
          list={registerList}
          onStatus={(lot) => setDialog({ kind: "status", row: lot })}
        />
      ) : view === "lots" ? (
        <BalanceTable filters={filters} list={lotList} refs={refs} onDialog={setDialog} />
      ) : (
        <ItemTotalsTable
          filters={filters}
          list={itemList}
          refs={refs}
          onShowLots={(itemId) => setFilters({ itemId, view: undefined, sort: undefined, order: undefined })}
        />
      )}
      {(dialog?.kind === "hold" || dialog?.kind === "unhold") && (
        <HoldModal
          row={dialog.row as BalanceRow}
          unit={refs.unitOf(dialog.row.itemId, dialog.row.baseUnit)}
          direction={dialog.kind}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === "status" && <LotStatusModal row={dialog.row} onClose={() => setDialog(null)} />}
    </Flex>
  );
}
