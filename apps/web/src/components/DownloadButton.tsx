import { DownloadOutlined } from "@ant-design/icons";
import { App, Button, type ButtonProps } from "antd";
import { type ReactNode, useId, useState } from "react";
import { useI18n } from "../i18n";
import { downloadBase64File } from "../lib/download";
import { errorInfo, isUnauthorized } from "../lib/errors";

export type FileResult = { fileName: string; contentBase64: string };

/**
 * A button that fetches a file from the API (`{ fileName, contentBase64 }`) and saves it. A large report takes
 * seconds to build, so a message says it is on its way until it arrives.
 */
export function DownloadButton({
  load,
  children,
  testId,
  icon = <DownloadOutlined />,
  ...props
}: Omit<ButtonProps, "onClick" | "loading" | "icon"> & {
  load: () => Promise<FileResult>;
  children: ReactNode;
  testId?: string;
  icon?: ReactNode;
}) {
  const { t, tm } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const progressKey = useId();
  const run = async () => {
    setBusy(true);
    message.loading({ key: progressKey, content: t("common.generatingFile"), duration: 0 });
    try {
      downloadBase64File(await load());
    } catch (error) {
      // A lost session is handled by sending the user to the login page.
      if (!isUnauthorized(error)) message.error(errorInfo(error, t("errors.network"), tm).message);
    } finally {
      message.destroy(progressKey);
      setBusy(false);
    }
  };
  return (
    <Button {...props} icon={icon} loading={busy} onClick={run} data-testid={testId}>
      {children}
    </Button>
  );
}
