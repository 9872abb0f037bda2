import { useMutation, useQuery } from "@tanstack/react-query";
import { Col, Form, Input, Row, Select, Switch } from "antd";
import { ContactRows } from "../../components/ContactRows";
import { useFormFailure } from "../../components/FormFailure";
import { FormModal, useSaved } from "../../components/FormModal";
import { useI18n } from "../../i18n";
import { trpc } from "../../trpc";
import type { NeighbourView } from "../aid/aidTypes";

interface Values {
  entryNodeId: number | null;
  contacts: Array<{ name?: string; post?: string; phone?: string }>;
  note?: string;
  active: boolean;
}

const FIELDS = (field: string) =>
  ["entryNodeId", "note", "active"].includes(field) || field.startsWith("contacts.");

/** The register's editable part: the entry point on the road network, the contacts, a note, in use or not. */
export function NeighbourFormModal({
  neighbour,
  onClose,
}: {
  neighbour: NeighbourView;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const { failure, fail, clear } = useFormFailure(form, FIELDS);
  const roads = useQuery(trpc.roads.list.queryOptions());
  const boundaries = (roads.data?.nodes ?? []).filter((n) => n.kind === "boundary" && n.active);
  const onSuccess = useSaved(onClose, trpc.neighbours.pathFilter());
  const update = useMutation(trpc.neighbours.update.mutationOptions({ onSuccess, onError: fail }));

  const submit = async () => {
    const v = await form.validateFields();
    clear();
    update.mutate({
      id: neighbour.id,
      entryNodeId: v.entryNodeId ?? null,
      contacts: v.contacts.map((c) => ({
        name: c.name?.trim() ?? "",
        post: c.post?.trim() ?? "",
        phone: c.phone?.trim() ?? "",
      })),
      note: v.note?.trim() ?? "",
      active: v.active,
    });
  };

  return (
    <FormModal
      title={t("neighbours.form.title", { name: neighbour.name })}
      width={720}
      okTestId="neighbour-form-ok"
      pending={update.isPending}
      onOk={submit}
      onClose={onClose}
      form={form}
      optionalRows={[{ list: "contacts" }]}
      failure={failure}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="neighbour"
        initialValues={{
          entryNodeId: neighbour.entryNodeId,
          contacts: neighbour.contacts,
          note: neighbour.note,
          active: neighbour.active,
        }}
      >
        <Row gutter={16}>
          <Col span={16}>
            <Form.Item name="entryNodeId" label={t("neighbours.column.entry")}>
              <Select<number>
                allowClear
                loading={roads.isPending}
                showSearch={{ optionFilterProp: "label" }}
                options={boundaries.map((n) => ({ value: n.id, label: `${n.name} · ${n.code}` }))}
                data-testid="neighbour-form-entry"
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="active" label={t("neighbours.column.active")} valuePropName="checked">
              <Switch data-testid="neighbour-form-active" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="note" label={t("neighbours.column.note")}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <ContactRows
          title={t("neighbours.contacts")}
          max={20}
          addLabel={t("neighbours.form.addContact")}
          columns={[
            {
              name: "name",
              span: 7,
              maxLength: 30,
              placeholder: t("neighbours.contact.name"),
              requiredMessage: t("neighbours.form.nameRequired"),
            },
            { name: "post", span: 7, maxLength: 40, placeholder: t("neighbours.contact.post") },
            { name: "phone", span: 8, maxLength: 30, placeholder: t("neighbours.contact.phone") },
          ]}
        />
      </Form>
    </FormModal>
  );
}
