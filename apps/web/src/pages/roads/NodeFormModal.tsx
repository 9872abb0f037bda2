import { useMutation, useQuery } from "@tanstack/react-query";
import { Col, Form, InputNumber, Row, Select, Switch } from "antd";
import { useFormFailure } from "../../components/FormFailure";
import { FormModal, useSaved } from "../../components/FormModal";
import { useI18n } from "../../i18n";
import { trpc } from "../../trpc";
import { CodeNameRow } from "./CodeNameRow";
import { ROAD_NODE_KINDS, type RoadNode, type RoadNodeKind } from "./roadTypes";

interface NodeValues {
  code: string;
  name: string;
  kind?: RoadNodeKind;
  lat?: number | null;
  lon?: number | null;
  areaId?: number | null;
  warehouseId?: number | null;
  active: boolean;
}

const FIELDS = ["code", "name", "kind", "lat", "lon", "areaId", "warehouseId", "active"];

/** Adds or edits a node; moving it re-estimates the roads at it whose length is only an estimate. */
export function NodeFormModal({ node, onClose }: { node: RoadNode | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<NodeValues>();
  const { failure, fail, clear } = useFormFailure(form, FIELDS);
  const saved = useSaved(onClose, trpc.roads.pathFilter());
  const create = useMutation(trpc.roads.createNode.mutationOptions({ onSuccess: saved, onError: fail }));
  const update = useMutation(trpc.roads.updateNode.mutationOptions({ onSuccess: saved, onError: fail }));
  const areas = useQuery(trpc.areas.list.queryOptions());
  const warehouses = useQuery(trpc.warehouses.list.queryOptions());
  const kind = Form.useWatch("kind", form);
  const townships = (areas.data?.areas ?? []).filter((a) => a.level === "township");

  const submit = async () => {
    const v = await form.validateFields();
    clear();
    const fields = {
      code: v.code.trim(),
      name: v.name.trim(),
      kind: v.kind ?? "junction",
      lat: v.lat ?? 0,
      lon: v.lon ?? 0,
      areaId: v.areaId ?? null,
      warehouseId: v.kind === "warehouse" ? (v.warehouseId ?? null) : null,
      active: v.active,
    };
    if (node) update.mutate({ id: node.id, ...fields });
    else create.mutate(fields);
  };

  return (
    <FormModal
      title={node ? t("roads.form.editNode", { code: node.code }) : t("roads.form.createNode")}
      width={600}
      okTestId="road-node-ok"
      pending={create.isPending || update.isPending}
      onOk={submit}
      onClose={onClose}
      form={form}
      failure={failure}
    >
      <Form<NodeValues>
        form={form}
        layout="vertical"
        name="road-node"
        initialValues={node ?? { code: "", name: "", kind: "junction" as RoadNodeKind, active: true }}
      >
        <CodeNameRow what="node" />
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="kind" label={t("roads.field.nodeKind")} rules={[{ required: true }]}>
              <Select<RoadNodeKind>
                options={ROAD_NODE_KINDS.map((k) => ({ value: k, label: t(`roads.nodeKind.${k}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="lat" label={t("roads.field.lat")} rules={[{ required: true }]}>
              <InputNumber<number> min={-90} max={90} step={0.001} className="full-width" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="lon" label={t("roads.field.lon")} rules={[{ required: true }]}>
              <InputNumber<number> min={-180} max={180} step={0.001} className="full-width" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="areaId" label={t("roads.field.township")}>
              <Select<number>
                allowClear
                showSearch={{ optionFilterProp: "label" }}
                options={townships.map((a) => ({ value: a.id, label: a.name }))}
              />
            </Form.Item>
          </Col>
          {kind === "warehouse" && (
            <Col span={12}>
              <Form.Item name="warehouseId" label={t("roads.field.warehouse")} rules={[{ required: true }]}>
                <Select<number>
                  showSearch={{ optionFilterProp: "label" }}
                  options={(warehouses.data ?? []).map((w) => ({
                    value: w.id,
                    label: `${w.name} ${w.code}`,
                  }))}
                />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Form.Item name="active" label={t("roads.column.active")} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
