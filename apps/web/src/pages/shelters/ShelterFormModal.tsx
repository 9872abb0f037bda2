import { useMutation, useQuery } from "@tanstack/react-query";
import { Col, Form, Input, InputNumber, Row, Select } from "antd";
import { useFormFailure } from "../../components/FormFailure";
import { FormModal, useSaved } from "../../components/FormModal";
import { useI18n } from "../../i18n";
import {
  SHELTER_STATUSES,
  SHELTER_TYPES,
  type ShelterInput,
  type ShelterStatus,
  type ShelterType,
  type ShelterView,
} from "../../lib/coverage";
import { trpc } from "../../trpc";

interface ShelterValues {
  name: string;
  areaId?: number;
  type?: ShelterType;
  capacity: number | null;
  areaM2: number | null;
  address?: string;
  lat: number | null;
  lon: number | null;
  status: ShelterStatus;
  note?: string | null;
}

const FIELDS = ["name", "areaId", "type", "capacity", "areaM2", "address", "lat", "lon", "status", "note"];

/** Registers or edits a shelter: township, type, overnight capacity, area, address, position, status. */
export function ShelterFormModal({ shelter, onClose }: { shelter: ShelterView | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<ShelterValues>();
  const { failure, fail, clear } = useFormFailure(form, FIELDS);
  const areas = useQuery(trpc.areas.list.queryOptions());
  const townships = (areas.data?.areas ?? []).filter((a) => a.level === "township");
  const onSuccess = useSaved(onClose, trpc.shelters.pathFilter(), trpc.coverage.pathFilter());
  const create = useMutation(trpc.shelters.create.mutationOptions({ onSuccess, onError: fail }));
  const update = useMutation(trpc.shelters.update.mutationOptions({ onSuccess, onError: fail }));

  const submit = async () => {
    const v = await form.validateFields();
    clear();
    const note = v.note?.trim() ?? "";
    const input: ShelterInput = {
      name: v.name.trim(),
      areaId: v.areaId ?? 0,
      type: v.type ?? "other",
      capacity: v.capacity ?? 0,
      areaM2: v.areaM2 ?? null,
      address: v.address?.trim() ?? "",
      lat: v.lat ?? null,
      lon: v.lon ?? null,
      status: v.status,
      note: note === "" ? null : note,
    };
    if (shelter) update.mutate({ id: shelter.id, ...input });
    else create.mutate(input);
  };

  return (
    <FormModal
      title={shelter ? t("shelters.form.editTitle", { name: shelter.name }) : t("shelters.form.createTitle")}
      width={760}
      okTestId="shelter-form-ok"
      pending={create.isPending || update.isPending}
      onOk={submit}
      onClose={onClose}
      form={form}
      failure={failure}
    >
      <Form<ShelterValues>
        form={form}
        layout="vertical"
        name="shelter"
        initialValues={
          shelter
            ? {
                name: shelter.name,
                areaId: shelter.areaId,
                type: shelter.type,
                capacity: shelter.capacity,
                areaM2: shelter.areaM2,
                address: shelter.address,
                lat: shelter.lat,
                lon: shelter.lon,
                status: shelter.status,
                note: shelter.note,
              }
            : { type: "park", status: "open", capacity: null, areaM2: null, lat: null, lon: null }
        }
      >
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item
              name="name"
              label={t("shelters.column.name")}
              rules={[{ required: true, whitespace: true, message: t("shelters.form.nameRequired") }]}
            >
              <Input maxLength={100} data-testid="shelter-form-name" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item
              name="areaId"
              label={t("shelters.column.township")}
              rules={[{ required: true, message: t("shelters.form.townshipRequired") }]}
            >
              <Select<number>
                showSearch={{ optionFilterProp: "label" }}
                loading={areas.isPending}
                placeholder={t("shelters.form.townshipPlaceholder")}
                options={townships.map((a) => ({ value: a.id, label: a.name }))}
                data-testid="shelter-form-township"
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="type" label={t("shelters.column.type")} rules={[{ required: true }]}>
              <Select<ShelterType>
                options={SHELTER_TYPES.map((value) => ({ value, label: t(`shelterType.${value}`) }))}
                data-testid="shelter-form-type"
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="capacity"
              label={t("shelters.form.capacity")}
              tooltip={t("shelters.form.capacityHint")}
              rules={[{ required: true, message: t("shelters.form.capacityRequired") }]}
            >
              <InputNumber<number>
                precision={0}
                className="full-width"
                suffix={t("common.people")}
                data-testid="shelter-form-capacity"
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="areaM2" label={t("shelters.column.areaM2")}>
              <InputNumber<number> min={0} className="full-width" data-testid="shelter-form-area-m2" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="address" label={t("shelters.form.address")}>
          <Input maxLength={200} data-testid="shelter-form-address" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="lat" label={t("shelters.form.lat")}>
              <InputNumber<number> step={0.001} className="full-width" data-testid="shelter-form-lat" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="lon" label={t("shelters.form.lon")}>
              <InputNumber<number> step={0.001} className="full-width" data-testid="shelter-form-lon" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="status" label={t("shelters.column.status")} rules={[{ required: true }]}>
              <Select<ShelterStatus>
                options={SHELTER_STATUSES.map((value) => ({ value, label: t(`shelterStatus.${value}`) }))}
                data-testid="shelter-form-status"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="note" label={t("shelters.column.note")}>
          <Input.TextArea
            maxLength={500}
            autoSize={{ minRows: 1, maxRows: 3 }}
            data-testid="shelter-form-note"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
