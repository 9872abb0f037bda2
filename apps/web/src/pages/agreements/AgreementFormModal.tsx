import { PlusOutlined } from "@ant-design/icons";
import { useMutation, useQuery } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useCallback, useMemo } from "react";
import { invalidateAgreements } from "../../components/agreements/invalidate";
import { useItemUnits } from "../../components/agreements/lines";
import { EnterpriseSelect } from "../../components/EnterpriseSelect";
import { useFormFailure } from "../../components/FormFailure";
import { FormModal } from "../../components/FormModal";
import { useI18n } from "../../i18n";
import {
  AGREEMENT_KINDS,
  type AgreementInput,
  type AgreementKind,
  type AgreementView,
} from "../../lib/api-types";
import { fenToYuan, yuanToFen } from "../../lib/format";
import { trpc } from "../../trpc";
import { AgreementLineFields, type LineValues } from "./AgreementLineFields";

interface AgreementValues {
  number?: string;
  enterpriseId?: number;
  kind: AgreementKind;
  startDate?: Dayjs | null;
  endDate?: Dayjs | null;
  signedOn?: Dayjs | null;
  note?: string | null;
  declarationMonths?: number | null;
  lines: LineValues[];
}

const HEADER_FIELDS = [
  "number",
  "enterpriseId",
  "kind",
  "startDate",
  "endDate",
  "signedOn",
  "note",
  "declarationMonths",
];
const LINE_FIELD =
  /^lines\.(\d+)\.(id|itemId|vehicleType|quantity|unit|responseHours|warehouseId|unitPriceFen|reserveFundFen|rotationDuty)$/;
const isField = (field: string) => HEADER_FIELDS.includes(field) || LINE_FIELD.test(field);

/** Default response time of a new line: a day for goods, four hours for trucks. */
const DEFAULT_HOURS: Record<AgreementKind, number> = { stock: 24, production: 48, transport: 4 };

/**
 * A line added and left blank but for its default response time is dropped on save; the first stays, as an
 * agreement needs a line and a blank one shows what it lacks.
 */
const LINE_ROWS = [{ list: "lines", prefilled: ["responseHours"], keep: 1 }];

const toDate = (value: Dayjs | null | undefined) => (value ? value.format("YYYY-MM-DD") : null);

function initialValues(agreement: AgreementView | null, enterpriseId: number | undefined): AgreementValues {
  if (!agreement) {
    return {
      kind: "stock",
      enterpriseId,
      declarationMonths: 1,
      lines: [{ responseHours: DEFAULT_HOURS.stock }],
    };
  }
  return {
    number: agreement.number,
    enterpriseId: agreement.enterpriseId,
    kind: agreement.kind,
    startDate: dayjs(agreement.startDate),
    endDate: dayjs(agreement.endDate),
    signedOn: agreement.signedOn ? dayjs(agreement.signedOn) : null,
    note: agreement.note,
    declarationMonths: agreement.declarationMonths,
    lines: agreement.lines.map((l) => ({
      id: l.id,
      itemId: l.itemId,
      vehicleType: l.vehicleType,
      quantity: l.quantity,
      unit: l.baseUnit ?? undefined,
      warehouseId: l.warehouseId,
      responseHours: l.responseHours,
      unitPrice: fenToYuan(l.unitPriceFen),
      reserveFund: fenToYuan(l.reserveFundFen),
      rotationDuty: l.rotationDuty,
    })),
  };
}

/**
 * Creates or edits a reserve agreement: number, enterprise, kind, validity and its lines, whose fields follow
 * the kind — stock (item, quantity, the enterprise warehouse holding it, prices, rotation duty), production
 * (units per day), transport (truck class and count). Server problems go beside their field, line by line.
 */
export function AgreementFormModal({
  agreement,
  enterpriseId,
  onClose,
}: {
  agreement: AgreementView | null;
  /** The enterprise a new agreement is for, when opened from its page. */
  enterpriseId?: number;
  onClose: () => void;
}) {
  const { t, aside } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<AgreementValues>();
  const placement = useCallback(
    (field: string) =>
      field.replace(LINE_FIELD, (_whole, index: string, name: string) => {
        const kind: AgreementKind = form.getFieldValue("kind");
        const target =
          name === "unitPriceFen"
            ? "unitPrice"
            : name === "reserveFundFen"
              ? "reserveFund"
              : name === "id"
                ? kind === "transport"
                  ? "vehicleType"
                  : "itemId"
                : name;
        return `lines.${index}.${target}`;
      }),
    [form],
  );
  const { failure, fail, clear } = useFormFailure(form, isField, placement);
  const warehouses = useQuery(trpc.warehouses.list.queryOptions());
  const units = useItemUnits();
  const kind: AgreementKind = Form.useWatch("kind", form) ?? agreement?.kind ?? "stock";
  const chosenEnterprise: number | undefined = Form.useWatch("enterpriseId", form);
  // The same query the picker makes before anything is typed: the chosen enterprise comes back with it.
  const chosen = useQuery({
    ...trpc.enterprises.options.queryOptions({ id: chosenEnterprise }),
    enabled: chosenEnterprise !== undefined,
  });
  const enterprise = chosen.data?.find((e) => e.id === chosenEnterprise);
  const enterpriseWarehouses = useMemo(
    () =>
      (warehouses.data ?? []).filter(
        (w) =>
          w.kind === "enterprise" && w.enterpriseId === chosenEnterprise && chosenEnterprise !== undefined,
      ),
    [warehouses.data, chosenEnterprise],
  );

  const onSuccess = (saved: { number: string }) => {
    void invalidateAgreements();
    message.success(t("agreements.saved", { number: saved.number }));
    onClose();
  };
  const create = useMutation(trpc.agreements.create.mutationOptions({ onSuccess, onError: fail }));
  const update = useMutation(trpc.agreements.update.mutationOptions({ onSuccess, onError: fail }));

  const submit = async () => {
    await form.validateFields();
    // Every value, also those of fields the kind does not show (a line's id, prices of a truck line).
    const v = form.getFieldsValue(true) as AgreementValues;
    clear();
    const goods = v.kind !== "transport";
    const note = v.note?.trim() ?? "";
    const input: AgreementInput = {
      number: v.number?.trim() ?? "",
      enterpriseId: v.enterpriseId ?? 0,
      kind: v.kind,
      startDate: toDate(v.startDate) ?? "",
      endDate: toDate(v.endDate) ?? "",
      signedOn: toDate(v.signedOn),
      note: note === "" ? null : note,
      // Only stock agreements are declared; the others keep whatever cadence they have.
      ...(v.kind === "stock" && v.declarationMonths ? { declarationMonths: v.declarationMonths } : {}),
      lines: (v.lines ?? []).map((l) => ({
        ...(l.id !== undefined && { id: l.id }),
        itemId: goods ? (l.itemId ?? null) : null,
        vehicleType: goods ? null : (l.vehicleType ?? null),
        quantity: l.quantity ?? 0,
        ...(goods && l.unit ? { unit: l.unit } : {}),
        responseHours: l.responseHours ?? 0,
        warehouseId: goods ? (l.warehouseId ?? null) : null,
        unitPriceFen: yuanToFen(l.unitPrice),
        reserveFundFen: yuanToFen(l.reserveFund),
        rotationDuty: l.rotationDuty?.trim() ?? "",
      })),
    };
    if (agreement) update.mutate({ id: agreement.id, ...input });
    else create.mutate(input);
  };

  const onEnterpriseChange = () => {
    // Warehouses belong to one enterprise: a new enterprise means choosing them again.
    const lines: LineValues[] = form.getFieldValue("lines") ?? [];
    form.setFieldValue(
      "lines",
      lines.map((l) => ({ ...l, warehouseId: null })),
    );
  };

  return (
    <FormModal
      title={
        agreement
          ? t("agreements.form.editTitle", { number: agreement.number })
          : t("agreements.form.createTitle")
      }
      width={1100}
      okTestId="agreement-form-ok"
      pending={create.isPending || update.isPending}
      onOk={submit}
      onClose={onClose}
      form={form}
      optionalRows={LINE_ROWS}
      failure={failure}
      always
    >
      <Form<AgreementValues>
        form={form}
        layout="vertical"
        name="agreement"
        initialValues={initialValues(agreement, enterpriseId)}
      >
        <Row gutter={16}>
          <Col span={7}>
            <Form.Item
              name="number"
              label={t("agreements.form.number")}
              rules={[{ required: true, whitespace: true, message: t("agreements.form.numberRequired") }]}
            >
              <Input
                maxLength={40}
                placeholder={t("agreements.form.numberPlaceholder")}
                data-testid="agreement-form-number"
              />
            </Form.Item>
          </Col>
          <Col span={9}>
            <Form.Item
              name="enterpriseId"
              label={t("agreements.form.enterprise")}
              rules={[{ required: true, message: t("agreements.form.enterpriseRequired") }]}
            >
              <EnterpriseSelect
                placeholder={t("agreements.form.enterprisePlaceholder")}
                onChange={onEnterpriseChange}
                label={(e) =>
                  e.status === "suspended"
                    ? aside(e.name, t("enterpriseStatus.suspended"))
                    : aside(e.name, e.grade === "unrated" ? t("enterprises.grade.unrated") : e.grade)
                }
                disabledOption={(e) => e.status === "suspended" && e.id !== agreement?.enterpriseId}
                data-testid="agreement-form-enterprise"
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="kind" label={t("agreements.form.kind")} rules={[{ required: true }]}>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={AGREEMENT_KINDS.map((value) => ({
                  value,
                  label: (
                    <span data-testid={`agreement-form-kind-${value}`}>{t(`agreements.kind.${value}`)}</span>
                  ),
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item
              name="startDate"
              label={t("agreements.form.startDate")}
              rules={[{ required: true, message: t("agreements.form.startRequired") }]}
            >
              <DatePicker className="full-width" data-testid="agreement-form-start" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="endDate"
              label={t("agreements.form.endDate")}
              dependencies={["startDate"]}
              rules={[
                { required: true, message: t("agreements.form.endRequired") },
                ({ getFieldValue }) => ({
                  validator: async (_rule, value?: Dayjs | null) => {
                    const start: Dayjs | null | undefined = getFieldValue("startDate");
                    if (value && start && value.isBefore(start, "day")) {
                      throw new Error(t("agreements.form.endBeforeStart"));
                    }
                  },
                }),
              ]}
            >
              <DatePicker className="full-width" data-testid="agreement-form-end" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="signedOn" label={t("agreements.form.signedOn")}>
              <DatePicker className="full-width" data-testid="agreement-form-signed" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="note" label={t("agreements.form.note")}>
              <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 3 }} />
            </Form.Item>
          </Col>
          {kind === "stock" && (
            <Col span={6}>
              <Form.Item
                name="declarationMonths"
                label={t("reviewQueue.cadence")}
                tooltip={t("reviewQueue.cadenceHint")}
              >
                <InputNumber<number>
                  className="full-width"
                  min={1}
                  max={12}
                  precision={0}
                  data-testid="agreement-form-cadence"
                />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Typography.Text strong>{t("agreements.form.lines")}</Typography.Text>
        {kind !== "transport" &&
          chosenEnterprise !== undefined &&
          !warehouses.isPending &&
          enterpriseWarehouses.length === 0 && (
            <Alert
              className="form-alert agreement-lines-alert"
              type={kind === "stock" ? "warning" : "info"}
              showIcon
              title={t(
                kind === "stock" ? "agreements.form.noWarehouses" : "agreements.form.noWarehousesOptional",
                {
                  name: enterprise?.name ?? "",
                },
              )}
              data-testid="agreement-form-no-warehouses"
            />
          )}
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
            <Flex vertical gap={8} className="agreement-lines" data-testid="agreement-lines">
              {fields.map((field) => (
                <AgreementLineFields
                  key={field.key}
                  field={field}
                  kind={kind}
                  units={units}
                  warehouses={enterpriseWarehouses}
                  enterpriseChosen={chosenEnterprise !== undefined}
                  onRemove={fields.length > 1 ? () => remove(field.name) : undefined}
                />
              ))}
              <Form.ErrorList errors={errors} />
              {fields.length < 200 && (
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ responseHours: DEFAULT_HOURS[kind] })}
                  data-testid="agreement-line-add"
                >
                  {t("agreements.form.addLine")}
                </Button>
              )}
            </Flex>
          )}
        </Form.List>
      </Form>
    </FormModal>
  );
}
