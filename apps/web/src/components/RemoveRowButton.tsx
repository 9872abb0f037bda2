import { DeleteOutlined } from "@ant-design/icons";
import { Button, Tooltip } from "antd";

/** The delete icon at the end of an editable row (a pack, a contact, an agreement or posting line). */
export function RemoveRowButton({
  label,
  onClick,
  testId,
  small,
  tooltip,
}: {
  /** Read by screen readers, and shown on hover with `tooltip`. */
  label: string;
  onClick(): void;
  testId?: string;
  small?: boolean;
  tooltip?: boolean;
}) {
  const button = (
    <Button
      type="text"
      size={small ? "small" : undefined}
      danger
      icon={<DeleteOutlined />}
      onClick={onClick}
      aria-label={label}
      data-testid={testId}
    />
  );
  return tooltip ? <Tooltip title={label}>{button}</Tooltip> : button;
}
