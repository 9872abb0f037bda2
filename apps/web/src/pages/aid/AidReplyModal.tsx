import { PlusOutlined } from "@ant-design/icons";
import { FLEET_VEHICLE_TYPES } from "@relief/domain";
import { useMutation } from "@tanstack/react-query";
import { Button, Col, DatePicker, Flex, Form, Input, Row, Select, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useFormFailure } from "../../components/FormFailure";
import { FormModal, useSaved } from "../../components/FormModal";
import { RemoveRowButton } from "../../components/RemoveRowButton";
import { useI18n } from "../../i18n";
import { DATE_TIME_FORMAT, districtInstant } from "../../lib/format";
import { trpc } from "../../trpc";
import { AidLineRows, type AidLineValues, aidFields } from "./AidLineRows";
import type { AidView } from "./aidTypes";

type TruckType = (typeof FLEET_VEHICLE_TYPES)[number];

interface Values {
  arriveAt?: Dayjs;
  lines: AidLineValues[];
  trucks: Array<{ plate?: string; type?: TruckType; driver?: string; phone?: string }>;
  note?: string;
}

const FIELDS = aidFields(["arriveAt", "note"]);

/** 登记答复: what the neighbour sends, when it is at its entry point, on which of its trucks. */
export function AidReplyModal({ aid, onClose }: { aid: AidView; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const { failure, fail, clear } = useFormFailure(form, FIELDS);
  const onSuccess = useSaved(onClose, trpc.aid.pathFilter(), trpc.dispatch.pathFilter());
  const reply = useMutation(trpc.aid.reply.mutationOptions({ onSuccess, onError: fail }));
  const items = aid.lines.map((l) => ({
    id: l.itemId,
    code: l.itemCode,
    name: l.itemName,
    baseUnit: l.baseUnit,
  }));

  const submit = async () => {
    const v = await form.validateFields();
    clear();
    reply.mutate({
      requestId: aid.id,
      arriveAt: v.arriveAt ? districtInstant(v.arriveAt) : "",
      lines: v.lines.map((l) => ({ itemId: l.itemId ?? 0, quantity: l.quantity ?? 0 })),
      trucks: v.trucks.map((truck) => ({
        plate: truck.plate?.trim() ?? "",
        type: truck.type ?? "medium",
        driver: truck.driver?.trim() ?? "",
        phone: truck.phone?.trim() ?? "",
      })),
      note: v.note?.trim() ?? "",
    });
  };

  return (
    <FormModal
      title={t("aid.reply.title", { number: aid.number, neighbour: aid.neighbourName })}
      width={820}
      okTestId="aid-reply-ok"
      pending={reply.isPending}
      onOk={submit}
      onClose={onClose}
      form={form}
      optionalRows={[
        { list: "lines", keep: 1 },
        { list: "trucks", prefilled: ["type"], keep: 1 },
      ]}
      failure={failure}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="aid-reply"
        initialValues={{
          lines: aid.lines.map((l) => ({ itemId: l.itemId, quantity: l.promised ?? l.quantity })),
          trucks: [{ type: "medium" }],
        }}
      >
        <Form.Item
          name="arriveAt"
          label={t("aid.field.arriveAt")}
          extra={t("aid.reply.arriveHint", { entry: aid.entryNodeName ?? "—" })}
          rules={[{ required: true, message: t("aid.reply.arriveRequired") }]}
        >
          <DatePicker
            showTime={{ format: "HH:mm" }}
            format={DATE_TIME_FORMAT}
            data-testid="aid-reply-arrive"
          />
        </Form.Item>
        <Typography.Text strong>{t("aid.reply.lines")}</Typography.Text>
        <AidLineRows items={items} testId="aid-reply-line" />
        <Typography.Text strong>{t("aid.reply.trucks")}</Typography.Text>
        <Form.List name="trucks">
          {(fields, { add, remove }) => (
            <Flex vertical gap={0}>
              {fields.map((field) => (
                <Row key={field.key} gutter={8} align="top" data-testid={`aid-truck-${field.name}`}>
                  <Col span={6}>
                    <Form.Item
                      name={[field.name, "plate"]}
                      rules={[{ required: true, whitespace: true, message: t("aid.reply.plateRequired") }]}
                    >
                      <Input
                        maxLength={12}
                        placeholder={t("aid.reply.plate")}
                        data-testid={`aid-truck-${field.name}-plate`}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item name={[field.name, "type"]}>
                      <Select<TruckType>
                        aria-label={t("aid.field.truckType")}
                        options={FLEET_VEHICLE_TYPES.map((value) => ({
                          value,
                          label: t(`vehicles.type.${value}`),
                        }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={5}>
                    <Form.Item name={[field.name, "driver"]}>
                      <Input
                        maxLength={30}
                        placeholder={t("aid.field.driver")}
                        data-testid={`aid-truck-${field.name}-driver`}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={5}>
                    <Form.Item name={[field.name, "phone"]}>
                      <Input maxLength={30} placeholder={t("aid.reply.phone")} />
                    </Form.Item>
                  </Col>
                  <Col span={2}>
                    <RemoveRowButton label={t("common.delete")} onClick={() => remove(field.name)} />
                  </Col>
                </Row>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ type: "medium" })}
                data-testid="aid-truck-add"
              >
                {t("aid.reply.addTruck")}
              </Button>
            </Flex>
          )}
        </Form.List>
        <Form.Item name="note" label={t("aid.field.note")}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
