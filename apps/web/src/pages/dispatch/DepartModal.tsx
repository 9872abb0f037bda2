import { useMutation } from "@tanstack/react-query";
import { Alert, App, DatePicker, Form, Input } from "antd";
import type { Dayjs } from "dayjs";
import { useFormFailure } from "../../components/FormFailure";
import { FormModal } from "../../components/FormModal";
import { invalidateStock } from "../../components/stock/invalidate";
import { useI18n } from "../../i18n";
import { DATE_TIME_FORMAT, districtInstant, districtPickerValue } from "../../lib/format";
import { queryClient, trpc } from "../../trpc";
import type { OrderView } from "./orderTypes";

const FIELDS = ["departedAt", "plate", "driver", "driverPhone"] as const;

interface Values {
  departedAt: Dayjs;
  plate: string;
  driver: string;
  driverPhone: string;
}

/**
 * 出发确认: the warehouse confirms loading and departure, when it left (now unless said otherwise) and the truck
 * as it really left (plate, driver and phone corrected here). The reserved stock is issued under the order's
 * number; a drill's departure posts nothing.
 */
export function DepartModal({ order, onClose }: { order: OrderView; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { failure, fail, clear } = useFormFailure(form, FIELDS);
  const depart = useMutation(
    trpc.dispatch.depart.mutationOptions({
      onSuccess: () => {
        void invalidateStock();
        void queryClient.invalidateQueries(trpc.dispatch.pathFilter());
        void queryClient.invalidateQueries(trpc.vehicles.pathFilter());
        message.success(t("orders.depart.done", { number: order.number }));
        onClose();
      },
      onError: fail,
    }),
  );

  const submit = async () => {
    const v = await form.validateFields();
    clear();
    // Only what was corrected is sent: the order keeps the planned truck otherwise.
    const changed = (value: string, was: string) => (value.trim() === was ? undefined : value.trim());
    depart.mutate({
      orderId: order.id,
      departedAt: districtInstant(v.departedAt),
      plate: changed(v.plate, order.plate),
      driver: changed(v.driver, order.driver),
      driverPhone: changed(v.driverPhone, order.driverPhone),
    });
  };

  return (
    <FormModal
      title={t("orders.depart.title", { number: order.number })}
      okText={t("orders.depart.ok")}
      okTestId="depart-ok"
      pending={depart.isPending}
      onOk={submit}
      onClose={onClose}
      form={form}
      failure={failure}
      intro={
        <Alert
          className="form-alert"
          type={order.drill ? "warning" : "info"}
          showIcon
          title={t(order.drill ? "orders.depart.drillHint" : "orders.depart.hint", {
            warehouse: order.sourceWarehouse.name,
          })}
        />
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="depart-order"
        initialValues={{
          departedAt: districtPickerValue(new Date()),
          plate: order.plate,
          driver: order.driver,
          driverPhone: order.driverPhone,
        }}
      >
        <Form.Item
          name="departedAt"
          label={t("orders.field.departedAt")}
          rules={[{ required: true, message: t("orders.depart.timeRequired") }]}
        >
          <DatePicker showTime={{ format: "HH:mm" }} format={DATE_TIME_FORMAT} data-testid="depart-time" />
        </Form.Item>
        <Form.Item name="plate" label={t("orders.field.plate")}>
          <Input maxLength={20} data-testid="depart-plate" />
        </Form.Item>
        <Form.Item name="driver" label={t("orders.field.driver")}>
          <Input maxLength={60} data-testid="depart-driver" />
        </Form.Item>
        <Form.Item name="driverPhone" label={t("orders.field.driverPhone")}>
          <Input maxLength={30} data-testid="depart-driver-phone" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
