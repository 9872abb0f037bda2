import { Flex, Typography } from "antd";
import type { ReactNode } from "react";

/**
 * A table cell naming an item, warehouse or place over its code in smaller secondary text; without a code the
 * second line is left out. `testId` marks the name, which the browser tests read.
 */
export function NameCodeCell({ name, code, testId }: { name: ReactNode; code?: ReactNode; testId?: string }) {
  return (
    <Flex vertical>
      <span data-testid={testId}>{name}</span>
      {code ? (
        <Typography.Text type="secondary" className="cell-code">
          {code}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
