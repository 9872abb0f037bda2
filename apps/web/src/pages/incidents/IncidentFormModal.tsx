import { useMutation } from "@tanstack/react-query";
import { App, DatePicker, Form, Input, Select, Switch } from "antd";
import type { Dayjs } from "dayjs";
import { useNavigate } from "react-router";
import { useFormFailure } from "../../components/FormFailure";
import { FormModal } from "../../components/FormModal";
import { useI18n } from "../../i18n";
import { DATE_TIME_FORMAT, districtInstant, districtPickerValue } from "../../lib/format";
import { queryClient, trpc } from "../../trpc";
import {
  AREA_ROWS,
  AreaRows,
  type AreaRowValues,
  areaFieldPlacement,
  areasInput,
  EMPTY_AREA_ROW,
  isAreaField,
} from "./AreaRows";
import { INCIDENT_TYPES, type IncidentType } from "./incidentTypes";

interface Values {
  type: IncidentType;
  title: string;
  description?: string;
  startedAt: Dayjs;
  drill: boolean;
  areas: AreaRowValues[];
}

const FIELDS = (field: string) =>
  ["type", "title", "description", "startedAt"].includes(field) || isAreaField(field);

/** 新建灾情: what happened, when, where and to how many people; the initial report (初报) of its figures. */
export function IncidentFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const { failure, fail, clear } = useFormFailure(form, FIELDS, areaFieldPlacement);
  const create = useMutation(
    trpc.incidents.create.mutationOptions({
      onSuccess: ({ id }) => {
        void queryClient.invalidateQueries(trpc.incidents.list.pathFilter());
        message.success(t("incidents.form.created"));
        onClose();
        navigate(`/incidents/${id}`);
      },
      onError: fail,
    }),
  );

  const submit = async () => {
    const v = await form.validateFields();
    clear();
    create.mutate({
      type: v.type,
      title: v.title,
      description: v.description?.trim() ?? "",
      startedAt: districtInstant(v.startedAt),
      drill: v.drill,
      areas: areasInput(v.areas),
    });
  };

  return (
    <FormModal
      title={t("incidents.form.title")}
      width={900}
      okText={t("incidents.form.create")}
      okTestId="incident-form-ok"
      pending={create.isPending}
      onOk={submit}
      onClose={onClose}
      form={form}
      optionalRows={AREA_ROWS}
      failure={failure}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="incident"
        initialValues={{
          type: "flood",
          drill: false,
          startedAt: districtPickerValue(new Date()),
          areas: [EMPTY_AREA_ROW],
        }}
      >
        <Form.Item name="type" label={t("incidents.field.type")} rules={[{ required: true }]}>
          <Select<IncidentType>
            options={INCIDENT_TYPES.map((value) => ({ value, label: t(`incidents.type.${value}`) }))}
            data-testid="incident-form-type"
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t("incidents.field.title")}
          rules={[{ required: true, whitespace: true, message: t("incidents.form.titleRequired") }]}
        >
          <Input
            maxLength={100}
            placeholder={t("incidents.form.titlePlaceholder")}
            data-testid="incident-form-title"
          />
        </Form.Item>
        <Form.Item
          name="startedAt"
          label={t("incidents.field.startedAt")}
          extra={t("incidents.form.startedAtHint")}
          rules={[{ required: true, message: t("incidents.form.startedAtRequired") }]}
        >
          <DatePicker
            showTime={{ format: "HH:mm" }}
            format={DATE_TIME_FORMAT}
            data-testid="incident-form-started"
          />
        </Form.Item>
        <Form.Item
          name="drill"
          label={t("incidents.drill")}
          valuePropName="checked"
          extra={t("incidents.form.drillHint")}
        >
          <Switch data-testid="incident-form-drill" />
        </Form.Item>
        <Form.Item name="description" label={t("incidents.field.description")}>
          <Input.TextArea
            maxLength={2000}
            autoSize={{ minRows: 1, maxRows: 4 }}
            data-testid="incident-form-description"
          />
        </Form.Item>
        <Form.Item label={t("incidents.field.area")} required>
          <AreaRows form={form} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
