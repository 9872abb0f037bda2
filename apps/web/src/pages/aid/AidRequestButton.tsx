import { ShareAltOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useState } from "react";
import { useCurrentUser } from "../../auth/current-user";
import { useI18n } from "../../i18n";
import { AidRequestModal } from "./AidRequestModal";
import { canEditAid } from "./aidTypes";

/** 新建互助请求 beside an open incident's shortfalls, for those who raise requests. */
export function AidRequestButton({
  incidentId,
  open,
  size,
}: {
  incidentId: number;
  open: boolean;
  size?: "small";
}) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const [asking, setAsking] = useState(false);
  if (!open || !canEditAid(user.role)) return null;
  return (
    <>
      <Button
        size={size}
        icon={<ShareAltOutlined />}
        onClick={() => setAsking(true)}
        data-testid="aid-request-new"
      >
        {t("aid.action.request")}
      </Button>
      {asking && <AidRequestModal direction="out" incidentId={incidentId} onClose={() => setAsking(false)} />}
    </>
  );
}
