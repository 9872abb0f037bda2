import { useMutation } from "@tanstack/react-query";
import {
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useMemo, useRef } from "react";
import { lineSubject } from "../../components/agreements/lines";
import { FormFailureAlert, useFormFailure } from "../../components/FormFailure";
import { QuantityText } from "../../components/stock/QuantityText";
import { useI18n } from "../../i18n";
import { districtToday, isAfterDistrictToday } from "../../lib/format";
import { unitOptions } from "../../lib/quantity";
import { queryClient, trpc } from "../../trpc";
import { type PortalAgreement, type PortalLine, type PortalSite, unitOfLine } from "./portalTypes";

interface LineValues {
  lineId: number;
  quantity?: number | null;
  unit?: string;
  lotCode?: string;
  productionDate?: Dayjs | null;
  expiryDate?: Dayjs | null;
  warehouseId?: number | null;
}

interface DeclareValues {
  declaredOn?: Dayjs;
  lines: LineValues[];
}

/** A stock line the enterprise may declare today, with its agreement's number. */
type Declarable = PortalLine & { agreementNumber: string };

const day = (value: Dayjs | null | undefined) => (value ? value.format("YYYY-MM-DD") : null);

/**
 * 申报库存: one row per stock line of the enterprise's agreements in force — the quantity on hand in any unit of
 * the item, lot, production and expiry dates and the site holding it. Rows left without a quantity are not
 * declared; each submitted row starts 待审核 until the commerce bureau reviews it.
 */
export function DeclarationForm({
  agreements,
  sites,
  focusLineId,
}: {
  agreements: readonly PortalAgreement[];
  sites: readonly PortalSite[];
  focusLineId: number | undefined;
}) {
  const { t, aside, formatNumber } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<DeclareValues>();
  const lines = useMemo<Declarable[]>(
    () =>
      agreements.flatMap((a) =>
        a.lines.filter((l) => l.declaration !== null).map((l) => ({ ...l, agreementNumber: a.number })),
      ),
    [agreements],
  );
  // The server numbers its issues by the lines sent; the form shows them on the rows they came from.
  const sentRows = useRef<number[]>([]);
  const { failure, fail, clear } = useFormFailure(
    form,
    (field) => field === "declaredOn" || field.startsWith("lines."),
    (field) => {
      const [, index, name] = field.split(".");
      if (index === undefined || name === undefined) return field;
      // An issue with the line itself (not one of the enterprise's) goes beside its quantity.
      return ["lines", sentRows.current[Number(index)] ?? index, name === "lineId" ? "quantity" : name].join(
        ".",
      );
    },
  );
  const declare = useMutation(
    trpc.portal.declare.mutationOptions({
      onSuccess({ declarations }) {
        void queryClient.invalidateQueries(trpc.portal.pathFilter());
        message.success(t("portal.declare.saved", { count: declarations }));
        form.resetFields();
      },
      onError: fail,
    }),
  );

  const submit = async () => {
    await form.validateFields();
    // Every value, also each row's line id, which no field shows.
    const v = form.getFieldsValue(true) as DeclareValues;
    clear();
    const filled = v.lines.flatMap((l, index) =>
      typeof l.quantity === "number" ? [{ line: l, index }] : [],
    );
    sentRows.current = filled.map((f) => f.index);
    declare.mutate({
      declaredOn: day(v.declaredOn) ?? districtToday(),
      lines: filled.map(({ line }) => {
        const unit = lines.find((l) => l.id === line.lineId)?.baseUnit;
        return {
          lineId: line.lineId,
          quantity: line.quantity ?? 0,
          ...(line.unit && line.unit !== unit ? { unit: line.unit } : {}),
          lotCode: line.lotCode?.trim() || null,
          productionDate: day(line.productionDate),
          expiryDate: day(line.expiryDate),
          warehouseId: line.warehouseId ?? null,
        };
      }),
    });
  };

  const siteOptions = sites.map((s) => ({ value: s.id, label: `${s.code} ${s.name}` }));
  const columns: TableColumnsType<Declarable> = [
    {
      title: t("records.line"),
      key: "line",
      // Capped so that the agreement line's note wraps: the row then fits a 1366 px screen.
      render: (_v, l) => (
        <Flex vertical className="declare-line">
          <span>{lineSubject(l, t)}</span>
          <Typography.Text type="secondary" className="cell-code">
            {t("portal.declare.lineOf", { number: l.agreementNumber, lineNo: l.lineNo })} ·{" "}
            {t("records.committed")} <QuantityText value={l.quantity} unit={unitOfLine(l)} />
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t("records.declaredQuantity"),
      key: "quantity",
      render: (_v, l, index) => (
        <Form.Item className="cell-form-item">
          <Space.Compact className="qty-group declare-quantity">
            <Form.Item name={[index, "quantity"]} noStyle>
              <InputNumber<number>
                className="stock-line-quantity"
                min={0}
                precision={0}
                autoFocus={l.id === focusLineId}
                data-testid={`declare-quantity-${l.id}`}
              />
            </Form.Item>
            <Form.Item name={[index, "unit"]} noStyle>
              <Select
                className="stock-line-unit"
                popupMatchSelectWidth={false}
                labelRender={(option) => option.value}
                options={unitOptions(unitOfLine(l), { aside })}
                data-testid={`declare-unit-${l.id}`}
              />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
      ),
    },
    {
      title: t("stock.column.lot"),
      key: "lot",
      render: (_v, l, index) => (
        <Form.Item name={[index, "lotCode"]} className="cell-form-item">
          <Input maxLength={40} className="declare-lot" data-testid={`declare-lot-${l.id}`} />
        </Form.Item>
      ),
    },
    ...(["productionDate", "expiryDate"] as const).map((field) => ({
      title: t(field === "productionDate" ? "portal.declare.productionDate" : "portal.declare.expiryDate"),
      key: field,
      render: (_v: unknown, l: Declarable, index: number) => (
        <Form.Item name={[index, field]} className="cell-form-item">
          <DatePicker
            className="declare-date"
            disabledDate={field === "productionDate" ? isAfterDistrictToday : undefined}
            data-testid={`declare-${field}-${l.id}`}
          />
        </Form.Item>
      ),
    })),
    {
      title: t("agreements.lines.warehouse"),
      key: "site",
      render: (_v, l, index) => (
        <Form.Item name={[index, "warehouseId"]} className="cell-form-item">
          <Select
            className="declare-site"
            options={siteOptions}
            placeholder={l.warehouseName ?? undefined}
            allowClear
            data-testid={`declare-site-${l.id}`}
          />
        </Form.Item>
      ),
    },
  ];

  return (
    <Card size="small" title={t("portal.declare.formTitle")} data-testid="portal-declare-form">
      <FormFailureAlert failure={failure} />
      <Form<DeclareValues>
        form={form}
        layout="vertical"
        name="portal-declare"
        initialValues={{
          declaredOn: dayjs(districtToday()),
          lines: lines.map((l) => ({
            lineId: l.id,
            unit: l.baseUnit ?? undefined,
            warehouseId: l.warehouseId,
          })),
        }}
      >
        <Form.Item
          name="declaredOn"
          label={t("records.declaredOn")}
          rules={[{ required: true, message: t("records.dateRequired") }]}
        >
          <DatePicker disabledDate={isAfterDistrictToday} data-testid="declare-date" />
        </Form.Item>
        <Form.List name="lines">
          {() => (
            <Table<Declarable>
              rowKey="id"
              size="small"
              columns={columns}
              dataSource={lines}
              pagination={false}
              scroll={{ x: "max-content" }}
              locale={{ emptyText: t("portal.declare.noLines") }}
              onRow={(l) =>
                ({ "data-testid": "declare-row", "data-line": l.id }) as React.HTMLAttributes<HTMLElement>
              }
            />
          )}
        </Form.List>
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Typography.Text type="secondary">
            {t("portal.declare.hint", { lines: formatNumber(lines.length) })}
          </Typography.Text>
          <Button type="primary" loading={declare.isPending} onClick={submit} data-testid="declare-submit">
            {t("portal.declare.submit")}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
