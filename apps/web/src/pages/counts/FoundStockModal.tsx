import { useMutation } from "@tanstack/react-query";
import { Alert, App, Form, InputNumber, Select } from "antd";
import { useFormFailure } from "../../components/FormFailure";
import { FormModal } from "../../components/FormModal";
import { ItemSelect, LotSearchSelect } from "../../components/stock/Pickers";
import type { StockRefs } from "../../components/stock/useStockRefs";
import { useI18n } from "../../i18n";
import { OWNERSHIPS, type Ownership } from "../../lib/api-types";
import { trpc } from "../../trpc";

interface FoundValues {
  itemId?: number;
  lotId?: number;
  ownership: Ownership;
  counted?: number;
}

const FIELDS = (field: string) => /^found\.0\.(itemId|lotId|ownership|counted)$/.test(field);

/** 盘盈: stock found that the count did not expect, booked to a registered lot of the item. */
export function FoundStockModal({
  countId,
  refs,
  onClose,
  onAdded,
}: {
  countId: number;
  refs: StockRefs;
  onClose: () => void;
  onAdded: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FoundValues>();
  const { failure, fail, clear } = useFormFailure(form, FIELDS);
  const itemId = Form.useWatch("itemId", form);
  const item = refs.item(itemId);
  const record = useMutation(
    trpc.stock.recordCount.mutationOptions({
      onSuccess: () => {
        message.success(t("counts.foundAdded"));
        onAdded();
        onClose();
      },
      onError: fail,
    }),
  );

  const submit = async () => {
    const values = await form.validateFields();
    clear();
    record.mutate({
      countId,
      lines: [],
      found: [
        {
          itemId: values.itemId ?? 0,
          lotId: values.lotId ?? 0,
          ownership: values.ownership,
          counted: values.counted ?? 0,
        },
      ],
    });
  };

  return (
    <FormModal
      title={t("counts.addFound")}
      okTestId="found-ok"
      pending={record.isPending}
      onOk={submit}
      onClose={onClose}
      failure={failure}
      intro={<Alert className="form-alert" type="info" showIcon title={t("counts.foundHint")} />}
    >
      <Form<FoundValues>
        form={form}
        layout="vertical"
        name="found"
        initialValues={{ ownership: "government" }}
        onValuesChange={(changed) => {
          if ("itemId" in changed) form.setFieldValue("lotId", undefined);
        }}
      >
        <Form.Item
          name="itemId"
          label={t("stock.column.item")}
          rules={[{ required: true, message: t("stock.line.itemRequired") }]}
        >
          <ItemSelect items={refs.items} data-testid="found-item" />
        </Form.Item>
        <Form.Item
          name="lotId"
          label={t("stock.column.lot")}
          extra={t("counts.foundLotHint")}
          rules={[{ required: true, message: t("stock.line.lotRequired") }]}
        >
          <LotSearchSelect itemId={itemId} data-testid="found-lot" />
        </Form.Item>
        <Form.Item name="ownership" label={t("stock.column.ownership")} rules={[{ required: true }]}>
          <Select<Ownership>
            options={OWNERSHIPS.map((value) => ({ value, label: t(`ownership.${value}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="counted"
          label={t("counts.column.counted")}
          rules={[{ required: true, message: t("stock.line.quantityRequired") }]}
        >
          <InputNumber<number>
            min={1}
            precision={0}
            className="full-width"
            suffix={item?.baseUnit}
            data-testid="found-counted"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
