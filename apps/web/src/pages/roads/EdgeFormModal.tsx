import { useMutation } from "@tanstack/react-query";
import { Col, Form, InputNumber, Row, Select, Switch } from "antd";
import { useFormFailure } from "../../components/FormFailure";
import { FormModal, useSaved } from "../../components/FormModal";
import { useI18n } from "../../i18n";
import { trpc } from "../../trpc";
import { CodeNameRow } from "./CodeNameRow";
import {
  CROSSINGS,
  type Crossing,
  ROAD_CLASSES,
  type RoadClass,
  type RoadEdge,
  type RoadNode,
} from "./roadTypes";

interface EdgeValues {
  code: string;
  name: string;
  fromNodeId?: number;
  toNodeId?: number;
  roadClass?: RoadClass;
  km?: number | null;
  speedKmh?: number | null;
  minutes?: number | null;
  crossing?: Crossing | null;
  oneWay: boolean;
  active: boolean;
}

const FIELDS = [
  "code",
  "name",
  "fromNodeId",
  "toNodeId",
  "roadClass",
  "km",
  "speedKmh",
  "minutes",
  "crossing",
  "oneWay",
  "active",
];

/**
 * Adds or edits a road. A length typed in is a surveyed one; left empty, a new road's length is estimated
 * from its ends and an existing road keeps its own.
 */
export function EdgeFormModal({
  edge,
  nodes,
  onClose,
}: {
  edge: RoadEdge | null;
  nodes: RoadNode[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<EdgeValues>();
  const { failure, fail, clear } = useFormFailure(form, FIELDS);
  const saved = useSaved(onClose, trpc.roads.pathFilter());
  const create = useMutation(trpc.roads.createEdge.mutationOptions({ onSuccess: saved, onError: fail }));
  const update = useMutation(trpc.roads.updateEdge.mutationOptions({ onSuccess: saved, onError: fail }));
  const roadClass = Form.useWatch("roadClass", form);
  const nodeOptions = nodes.map((n) => ({ value: n.id, label: `${n.code} ${n.name}` }));

  const submit = async () => {
    const v = await form.validateFields();
    clear();
    const fields = {
      code: v.code.trim(),
      name: v.name.trim(),
      fromNodeId: v.fromNodeId ?? 0,
      toNodeId: v.toNodeId ?? 0,
      roadClass: v.roadClass ?? "county",
      km: v.km ?? null,
      speedKmh: v.speedKmh ?? null,
      minutes: v.minutes ?? null,
      crossing: v.crossing ?? null,
      oneWay: v.oneWay,
      active: v.active,
    };
    if (edge) update.mutate({ id: edge.id, ...fields });
    else create.mutate(fields);
  };

  return (
    <FormModal
      title={edge ? t("roads.form.editEdge", { code: edge.code }) : t("roads.form.createEdge")}
      width={640}
      okTestId="road-edge-ok"
      pending={create.isPending || update.isPending}
      onOk={submit}
      onClose={onClose}
      form={form}
      failure={failure}
    >
      <Form<EdgeValues>
        form={form}
        layout="vertical"
        name="road-edge"
        initialValues={
          edge
            ? { ...edge, km: edge.km }
            : { code: "", name: "", oneWay: false, active: true, roadClass: "county" as RoadClass }
        }
      >
        <CodeNameRow what="edge" />
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="fromNodeId" label={t("roads.field.from")} rules={[{ required: true }]}>
              <Select<number> showSearch={{ optionFilterProp: "label" }} options={nodeOptions} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="toNodeId" label={t("roads.field.to")} rules={[{ required: true }]}>
              <Select<number> showSearch={{ optionFilterProp: "label" }} options={nodeOptions} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="roadClass" label={t("roads.field.roadClass")} rules={[{ required: true }]}>
              <Select<RoadClass>
                options={ROAD_CLASSES.map((c) => ({ value: c, label: t(`roads.class.${c}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="km"
              label={t("roads.column.km")}
              extra={edge ? t("roads.form.kmHintEdit") : t("roads.form.kmHintNew")}
            >
              <InputNumber<number>
                min={0.1}
                max={1000}
                step={0.1}
                className="full-width"
                data-testid="road-edge-km"
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="speedKmh" label={t("roads.column.speed")} extra={t("roads.form.speedHint")}>
              <InputNumber<number> min={1} max={130} className="full-width" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item
              name="minutes"
              label={t("roads.column.minutes")}
              rules={roadClass === "ferry" ? [{ required: true }] : undefined}
            >
              <InputNumber<number> min={1} max={1440} className="full-width" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="crossing" label={t("roads.field.crossing")}>
              <Select<Crossing>
                allowClear
                options={CROSSINGS.map((c) => ({ value: c, label: t(`roads.crossing.${c}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="oneWay" label={t("roads.column.oneWay")} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="active" label={t("roads.column.active")} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormModal>
  );
}
