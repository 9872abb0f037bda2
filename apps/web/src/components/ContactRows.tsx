import { PlusOutlined } from "@ant-design/icons";
import { Button, Col, Flex, Form, Input, Row, Typography } from "antd";
import { useI18n } from "../i18n";
import { RemoveRowButton } from "./RemoveRowButton";

/** One column of a contact row: the field, its width in a 24-column row, and its limits. */
export interface ContactColumn {
  name: string;
  span: number;
  maxLength: number;
  placeholder: string;
  /** Set for a required field: the message shown beside it when left blank. */
  requiredMessage?: string;
}

/**
 * The contacts of a register entry (an enterprise, a neighbouring district) as editable rows of the form's
 * `contacts` list, with a delete icon each and an add button up to `max` rows. A row left wholly blank is dropped
 * on save by the form dialog (`optionalRows`), so only a started row asks for its required fields.
 */
export function ContactRows({
  title,
  columns,
  max,
  addLabel,
}: {
  title: string;
  columns: ContactColumn[];
  max: number;
  addLabel: string;
}) {
  const { t } = useI18n();
  return (
    <>
      <Typography.Text strong>{title}</Typography.Text>
      <Form.List name="contacts">
        {(fields, { add, remove }) => (
          <Flex vertical gap={0} className="contacts-list">
            {fields.map((field) => (
              <Row key={field.key} gutter={8} align="top" data-testid={`contact-${field.name}`}>
                {columns.map((column) => (
                  <Col span={column.span} key={column.name}>
                    <Form.Item
                      name={[field.name, column.name]}
                      rules={
                        column.requiredMessage
                          ? [{ required: true, whitespace: true, message: column.requiredMessage }]
                          : undefined
                      }
                    >
                      <Input
                        maxLength={column.maxLength}
                        placeholder={column.placeholder}
                        data-testid={`contact-${field.name}-${column.name}`}
                      />
                    </Form.Item>
                  </Col>
                ))}
                <Col span={2}>
                  <RemoveRowButton label={t("common.delete")} onClick={() => remove(field.name)} />
                </Col>
              </Row>
            ))}
            {fields.length < max && (
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="contact-add">
                {addLabel}
              </Button>
            )}
          </Flex>
        )}
      </Form.List>
    </>
  );
}
