import { creditCodeProblem } from "@relief/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Col, Form, Input, Row, Select, Switch } from "antd";
import { ContactRows } from "../../components/ContactRows";
import { useFormFailure } from "../../components/FormFailure";
import { FormModal, useSaved } from "../../components/FormModal";
import { useI18n } from "../../i18n";
import {
  ENTERPRISE_KINDS,
  ENTERPRISE_STATUSES,
  type EnterpriseInput,
  type EnterpriseKind,
  type EnterpriseRecord,
  type EnterpriseStatus,
} from "../../lib/api-types";
import { trpc } from "../../trpc";

interface EnterpriseValues {
  name: string;
  creditCode: string;
  kind?: EnterpriseKind;
  keySupplier: boolean;
  areaId?: number | null;
  address?: string;
  status?: EnterpriseStatus;
  note?: string | null;
  contacts: Array<{ name?: string; role?: string; mobile?: string }>;
}

/** The form opens with one contact row; left blank, it is dropped on save, never an error. */
const CONTACT_ROWS = [{ list: "contacts" }];

const FIELDS = (field: string) =>
  ["name", "creditCode", "kind", "keySupplier", "areaId", "address", "status", "note"].includes(field) ||
  /^contacts\.\d+\.(name|role|mobile)$/.test(field);

/** Upper case without spaces: codes are often typed or pasted in lower case or with blanks. */
const normaliseCode = (value: string | undefined) => (value ?? "").replace(/\s+/g, "").toUpperCase();

/** Creates or edits a partner enterprise: credit code, kind, township, status and contacts. */
export function EnterpriseFormModal({
  enterprise,
  onClose,
}: {
  enterprise: EnterpriseRecord | null;
  onClose: () => void;
}) {
  const { t, tm } = useI18n();
  const [form] = Form.useForm<EnterpriseValues>();
  const { failure, fail, clear } = useFormFailure(form, FIELDS);
  const areas = useQuery(trpc.areas.list.queryOptions());
  const townships = (areas.data?.areas ?? []).filter((a) => a.level === "township");
  const onSuccess = useSaved(onClose, trpc.enterprises.pathFilter());
  const create = useMutation(trpc.enterprises.create.mutationOptions({ onSuccess, onError: fail }));
  const update = useMutation(trpc.enterprises.update.mutationOptions({ onSuccess, onError: fail }));

  const submit = async () => {
    const v = await form.validateFields();
    clear();
    const note = v.note?.trim() ?? "";
    const input: EnterpriseInput = {
      name: v.name.trim(),
      creditCode: normaliseCode(v.creditCode),
      kind: v.kind ?? "other",
      keySupplier: v.keySupplier,
      areaId: v.areaId ?? null,
      address: v.address?.trim() ?? "",
      lat: enterprise?.lat ?? null,
      lon: enterprise?.lon ?? null,
      status: v.status ?? "active",
      note: note === "" ? null : note,
      contacts: (v.contacts ?? []).map((c) => ({
        name: c.name?.trim() ?? "",
        role: c.role?.trim() ?? "",
        mobile: c.mobile?.trim() ?? "",
      })),
    };
    if (enterprise) update.mutate({ id: enterprise.id, ...input });
    else create.mutate(input);
  };

  return (
    <FormModal
      title={
        enterprise
          ? t("enterprises.form.editTitle", { name: enterprise.name })
          : t("enterprises.form.createTitle")
      }
      width={760}
      okTestId="enterprise-form-ok"
      pending={create.isPending || update.isPending}
      onOk={submit}
      onClose={onClose}
      form={form}
      optionalRows={CONTACT_ROWS}
      failure={failure}
    >
      <Form<EnterpriseValues>
        form={form}
        layout="vertical"
        name="enterprise"
        initialValues={
          enterprise ?? {
            kind: "manufacturer",
            keySupplier: false,
            status: "active",
            areaId: null,
            contacts: [{}],
          }
        }
      >
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item
              name="name"
              label={t("enterprises.column.name")}
              rules={[{ required: true, whitespace: true, message: t("enterprises.form.nameRequired") }]}
            >
              <Input maxLength={100} data-testid="enterprise-form-name" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item
              name="creditCode"
              label={t("enterprises.column.creditCode")}
              tooltip={t("enterprises.form.creditCodeHint")}
              normalize={normaliseCode}
              validateDebounce={300}
              rules={[
                { required: true, message: t("enterprises.form.creditCodeRequired") },
                {
                  // The server's own check and message, as the code is typed.
                  validator: (_rule, value: string | undefined) => {
                    const problem = value ? creditCodeProblem(value) : null;
                    return problem ? Promise.reject(new Error(tm(problem))) : Promise.resolve();
                  },
                },
              ]}
            >
              <Input maxLength={18} className="credit-code" data-testid="enterprise-form-code" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="kind" label={t("enterprises.column.kind")} rules={[{ required: true }]}>
              <Select<EnterpriseKind>
                options={ENTERPRISE_KINDS.map((value) => ({ value, label: t(`enterpriseKind.${value}`) }))}
                data-testid="enterprise-form-kind"
              />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="areaId" label={t("enterprises.column.township")}>
              <Select<number>
                allowClear
                showSearch={{ optionFilterProp: "label" }}
                loading={areas.isPending}
                placeholder={t("enterprises.form.townshipPlaceholder")}
                options={townships.map((a) => ({ value: a.id, label: a.name }))}
                data-testid="enterprise-form-township"
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="status" label={t("enterprises.column.status")} rules={[{ required: true }]}>
              <Select<EnterpriseStatus>
                options={ENTERPRISE_STATUSES.map((value) => ({
                  value,
                  label: t(`enterpriseStatus.${value}`),
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={18}>
            <Form.Item name="address" label={t("enterprises.column.address")}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="keySupplier" label={t("enterprises.keySupplier")} valuePropName="checked">
              <Switch data-testid="enterprise-form-key" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="note" label={t("enterprises.column.note")}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <ContactRows
          title={t("enterprises.form.contacts")}
          max={10}
          addLabel={t("enterprises.form.addContact")}
          columns={[
            {
              name: "name",
              span: 7,
              maxLength: 30,
              placeholder: t("enterprises.form.contactName"),
              requiredMessage: t("enterprises.form.contactNameRequired"),
            },
            { name: "role", span: 7, maxLength: 30, placeholder: t("enterprises.form.contactRole") },
            {
              name: "mobile",
              span: 8,
              maxLength: 20,
              placeholder: t("enterprises.form.contactMobile"),
              requiredMessage: t("enterprises.form.contactMobileRequired"),
            },
          ]}
        />
      </Form>
    </FormModal>
  );
}
