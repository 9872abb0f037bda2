import { SaveOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { Button, Col, Form, Input, Row } from "antd";
import { FormFailureAlert } from "../../components/FormFailure";
import { WarehouseSelect } from "../../components/stock/Pickers";
import type { StockRefs } from "../../components/stock/useStockRefs";
import { useI18n } from "../../i18n";
import { trpc } from "../../trpc";
import { pickLines } from "./posting/IssueForm";
import { LinesEditor } from "./posting/LinesEditor";
import { clearLineLots, type LineValues, optionalText } from "./posting/lines";
import { PostedAlert, usePosting } from "./posting/usePosting";

interface ReserveValues {
  warehouseId?: number;
  dispatchRef?: string;
  note?: string;
  lines: LineValues[];
}

const RESERVE_FIELDS = ["warehouseId", "dispatchRef", "note"];

/** 预留 form: set usable stock of one warehouse aside for a dispatch. */
export function ReserveForm({ refs, onReserved }: { refs: StockRefs; onReserved: (ref: string) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<ReserveValues>();
  const { failure, fail, posted, succeed, start } = usePosting(form, RESERVE_FIELDS);
  const reserve = useMutation(trpc.stock.reserve.mutationOptions());
  const warehouseId = Form.useWatch("warehouseId", form);

  const submit = (values: ReserveValues) => {
    start();
    const dispatchRef = values.dispatchRef?.trim() ?? "";
    reserve.mutate(
      {
        warehouseId: values.warehouseId ?? 0,
        dispatchRef,
        note: optionalText(values.note),
        lines: pickLines(values.lines, refs),
      },
      {
        onSuccess(document) {
          succeed([document]);
          onReserved(dispatchRef);
          form.setFieldsValue({ lines: [{}], note: undefined });
        },
        onError: fail,
      },
    );
  };

  return (
    <Form<ReserveValues>
      form={form}
      name="reserve"
      layout="vertical"
      onFinish={submit}
      onValuesChange={(changed) => {
        if ("warehouseId" in changed) clearLineLots(form);
      }}
      initialValues={{
        warehouseId: refs.reservable.length === 1 ? refs.reservable[0]?.id : undefined,
        lines: [{}],
      }}
      data-testid="reserve-form"
    >
      <PostedAlert posted={posted} onClose={() => start()} />
      <FormFailureAlert failure={failure} always />
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="warehouseId"
            label={t("stock.column.warehouse")}
            rules={[{ required: true, message: t("posting.warehouseRequired") }]}
          >
            <WarehouseSelect warehouses={refs.reservable} data-testid="reserve-warehouse" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="dispatchRef"
            label={t("posting.dispatchRef")}
            rules={[{ required: true, whitespace: true, message: t("reservations.dispatchRefRequired") }]}
          >
            <Input maxLength={60} data-testid="reserve-dispatch-ref" />
          </Form.Item>
        </Col>
      </Row>
      <LinesEditor mode="pick" refs={refs} warehouseId={warehouseId} />
      <Form.Item name="note" label={t("posting.note")} className="posting-note">
        <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 3 }} />
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        icon={<SaveOutlined />}
        loading={reserve.isPending}
        data-testid="reserve-submit"
      >
        {t("reservations.reserve.submit")}
      </Button>
    </Form>
  );
}
