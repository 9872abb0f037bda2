import { PlusOutlined } from "@ant-design/icons";
import { skipToken, useQuery } from "@tanstack/react-query";
import {
  Button,
  Col,
  DatePicker,
  Flex,
  Form,
  type FormListFieldData,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Typography,
} from "antd";
import { RemoveRowButton } from "../../../components/RemoveRowButton";
import { ItemSelect } from "../../../components/stock/Pickers";
import { QuantityText } from "../../../components/stock/QuantityText";
import type { StockRefs } from "../../../components/stock/useStockRefs";
import { type MessageKey, useI18n } from "../../../i18n";
import type { BalanceRow, LotView } from "../../../lib/api-types";
import { OWNERSHIPS } from "../../../lib/api-types";
import { formatQuantity, toBaseQuantity, unitOptions } from "../../../lib/quantity";
import { trpc } from "../../../trpc";
import { type LineValues, NEW_LOT } from "./lines";

/**
 * - receipt: lot code and dates of the incoming lot
 * - pick: an optional lot to take from (first-expired-first-out without one)
 * - adjust: an existing lot, or a lot code for found stock, and a signed quantity
 */
export type LinesMode = "receipt" | "pick" | "adjust";

/** The most lots a line offers: the page size the server allows. */
const LOT_CHOICES = 200;

/** Per lot of one item in the chosen warehouse: what is there and what may be promised. */
interface LotChoice {
  lotId: number;
  lotCode: string;
  expiryDate: string | null;
  expired: boolean;
  lotStatus: BalanceRow["lotStatus"];
  onHand: number;
  available: number;
}

/** The balances of one item in one warehouse, by lot (its ownerships summed). */
function lotsOf(balances: readonly BalanceRow[]): LotChoice[] {
  const byLot = new Map<number, LotChoice>();
  for (const row of balances) {
    const lot = byLot.get(row.lotId) ?? {
      lotId: row.lotId,
      lotCode: row.lotCode,
      expiryDate: row.expiryDate,
      expired: row.expired,
      lotStatus: row.lotStatus,
      onHand: 0,
      available: 0,
    };
    lot.onHand += row.onHand;
    lot.available += row.available;
    byLot.set(row.lotId, lot);
  }
  return [...byLot.values()];
}

/**
 * Adjustments may book found stock to any registered lot of the item, also one this warehouse never held:
 * the lot register, with what the warehouse has of each lot. Lots on hand here come first.
 */
function registerLotsOf(register: readonly LotView[], balances: readonly BalanceRow[]): LotChoice[] {
  const here = new Map(lotsOf(balances).map((l) => [l.lotId, l]));
  const choices = register.map((lot) => ({
    lotId: lot.id,
    lotCode: lot.lotCode,
    expiryDate: lot.expiryDate,
    expired: lot.expired,
    lotStatus: lot.status,
    onHand: here.get(lot.id)?.onHand ?? 0,
    available: here.get(lot.id)?.available ?? 0,
  }));
  return [...choices.filter((l) => l.onHand !== 0), ...choices.filter((l) => l.onHand === 0)];
}

type Column = "item" | "lot" | "production" | "expiry" | "ownership" | "quantity" | "remove";

/** Column widths of each mode on the 24-column grid (0: not shown). */
const SPANS: Record<LinesMode, Record<Column, number>> = {
  receipt: { item: 6, lot: 4, production: 4, expiry: 4, ownership: 0, quantity: 5, remove: 1 },
  pick: { item: 7, lot: 8, production: 0, expiry: 0, ownership: 0, quantity: 8, remove: 1 },
  adjust: { item: 6, ownership: 3, lot: 6, production: 0, expiry: 0, quantity: 8, remove: 1 },
};

const HEADERS: Record<LinesMode, Array<[Column, MessageKey]>> = {
  receipt: [
    ["item", "stock.line.item"],
    ["lot", "stock.line.lotCode"],
    ["production", "stock.line.productionDate"],
    ["expiry", "stock.line.expiryDate"],
    ["quantity", "stock.line.quantity"],
  ],
  pick: [
    ["item", "stock.line.item"],
    ["lot", "stock.line.lot"],
    ["quantity", "stock.line.quantity"],
  ],
  adjust: [
    ["item", "stock.line.item"],
    ["ownership", "stock.column.ownership"],
    ["lot", "stock.line.lot"],
    ["quantity", "stock.line.signedQuantity"],
  ],
};

interface LinesEditorProps {
  mode: LinesMode;
  refs: StockRefs;
  /** The warehouse stock is taken from or booked in (pick, adjust): each line lists its item's lots there. */
  warehouseId?: number;
  /** Write-offs may take any lot, so the lot list shows what is on hand rather than what is available. */
  anyCondition?: boolean;
  /** A note under a line's lot: what a dispatch reserved of it, for lines loaded from a reservation. */
  lotHint?: (line: LineValues) => string | undefined;
}

/** The lines of a stock document: one row per item, with per-line server errors shown in place. */
export function LinesEditor({ mode, refs, warehouseId, anyCondition = false, lotHint }: LinesEditorProps) {
  const { t } = useI18n();
  const spans = SPANS[mode];
  return (
    <Form.List
      name="lines"
      rules={[
        {
          validator: async (_rule, lines?: unknown[]) => {
            if (!lines || lines.length === 0) throw new Error(t("stock.line.atLeastOne"));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Flex vertical gap={4} className="stock-lines" data-testid="lines">
          <Row gutter={8} className="stock-lines-header">
            {HEADERS[mode].map(([key, label]) => (
              <Col key={key} span={spans[key]}>
                {t(label)}
              </Col>
            ))}
          </Row>
          {fields.map((field) => (
            <LineRow
              key={field.key}
              field={field}
              mode={mode}
              refs={refs}
              warehouseId={warehouseId}
              anyCondition={anyCondition}
              lotHint={lotHint}
              onRemove={fields.length > 1 ? () => remove(field.name) : undefined}
            />
          ))}
          <Form.ErrorList errors={errors} />
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add(mode === "adjust" ? { ownership: "government" } : {})}
            data-testid="lines-add"
          >
            {t("stock.line.add")}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}

function LineRow({
  field,
  mode,
  refs,
  warehouseId,
  anyCondition,
  lotHint,
  onRemove,
}: {
  field: FormListFieldData;
  mode: LinesMode;
  refs: StockRefs;
  warehouseId: number | undefined;
  anyCondition: boolean;
  lotHint: LinesEditorProps["lotHint"];
  onRemove: (() => void) | undefined;
}) {
  const i18n = useI18n();
  const { t, formatNumber } = i18n;
  const form = Form.useFormInstance();
  const line: LineValues = Form.useWatch(["lines", field.name], form) ?? {};
  const item = refs.item(line.itemId);
  const spans = SPANS[mode];
  const index = field.name;
  const testId = (part: string) => `line-${index}-${part}`;
  const fmt = (n: number) => formatNumber(n);

  // The item's balances in this warehouse: one item in one warehouse, a bounded list (lots × ownerships).
  const here = useQuery(
    trpc.stock.balances.queryOptions(
      mode !== "receipt" && warehouseId && line.itemId
        ? { warehouseId, itemId: line.itemId, pageSize: LOT_CHOICES, sort: "expiry" }
        : skipToken,
    ),
  );
  // Adjustments may also book to a lot never held here: the newest lots of the register.
  const register = useQuery(
    trpc.stock.lots.queryOptions(
      mode === "adjust" && line.itemId
        ? { itemId: line.itemId, pageSize: LOT_CHOICES, sort: "expiry", order: "desc" }
        : skipToken,
    ),
  );
  const balances = here.data?.rows ?? [];
  const lots = mode === "adjust" ? registerLotsOf(register.data?.rows ?? [], balances) : lotsOf(balances);
  const totalAvailable = here.data?.totals.available ?? 0;
  const totalOnHand = here.data?.totals.onHand ?? 0;

  const base =
    item && line.quantity !== undefined && line.quantity !== null
      ? toBaseQuantity(line.quantity, line.unit, item)
      : null;
  const conversion =
    item && base !== null && line.unit && line.unit !== item.baseUnit
      ? t("stock.line.equals", { quantity: `${fmt(base)} ${item.baseUnit}` })
      : undefined;

  const onItemChange = (itemId: number | undefined) => {
    const next = refs.item(itemId);
    form.setFieldValue(["lines", index, "unit"], next?.baseUnit);
    form.setFieldValue(["lines", index, "lotId"], undefined);
  };

  const itemExtra =
    item && mode === "pick" ? (
      <span data-testid={testId("available")}>
        {t(anyCondition ? "stock.line.onHandHere" : "stock.line.availableHere")}{" "}
        <QuantityText value={anyCondition ? totalOnHand : totalAvailable} unit={item} />
      </span>
    ) : undefined;

  const lotLabel = (lot: LotChoice) => {
    const expiry = lot.expiryDate ? t("stock.line.lotExpiry", { date: lot.expiryDate }) : t("stock.noExpiry");
    const amount = item
      ? formatQuantity(anyCondition || mode === "adjust" ? lot.onHand : lot.available, item, i18n)
      : "";
    const status = lot.lotStatus !== "available" ? ` · ${t(`stock.lotStatus.${lot.lotStatus}`)}` : "";
    const expired = lot.expired ? ` · ${t("stock.expired")}` : "";
    const amountLabel =
      mode === "adjust" && lot.onHand === 0
        ? t("stock.line.lotNotHere")
        : anyCondition || mode === "adjust"
          ? t("stock.line.lotOnHand", { amount })
          : t("stock.line.lotAvailable", { amount });
    return `${lot.lotCode} · ${expiry} · ${amountLabel}${status}${expired}`;
  };

  const quantityRules =
    mode === "adjust"
      ? [
          { required: true, message: t("stock.line.quantityRequired") },
          {
            validator: async (_rule: unknown, value?: number) => {
              if (value === 0) throw new Error(t("stock.line.quantityNonZero"));
            },
          },
        ]
      : [{ required: true, message: t("stock.line.quantityRequired") }];

  return (
    <div className="stock-line" data-testid={`line-${index}`}>
      <Row gutter={8} align="top">
        <Col span={spans.item}>
          <Form.Item
            name={[field.name, "itemId"]}
            rules={[{ required: true, message: t("stock.line.itemRequired") }]}
            extra={itemExtra}
          >
            <ItemSelect
              items={refs.items}
              onChange={onItemChange}
              aria-label={t("stock.line.item")}
              data-testid={testId("item")}
            />
          </Form.Item>
        </Col>
        {mode === "receipt" && (
          <>
            <Col span={spans.lot}>
              <Form.Item
                name={[field.name, "lotCode"]}
                rules={[{ required: true, whitespace: true, message: t("stock.line.lotCodeRequired") }]}
              >
                <Input
                  maxLength={60}
                  placeholder={t("stock.line.lotCodePlaceholder")}
                  aria-label={t("stock.line.lotCode")}
                  data-testid={testId("lot-code")}
                />
              </Form.Item>
            </Col>
            <Col span={spans.production}>
              <Form.Item name={[field.name, "productionDate"]}>
                <DatePicker
                  className="full-width"
                  aria-label={t("stock.line.productionDate")}
                  data-testid={testId("production")}
                />
              </Form.Item>
            </Col>
            <Col span={spans.expiry}>
              <Form.Item
                name={[field.name, "expiryDate"]}
                extra={
                  item?.shelfLifeMonths
                    ? t("stock.line.expiryHint", { months: item.shelfLifeMonths })
                    : undefined
                }
              >
                <DatePicker
                  className="full-width"
                  aria-label={t("stock.line.expiryDate")}
                  data-testid={testId("expiry")}
                />
              </Form.Item>
            </Col>
          </>
        )}
        {mode === "adjust" && (
          <Col span={spans.ownership}>
            <Form.Item name={[field.name, "ownership"]} rules={[{ required: true }]}>
              <Select
                aria-label={t("stock.column.ownership")}
                options={OWNERSHIPS.map((value) => ({ value, label: t(`ownership.${value}`) }))}
                data-testid={testId("ownership")}
              />
            </Form.Item>
          </Col>
        )}
        {mode !== "receipt" && (
          <Col span={spans.lot}>
            <Form.Item
              name={[field.name, "lotId"]}
              rules={mode === "adjust" ? [{ required: true, message: t("stock.line.lotRequired") }] : []}
              extra={lotHint?.(line) && <span data-testid={testId("lot-hint")}>{lotHint(line)}</span>}
            >
              <Select<number | "new">
                allowClear={mode === "pick"}
                aria-label={t("stock.line.lot")}
                placeholder={t(mode === "pick" ? "stock.line.lotFefo" : "stock.line.lotPick")}
                loading={register.isFetching}
                showSearch={{ optionFilterProp: "label" }}
                popupMatchSelectWidth={false}
                notFoundContent={t(
                  !line.itemId
                    ? "stock.line.itemFirst"
                    : mode === "adjust"
                      ? "stock.lots.noneForItem"
                      : "stock.line.noLots",
                )}
                options={[
                  ...lots.map((lot) => ({ value: lot.lotId as number | "new", label: lotLabel(lot) })),
                  ...(mode === "adjust" && line.itemId && (line.quantity ?? 1) > 0
                    ? [{ value: NEW_LOT as number | "new", label: t("stock.line.newLot") }]
                    : []),
                ]}
                data-testid={testId("lot")}
              />
            </Form.Item>
          </Col>
        )}
        <Col span={spans.quantity}>
          <Form.Item extra={conversion} required>
            <Space.Compact block className="qty-group">
              <Form.Item name={[field.name, "quantity"]} noStyle rules={quantityRules}>
                <InputNumber<number>
                  className="stock-line-quantity"
                  precision={0}
                  min={mode === "adjust" ? undefined : 1}
                  placeholder={t(mode === "adjust" ? "stock.line.signedPlaceholder" : "stock.line.quantity")}
                  aria-label={t("stock.line.quantity")}
                  data-testid={testId("quantity")}
                />
              </Form.Item>
              <Form.Item name={[field.name, "unit"]} noStyle>
                <Select
                  className="stock-line-unit"
                  aria-label={t("stock.line.unit")}
                  popupMatchSelectWidth={false}
                  labelRender={(option) => option.value}
                  options={item ? unitOptions(item, i18n) : []}
                  placeholder={t("stock.line.unit")}
                  data-testid={testId("unit")}
                />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
        </Col>
        <Col span={spans.remove}>
          {onRemove && (
            <RemoveRowButton
              tooltip
              label={t("stock.line.remove")}
              onClick={onRemove}
              testId={testId("remove")}
            />
          )}
        </Col>
      </Row>
      {mode === "adjust" && line.lotId === NEW_LOT && (
        <Row gutter={8}>
          <Col span={spans.item + spans.ownership} className="stock-line-subtitle">
            <Typography.Text type="secondary">{t("stock.line.newLotHint")}</Typography.Text>
          </Col>
          <Col span={5}>
            <Form.Item
              name={[field.name, "lotCode"]}
              rules={[{ required: true, whitespace: true, message: t("stock.line.lotCodeRequired") }]}
            >
              <Input
                maxLength={60}
                placeholder={t("stock.line.lotCode")}
                aria-label={t("stock.line.lotCode")}
                data-testid={testId("lot-code")}
              />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name={[field.name, "productionDate"]}>
              <DatePicker
                className="full-width"
                placeholder={t("stock.line.productionDate")}
                data-testid={testId("production")}
              />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name={[field.name, "expiryDate"]}>
              <DatePicker
                className="full-width"
                placeholder={t("stock.line.expiryDate")}
                data-testid={testId("expiry")}
              />
            </Form.Item>
          </Col>
        </Row>
      )}
    </div>
  );
}
