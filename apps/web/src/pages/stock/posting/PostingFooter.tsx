import { SaveOutlined } from "@ant-design/icons";
import { Button, Form, Input } from "antd";
import type { Rule } from "antd/es/form";
import { useI18n } from "../../../i18n";

/** The note field and submit button every posting form ends with; test ids are `<prefix>-note`, `<prefix>-submit`. */
export function PostingFooter({
  prefix,
  submitLabel,
  loading,
  noteRules = [],
}: {
  prefix: string;
  submitLabel: string;
  loading: boolean;
  noteRules?: Rule[];
}) {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name="note" label={t("posting.note")} className="posting-note" rules={noteRules}>
        <Input.TextArea
          maxLength={500}
          autoSize={{ minRows: 1, maxRows: 4 }}
          data-testid={`${prefix}-note`}
        />
      </Form.Item>
      <Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          icon={<SaveOutlined />}
          loading={loading}
          data-testid={`${prefix}-submit`}
        >
          {submitLabel}
        </Button>
      </Form.Item>
    </>
  );
}
