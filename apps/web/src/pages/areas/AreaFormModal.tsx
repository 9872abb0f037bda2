import { useMutation } from "@tanstack/react-query";
import { Alert, App, Col, Form, Input, InputNumber, Radio, Row, Select } from "antd";
import { useFormFailure } from "../../components/FormFailure";
import { FormModal } from "../../components/FormModal";
import { useI18n } from "../../i18n";
import { type AreaItem, type AreaRecord, POPULATION_BASES, type PopulationBasis } from "../../lib/api-types";
import { queryClient, trpc } from "../../trpc";

interface AreaValues {
  name: string;
  kind: "village" | "community";
  population: number;
  populationYear: number;
  populationBasis: PopulationBasis;
  householdSize: number | null;
  lat: number | null;
  lon: number | null;
  contactName: string;
  contactPhone: string;
}

const FIGURES = [
  "name",
  "population",
  "populationYear",
  "populationBasis",
  "householdSize",
  "lat",
  "lon",
] as const;
/** Edited on an existing area only: a new village receives through its township until it has its own. */
const CONTACT = ["contactName", "contactPhone"] as const;
const FIELDS: readonly string[] = [...FIGURES, ...CONTACT, "kind"];

export type AreaFormTarget = { mode: "edit"; area: AreaRecord } | { mode: "create"; parent: AreaItem };

function initialValues(target: AreaFormTarget): Partial<AreaValues> {
  if (target.mode === "edit") {
    const { name, population, populationYear, populationBasis, householdSize, lat, lon } = target.area;
    const { contactName, contactPhone } = target.area;
    return {
      name,
      population,
      populationYear,
      populationBasis,
      householdSize,
      lat,
      lon,
      contactName,
      contactPhone,
    };
  }
  const { parent } = target;
  return {
    kind: parent.kind === "subdistrict" ? "community" : "village",
    populationYear: parent.populationYear,
    populationBasis: parent.populationBasis,
    householdSize: parent.householdSize,
  };
}

/** Edits an area's figures, or adds a village or community under a township. */
export function AreaFormModal({
  target,
  onSaved,
  onClose,
}: {
  target: AreaFormTarget;
  onSaved: (area: { parentId: number | null }) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<AreaValues>();
  const { failure, fail: onError, clear } = useFormFailure(form, FIELDS);

  const onSuccess = (saved: { parentId: number | null }) => {
    void queryClient.invalidateQueries(trpc.areas.pathFilter());
    message.success(t("common.saved"));
    onSaved(saved);
    onClose();
  };
  const update = useMutation(trpc.areas.update.mutationOptions({ onSuccess, onError }));
  const create = useMutation(trpc.areas.create.mutationOptions({ onSuccess, onError }));

  const submit = async () => {
    const values = await form.validateFields();
    clear();
    if (target.mode === "create") {
      create.mutate({ parentId: target.parent.id, ...values });
      return;
    }
    const { area } = target;
    const changes: Partial<Pick<AreaValues, (typeof FIGURES)[number] | (typeof CONTACT)[number]>> = {};
    for (const key of [...FIGURES, ...CONTACT]) {
      if (values[key] !== area[key]) Object.assign(changes, { [key]: values[key] });
    }
    if (Object.keys(changes).length === 0) {
      message.info(t("common.unchanged"));
      onClose();
      return;
    }
    update.mutate({ id: area.id, ...changes });
  };

  const title =
    target.mode === "edit"
      ? t("areas.form.editTitle", { name: target.area.name })
      : t("areas.form.createTitle", { parent: target.parent.name });

  return (
    <FormModal
      title={title}
      width={640}
      pending={update.isPending || create.isPending}
      onOk={submit}
      onClose={onClose}
      form={form}
      failure={failure}
    >
      <Form<AreaValues>
        form={form}
        name="area"
        layout="vertical"
        initialValues={initialValues(target)}
        onValuesChange={() => failure && clear()}
      >
        <Row gutter={16}>
          <Col span={target.mode === "create" ? 14 : 24}>
            <Form.Item
              name="name"
              label={t("areas.column.name")}
              rules={[{ required: true, whitespace: true, message: t("areas.form.nameRequired") }]}
            >
              <Input maxLength={50} data-testid="area-form-name" />
            </Form.Item>
          </Col>
          {target.mode === "create" && (
            <Col span={10}>
              <Form.Item name="kind" label={t("areas.column.kind")} rules={[{ required: true }]}>
                <Radio.Group
                  optionType="button"
                  options={[
                    { value: "community", label: t("kind.community") },
                    { value: "village", label: t("kind.village") },
                  ]}
                />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item
              name="population"
              label={t("areas.form.population")}
              rules={[{ required: true, message: t("areas.form.populationRequired") }]}
            >
              <InputNumber<number>
                className="full-width"
                min={0}
                precision={0}
                data-testid="area-form-population"
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="populationYear"
              label={t("areas.column.year")}
              rules={[{ required: true, message: t("areas.form.yearRequired") }]}
            >
              <InputNumber<number> className="full-width" precision={0} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="populationBasis"
              label={t("areas.column.basis")}
              rules={[{ required: true, message: t("areas.form.basisRequired") }]}
            >
              <Select options={POPULATION_BASES.map((value) => ({ value, label: t(`basis.${value}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="householdSize" label={t("areas.column.householdSize")}>
              <InputNumber<number> className="full-width" step={0.01} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="lat" label={t("areas.form.lat")}>
              <InputNumber<number> className="full-width" step={0.001} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="lon" label={t("areas.form.lon")}>
              <InputNumber<number> className="full-width" step={0.001} />
            </Form.Item>
          </Col>
        </Row>
        {target.mode === "edit" && (
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item
                name="contactName"
                label={t("areas.form.contactName")}
                tooltip={t("areas.form.contactHint")}
              >
                <Input maxLength={40} data-testid="area-form-contact-name" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="contactPhone" label={t("areas.form.contactPhone")}>
                <Input maxLength={20} data-testid="area-form-contact-phone" />
              </Form.Item>
            </Col>
          </Row>
        )}
        {target.mode === "edit" && target.area.populationBasis === "estimate" && (
          <Alert type="warning" showIcon title={t("basis.estimate.hint")} />
        )}
      </Form>
    </FormModal>
  );
}
