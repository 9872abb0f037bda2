import { useMutation } from "@tanstack/react-query";
import { Alert, App, Form, Input, Select, Typography } from "antd";
import { useFormFailure } from "../../components/FormFailure";
import { FormModal } from "../../components/FormModal";
import { invalidateStock } from "../../components/stock/invalidate";
import { LotStatusTag } from "../../components/stock/StockTags";
import { useI18n } from "../../i18n";
import { LOT_STATUSES, type LotStatus } from "../../lib/api-types";
import { trpc } from "../../trpc";

interface LotStatusValues {
  status: LotStatus;
  note?: string;
}

const FIELDS = ["status", "note"] as const;

/** The lot whose condition is set: from a balance row or from the lot register. */
export interface LotStatusTarget {
  lotId: number;
  lotCode: string;
  itemName: string;
  lotStatus: LotStatus;
  statusNote?: string | null;
}

/** A lot's condition (quarantine, damage, recall): it applies to the lot in every warehouse. */
export function LotStatusModal({ row, onClose }: { row: LotStatusTarget; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<LotStatusValues>();
  const { failure, fail, clear } = useFormFailure(form, FIELDS);
  const setStatus = useMutation(
    trpc.stock.setLotStatus.mutationOptions({
      onSuccess: () => {
        void invalidateStock();
        message.success(t("common.saved"));
        onClose();
      },
      onError: fail,
    }),
  );

  const submit = async () => {
    const values = await form.validateFields();
    clear();
    if (values.status === row.lotStatus) {
      message.info(t("common.unchanged"));
      onClose();
      return;
    }
    setStatus.mutate({ lotId: row.lotId, status: values.status, note: values.note?.trim() || undefined });
  };

  return (
    <FormModal
      title={t("stock.lotStatus.title", { lot: row.lotCode, item: row.itemName })}
      okTestId="lot-status-ok"
      pending={setStatus.isPending}
      onOk={submit}
      onClose={onClose}
      failure={failure}
    >
      <Alert className="form-alert" type="warning" showIcon title={t("stock.lotStatus.hint")} />
      <Form<LotStatusValues>
        form={form}
        layout="vertical"
        name="lot-status"
        initialValues={{ status: row.lotStatus }}
      >
        <Form.Item label={t("stock.lotStatus.current")}>
          <LotStatusTag status={row.lotStatus} />
          {row.statusNote && <Typography.Text type="secondary">{row.statusNote}</Typography.Text>}
        </Form.Item>
        <Form.Item name="status" label={t("stock.lotStatus.new")} rules={[{ required: true }]}>
          <Select<LotStatus>
            options={LOT_STATUSES.map((value) => ({ value, label: t(`stock.lotStatus.${value}`) }))}
            data-testid="lot-status-select"
          />
        </Form.Item>
        <Form.Item name="note" label={t("posting.note")}>
          <Input.TextArea
            maxLength={500}
            autoSize={{ minRows: 2, maxRows: 4 }}
            data-testid="lot-status-note"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
