import { monthMessage, quotaMessage } from "@relief/domain";
import { useMutation } from "@tanstack/react-query";
import { Alert, App, Col, Form, Input, InputNumber, Radio, Row, Select, Switch, Typography } from "antd";
import { useFormFailure } from "../../components/FormFailure";
import { FormModal } from "../../components/FormModal";
import { useI18n } from "../../i18n";
import {
  QUOTA_BASES,
  QUOTA_MEASURES,
  type QuotaBasis,
  type QuotaInput,
  type QuotaMeasure,
  type QuotaView,
} from "../../lib/coverage";
import { queryClient, trpc } from "../../trpc";

interface QuotaValues {
  measure: QuotaMeasure;
  unitLabel: string;
  quantity: number | null;
  perPersons: number | null;
  basis: QuotaBasis;
  days: number | null;
  required: boolean;
  /** The months the quota counts in; none chosen: all year. */
  seasonMonths: number[];
  estimate: boolean;
  source: string;
  note: string;
}

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

const FIELDS = [
  "measure",
  "unitLabel",
  "quantity",
  "perPersons",
  "basis",
  "days",
  "required",
  "seasonMonths",
  "estimate",
  "source",
  "note",
];

/**
 * Changes a category's quota: every field, and the reason for the change (required). Saving adds a version
 * effective from now; earlier reports and snapshots keep the quota they were made with.
 */
export function QuotaFormModal({
  quota,
  name,
  onClose,
}: {
  quota: QuotaView;
  name: string;
  onClose: () => void;
}) {
  const { t, tm } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<QuotaValues>();
  const { failure, fail, clear } = useFormFailure(form, FIELDS);
  const update = useMutation(
    trpc.quotas.update.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries(trpc.quotas.pathFilter());
        void queryClient.invalidateQueries(trpc.coverage.pathFilter());
        message.success(t("quotas.saved", { name }));
        onClose();
      },
      onError: fail,
    }),
  );
  const values = Form.useWatch([], form) as Partial<QuotaValues> | undefined;
  const basis: QuotaBasis = values?.basis ?? quota.basis;
  const preview =
    values && typeof values.quantity === "number" && values.quantity > 0
      ? tm(
          quotaMessage({
            quantity: values.quantity,
            unitLabel: values.unitLabel?.trim() || quota.unitLabel,
            perPersons: basis === "household" ? 1 : (values.perPersons ?? 1),
            basis,
            days: values.days ?? null,
          }),
        )
      : null;

  const submit = async () => {
    const v = await form.validateFields();
    clear();
    const input: QuotaInput = {
      categoryId: quota.categoryId,
      measure: v.measure,
      unitLabel: v.unitLabel.trim(),
      // Left to the server to refuse (定额应大于 0), so its message stands beside the field.
      quantity: v.quantity ?? 0,
      perPersons: v.basis === "household" ? 1 : (v.perPersons ?? 1),
      basis: v.basis,
      days: v.days ?? null,
      required: v.required,
      seasonMonths: v.seasonMonths.length > 0 ? v.seasonMonths : null,
      estimate: v.estimate,
      source: v.source?.trim() ?? "",
      note: v.note?.trim() ?? "",
    };
    update.mutate(input);
  };

  return (
    <FormModal
      title={t("quotas.form.title", { name })}
      width={720}
      okTestId="quota-form-ok"
      pending={update.isPending}
      onOk={submit}
      onClose={onClose}
      form={form}
      failure={failure}
      intro={<Alert className="form-alert" type="info" showIcon title={t("quotas.versionNote")} />}
    >
      <Form<QuotaValues>
        form={form}
        layout="vertical"
        name="quota"
        initialValues={{
          measure: quota.measure,
          unitLabel: quota.unitLabel,
          quantity: quota.quantity,
          perPersons: quota.perPersons,
          basis: quota.basis,
          days: quota.days,
          required: quota.required,
          seasonMonths: quota.seasonMonths ?? [],
          estimate: quota.estimate,
          source: quota.source,
          note: "",
        }}
        onValuesChange={(changed: Partial<QuotaValues>) => {
          if (changed.basis === "household") form.setFieldValue("perPersons", 1);
        }}
      >
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item
              name="measure"
              label={t("quotas.form.measure")}
              tooltip={t("quotas.form.measureHint")}
              rules={[{ required: true }]}
            >
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={QUOTA_MEASURES.map((value) => ({ value, label: t(`quotaMeasure.${value}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="unitLabel"
              label={t("quotas.form.unitLabel")}
              rules={[{ required: true, whitespace: true, message: t("quotas.form.unitRequired") }]}
            >
              <Input maxLength={10} data-testid="quota-form-unit" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="basis" label={t("quotas.form.basis")} rules={[{ required: true }]}>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={QUOTA_BASES.map((value) => ({
                  value,
                  label: <span data-testid={`quota-form-basis-${value}`}>{t(`quotaBasis.${value}`)}</span>,
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item
              name="quantity"
              label={t("quotas.form.quantity")}
              rules={[{ required: true, message: t("quotas.form.quantityRequired") }]}
            >
              <InputNumber<number>
                min={0}
                step={1}
                className="full-width"
                data-testid="quota-form-quantity"
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="perPersons"
              label={t("quotas.form.perPersons")}
              tooltip={basis === "household" ? t("quotas.form.perPersonsHousehold") : undefined}
              rules={[{ required: true, message: t("quotas.form.perPersonsRequired") }]}
            >
              <InputNumber<number>
                min={1}
                precision={0}
                className="full-width"
                disabled={basis === "household"}
                suffix={t("common.people")}
                data-testid="quota-form-per-persons"
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="days" label={t("quotas.form.days")} tooltip={t("quotas.form.daysHint")}>
              <InputNumber<number>
                min={1}
                max={90}
                precision={0}
                className="full-width"
                placeholder={t("quotas.form.daysNone")}
                data-testid="quota-form-days"
              />
            </Form.Item>
          </Col>
        </Row>
        {preview && (
          <Typography.Paragraph type="secondary" data-testid="quota-form-preview">
            {t("quotas.form.preview", { quota: preview })}
          </Typography.Paragraph>
        )}
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item
              name="required"
              label={t("quotas.form.required")}
              tooltip={t("quotas.form.requiredHint")}
              valuePropName="checked"
            >
              <Switch data-testid="quota-form-required" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="estimate"
              label={t("quotas.form.estimate")}
              tooltip={t("quota.estimateHint")}
              valuePropName="checked"
            >
              <Switch data-testid="quota-form-estimate" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="seasonMonths"
              label={t("quotas.form.season")}
              tooltip={t("quotas.form.seasonHint")}
            >
              <Select<number[]>
                mode="multiple"
                allowClear
                placeholder={t("quotas.form.allYear")}
                options={MONTHS.map((month) => ({ value: month, label: tm(monthMessage(month)) }))}
                data-testid="quota-form-season"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="source" label={t("quotas.form.source")}>
          <Input.TextArea
            maxLength={300}
            autoSize={{ minRows: 1, maxRows: 3 }}
            data-testid="quota-form-source"
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t("quotas.form.reason")}
          rules={[{ required: true, whitespace: true, message: t("quotas.form.reasonRequired") }]}
        >
          <Input.TextArea
            maxLength={500}
            autoSize={{ minRows: 2, maxRows: 4 }}
            placeholder={t("quotas.form.reasonPlaceholder")}
            data-testid="quota-form-note"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
