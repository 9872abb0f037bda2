import { Col, Form, Input, Row } from "antd";
import { useI18n } from "../../i18n";

/** The code and name every node and road carries, first row of both forms: `road-<what>-code`, `-name`. */
export function CodeNameRow({ what }: { what: "node" | "edge" }) {
  const { t } = useI18n();
  return (
    <Row gutter={12}>
      <Col span={8}>
        <Form.Item name="code" label={t("roads.field.code")} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={20} data-testid={`road-${what}-code`} />
        </Form.Item>
      </Col>
      <Col span={16}>
        <Form.Item name="name" label={t("roads.field.name")} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={60} data-testid={`road-${what}-name`} />
        </Form.Item>
      </Col>
    </Row>
  );
}
