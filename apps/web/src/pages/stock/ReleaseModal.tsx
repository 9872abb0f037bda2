import { useMutation } from "@tanstack/react-query";
import { Alert, App, Form, Input, Select } from "antd";
import { useFormFailure } from "../../components/FormFailure";
import { FormModal } from "../../components/FormModal";
import { invalidateStock } from "../../components/stock/invalidate";
import { useI18n } from "../../i18n";
import type { ReservationView } from "../../lib/api-types";
import { trpc } from "../../trpc";
import { optionalText } from "./posting/lines";

interface ReleaseValues {
  /** `0`: every warehouse the dispatch holds stock in. */
  scope: number;
  note?: string;
}

const RELEASE_FIELDS = ["note"] as const;
const ALL_WAREHOUSES = 0;

/** What one dispatch still holds reserved, and which of its warehouses the user may release in. */
export interface DispatchGroup {
  dispatchRef: string;
  rows: ReservationView[];
  warehouses: Array<{ id: number; name: string }>;
  releasable: Array<{ id: number; name: string }>;
}

export function groupByDispatch(
  rows: readonly ReservationView[],
  mayRelease: (warehouseId: number) => boolean,
): Map<string, DispatchGroup> {
  const groups = new Map<string, DispatchGroup>();
  for (const row of rows) {
    const group = groups.get(row.dispatchRef) ?? {
      dispatchRef: row.dispatchRef,
      rows: [],
      warehouses: [],
      releasable: [],
    };
    group.rows.push(row);
    if (!group.warehouses.some((w) => w.id === row.warehouseId)) {
      const warehouse = { id: row.warehouseId, name: row.warehouseName };
      group.warehouses.push(warehouse);
      if (mayRelease(row.warehouseId)) group.releasable.push(warehouse);
    }
    groups.set(row.dispatchRef, group);
  }
  return groups;
}

/**
 * 释放预留 of one dispatch: everything it still holds, in every warehouse or in one. A user who may release
 * in only some of its warehouses releases warehouse by warehouse.
 */
export function ReleaseModal({ group, onClose }: { group: DispatchGroup; onClose: () => void }) {
  const { t, list } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReleaseValues>();
  const { failure, fail, clear } = useFormFailure(form, RELEASE_FIELDS);
  const everywhere = group.releasable.length === group.warehouses.length;
  const scopes = [
    ...(everywhere && group.warehouses.length > 1
      ? [{ value: ALL_WAREHOUSES, label: t("reservations.release.everywhere") }]
      : []),
    ...group.releasable.map((w) => ({ value: w.id, label: w.name })),
  ];
  const release = useMutation(
    trpc.stock.release.mutationOptions({
      onSuccess: (documents) => {
        void invalidateStock();
        message.success(
          t("reservations.release.done", {
            ref: group.dispatchRef,
            numbers: list(documents.map((d) => d.number)),
          }),
        );
        onClose();
      },
      onError: fail,
    }),
  );

  const submit = async () => {
    const values = await form.validateFields();
    clear();
    release.mutate({
      dispatchRef: group.dispatchRef,
      // The server releases in every warehouse when none is named.
      ...(values.scope !== ALL_WAREHOUSES && { warehouseId: values.scope }),
      note: optionalText(values.note),
    });
  };

  return (
    <FormModal
      title={t("reservations.release.title", { ref: group.dispatchRef })}
      okText={t("reservations.release.submit")}
      danger
      okTestId="release-ok"
      pending={release.isPending}
      onOk={submit}
      onClose={onClose}
      failure={failure}
    >
      <Alert className="form-alert" type="info" showIcon title={t("reservations.release.hint")} />
      {!everywhere && (
        <Alert
          className="form-alert"
          type="warning"
          showIcon
          title={t("reservations.release.partial", {
            warehouses: list(
              group.warehouses.filter((w) => !group.releasable.some((r) => r.id === w.id)).map((w) => w.name),
            ),
          })}
        />
      )}
      <Form<ReleaseValues>
        form={form}
        layout="vertical"
        name="release"
        initialValues={{ scope: scopes[0]?.value ?? ALL_WAREHOUSES }}
      >
        <Form.Item name="scope" label={t("stock.column.warehouse")} rules={[{ required: true }]}>
          <Select<number> options={scopes} disabled={scopes.length < 2} data-testid="release-scope" />
        </Form.Item>
        <Form.Item name="note" label={t("posting.note")}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} data-testid="release-note" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
