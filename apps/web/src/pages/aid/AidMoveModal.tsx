import { useMutation, useQuery } from "@tanstack/react-query";
import { Col, DatePicker, Form, Input, Select, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useCurrentUser } from "../../auth/current-user";
import { useFormFailure } from "../../components/FormFailure";
import { FormModal, useSaved } from "../../components/FormModal";
import { useI18n } from "../../i18n";
import { canPostIn } from "../../lib/roles";
import { trpc } from "../../trpc";
import { AidLineRows, type AidLineValues, aidFields } from "./AidLineRows";
import type { AidView } from "./aidTypes";

/**
 * Goods moving under a request. receive: arrival into a warehouse (out: the neighbour's loan; in: Banan's goods
 * coming back). help: Banan's goods sent to a neighbour that asked. return / writeOff: loaned goods given
 * back, or settled with the lender.
 */
export type AidMove = "receive" | "help" | "return" | "writeOff";

interface Values {
  warehouseId?: number;
  lines: Array<AidLineValues & { lotCode?: string; productionDate?: Dayjs; expiryDate?: Dayjs }>;
  note?: string;
}

const FIELDS = aidFields(["warehouseId", "note", "writeOff"]);

/** What is still to move on each line: to arrive or leave (delivered), or to go back (returned). */
function remaining(aid: AidView, move: AidMove) {
  return aid.lines
    .map((l) => ({
      itemId: l.itemId,
      quantity:
        move === "return" || move === "writeOff" || (move === "receive" && aid.direction === "in")
          ? l.delivered - l.returned
          : (l.promised ?? l.quantity) - l.delivered,
    }))
    .filter((l) => l.quantity > 0);
}

export function AidMoveModal({
  aid,
  move,
  start,
  onClose,
}: {
  aid: AidView;
  move: AidMove;
  /** Where to start (a warehouse of the outbound proposal, and its lines). */
  start?: { warehouseId?: number; lines: Array<{ itemId: number; quantity: number }> };
  onClose: () => void;
}) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const { failure, fail, clear } = useFormFailure(form, FIELDS);
  const warehouses = useQuery(trpc.warehouses.list.queryOptions());
  const postable = (warehouses.data ?? []).filter((w) => canPostIn(user, w));
  const onSuccess = useSaved(
    onClose,
    trpc.aid.pathFilter(),
    trpc.stock.pathFilter(),
    trpc.coverage.pathFilter(),
  );
  const receive = useMutation(trpc.aid.receive.mutationOptions({ onSuccess, onError: fail }));
  const issue = useMutation(trpc.aid.issue.mutationOptions({ onSuccess, onError: fail }));
  const items = aid.lines.map((l) => ({
    id: l.itemId,
    code: l.itemCode,
    name: l.itemName,
    baseUnit: l.baseUnit,
  }));
  const receiving = move === "receive";

  const submit = async () => {
    const v = await form.validateFields();
    clear();
    const base = { requestId: aid.id, warehouseId: v.warehouseId ?? 0, note: v.note?.trim() ?? "" };
    if (receiving)
      receive.mutate({
        ...base,
        lines: v.lines.map((l) => ({
          itemId: l.itemId ?? 0,
          quantity: l.quantity ?? 0,
          lotCode: l.lotCode?.trim() ?? "",
          ...(l.productionDate ? { productionDate: l.productionDate.format("YYYY-MM-DD") } : {}),
          ...(l.expiryDate ? { expiryDate: l.expiryDate.format("YYYY-MM-DD") } : {}),
        })),
      });
    else
      issue.mutate({
        ...base,
        writeOff: move === "writeOff",
        lines: v.lines.map((l) => ({ itemId: l.itemId ?? 0, quantity: l.quantity ?? 0 })),
      });
  };

  return (
    <FormModal
      title={t(`aid.move.${move}Title`, { number: aid.number, neighbour: aid.neighbourName })}
      width={receiving ? 960 : 720}
      okTestId="aid-move-ok"
      pending={receive.isPending || issue.isPending}
      onOk={submit}
      onClose={onClose}
      form={form}
      optionalRows={[{ list: "lines", keep: 1 }]}
      failure={failure}
      always
      intro={<Typography.Paragraph type="secondary">{t(`aid.move.${move}Hint`)}</Typography.Paragraph>}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="aid-move"
        initialValues={{
          warehouseId: start?.warehouseId ?? (postable.length === 1 ? postable[0]?.id : undefined),
          lines: start?.lines ?? remaining(aid, move),
        }}
      >
        <Form.Item
          name="warehouseId"
          label={t("aid.field.warehouse")}
          rules={[{ required: true, message: t("aid.move.warehouseRequired") }]}
        >
          <Select<number>
            showSearch={{ optionFilterProp: "label" }}
            loading={warehouses.isPending}
            options={postable.map((w) => ({ value: w.id, label: `${w.name} · ${w.code}` }))}
            data-testid="aid-move-warehouse"
          />
        </Form.Item>
        <AidLineRows
          items={items}
          itemSpan={receiving ? 6 : 14}
          testId="aid-move-line"
          extra={
            receiving
              ? (index) => (
                  <>
                    <Col span={4}>
                      <Form.Item
                        name={[index, "lotCode"]}
                        rules={[{ required: true, whitespace: true, message: t("aid.move.lotRequired") }]}
                      >
                        <Input
                          maxLength={40}
                          placeholder={t("aid.move.lot")}
                          data-testid={`aid-move-line-${index}-lot`}
                        />
                      </Form.Item>
                    </Col>
                    <Col span={3}>
                      <Form.Item name={[index, "productionDate"]}>
                        <DatePicker placeholder={t("aid.field.productionDate")} className="full-width" />
                      </Form.Item>
                    </Col>
                    <Col span={3}>
                      <Form.Item name={[index, "expiryDate"]}>
                        <DatePicker placeholder={t("aid.field.expiryDate")} className="full-width" />
                      </Form.Item>
                    </Col>
                  </>
                )
              : undefined
          }
        />
        <Form.Item name="note" label={t("aid.field.note")}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
