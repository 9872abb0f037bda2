import { skipToken, useQuery } from "@tanstack/react-query";
import { Alert, Checkbox, Col, Form, type FormInstance, Radio, Row, Select } from "antd";
import { useEffect, useMemo, useRef } from "react";
import { useSearchParams } from "react-router";
import type { StockRefs } from "../../../components/stock/useStockRefs";
import { useI18n } from "../../../i18n";
import type { ReservationView } from "../../../lib/api-types";
import { formatQuantity } from "../../../lib/quantity";
import { trpc } from "../../../trpc";
import type { LineValues } from "./lines";

/** Where an issue's or transfer's lines come from: typed in, or a dispatch's reservation in the warehouse. */
export type LineSource = "manual" | "reservation";

const keyOf = (line: { itemId?: number; lotId?: number | "new" }) => `${line.itemId}|${line.lotId}`;

/**
 * What the dispatches hold reserved in one warehouse, by dispatch reference, and a form line's reserved
 * quantity under the chosen reference.
 */
export function useWarehouseReservations(warehouseId: number | undefined, dispatchRef: string | undefined) {
  const open = useQuery(
    trpc.stock.reservations.queryOptions(warehouseId ? { warehouseId } : skipToken, { staleTime: 0 }),
  );
  const byRef = useMemo(() => {
    const groups = new Map<string, ReservationView[]>();
    for (const row of open.data ?? [])
      groups.set(row.dispatchRef, [...(groups.get(row.dispatchRef) ?? []), row]);
    return groups;
  }, [open.data]);
  // By item and lot: a line names its lot, and an issue takes the lot's reservation whatever its ownership.
  const reservedByLine = useMemo(() => {
    const reserved = new Map<string, number>();
    for (const row of dispatchRef ? (byRef.get(dispatchRef) ?? []) : [])
      reserved.set(keyOf(row), (reserved.get(keyOf(row)) ?? 0) + row.reserved);
    return reserved;
  }, [byRef, dispatchRef]);
  return {
    byRef,
    loading: open.isFetching,
    reservedOf: (line: LineValues) => reservedByLine.get(keyOf(line)),
  };
}

/**
 * A reservation's lines as form lines, one per item and lot (its ownerships summed: an issue naming the lot
 * takes the lot's reservation first whatever the ownership), the quantity in base units.
 */
export function reservationLines(rows: readonly ReservationView[]): LineValues[] {
  const lines = new Map<string, LineValues>();
  for (const row of rows) {
    const line = lines.get(keyOf(row));
    if (line) line.quantity = (line.quantity ?? 0) + row.reserved;
    else
      lines.set(keyOf(row), {
        itemId: row.itemId,
        lotId: row.lotId,
        quantity: row.reserved,
        unit: row.baseUnit,
      });
  }
  return [...lines.values()];
}

/** 逐行录入 / 从预留出库 (or 调出): switching clears the lines, so the two never mix. */
export function LineSourceChoice({ reservationLabel, testId }: { reservationLabel: string; testId: string }) {
  const { t } = useI18n();
  return (
    <Form.Item name="source" label={t("posting.source")}>
      <Radio.Group
        optionType="button"
        options={[
          { value: "manual", label: t("posting.source.manual") },
          { value: "reservation", label: reservationLabel },
        ]}
        data-testid={testId}
      />
    </Form.Item>
  );
}

/**
 * The dispatch whose reservation the lines start from (choosing one loads its lines), and whether to release
 * what remains of it once posted.
 */
export function ReservationFields({
  reservations,
  dispatchRef,
  onChoose,
  prefix,
}: {
  reservations: ReturnType<typeof useWarehouseReservations>;
  dispatchRef: string | undefined;
  onChoose: (rows: ReservationView[]) => void;
  prefix: string;
}) {
  const { t } = useI18n();
  const chosen = dispatchRef ? reservations.byRef.get(dispatchRef) : undefined;
  return (
    <>
      <Row gutter={16} align="middle">
        <Col xs={24} md={12}>
          <Form.Item
            name="dispatchRef"
            label={t("posting.reservation.dispatch")}
            rules={[{ required: true, message: t("posting.reservation.required") }]}
          >
            <Select<string>
              showSearch
              loading={reservations.loading}
              placeholder={t("posting.reservation.placeholder")}
              notFoundContent={t("posting.reservation.none")}
              // A 调拨单 waiting to leave is issued by its departure on the order page (the server refuses it
              // here too): shown, so the clerk sees where the stock went, but not chosen.
              options={[...reservations.byRef].map(([ref, rows]) => {
                const awaitingDeparture = rows[0]?.orderStatus === "reserved";
                return {
                  value: ref,
                  disabled: awaitingDeparture,
                  label: t(
                    awaitingDeparture ? "posting.reservation.optionOrder" : "posting.reservation.option",
                    {
                      ref,
                      lines: rows.length,
                    },
                  ),
                };
              })}
              onChange={(ref) => onChoose(reservations.byRef.get(ref) ?? [])}
              data-testid={`${prefix}-reservation`}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="releaseRest"
            valuePropName="checked"
            extra={t("posting.reservation.releaseRestHint")}
          >
            <Checkbox data-testid={`${prefix}-release-rest`}>{t("posting.reservation.releaseRest")}</Checkbox>
          </Form.Item>
        </Col>
      </Row>
      {dispatchRef && chosen && (
        <Alert
          className="form-alert"
          type="info"
          showIcon
          title={t("posting.reservation.loaded", { ref: dispatchRef, lines: chosen.length })}
          data-testid={`${prefix}-reservation-loaded`}
        />
      )}
    </>
  );
}

/** "预留 300 床" beside a line loaded from the reservation. */
export function useReservedHint(refs: StockRefs, reservedOf: (line: LineValues) => number | undefined) {
  const i18n = useI18n();
  return (line: LineValues) => {
    const reserved = reservedOf(line);
    const item = refs.item(line.itemId);
    return reserved !== undefined && item
      ? i18n.t("posting.reservation.lineReserved", { quantity: formatQuantity(reserved, item, i18n) })
      : undefined;
  };
}

/**
 * The reservations page links to the issue form with `?warehouseId=…&dispatchRef=…`: the form starts from that
 * reservation, its lines loaded once they arrive. Initial values for the form, or nothing without the link.
 */
export function useReservationFromAddress(
  form: FormInstance,
  refs: StockRefs,
  reservations: ReturnType<typeof useWarehouseReservations>,
) {
  const [params] = useSearchParams();
  const warehouseId = Number(params.get("warehouseId"));
  const dispatchRef = params.get("dispatchRef");
  const start = dispatchRef && refs.canPost(warehouseId) ? { warehouseId, dispatchRef } : null;
  const loaded = useRef(false);
  const rows = start ? reservations.byRef.get(start.dispatchRef) : undefined;
  useEffect(() => {
    if (loaded.current || !rows) return;
    loaded.current = true;
    form.setFieldValue("lines", reservationLines(rows));
  }, [form, rows]);
  return start ? ({ source: "reservation", reason: "dispatch", ...start } as const) : undefined;
}
