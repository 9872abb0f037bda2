import { Result } from "antd";
import type { ReactNode } from "react";
import { useI18n } from "../i18n";
import type { Role } from "../lib/api-types";
import { useCurrentUser } from "./current-user";

/** Pages only some roles may open; the server refuses the calls anyway, this just says so plainly. */
export function RequireRole({ allow, children }: { allow: (role: Role) => boolean; children: ReactNode }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  if (!allow(user.role)) {
    return <Result status="403" title={t("errors.forbiddenTitle")} subTitle={t("errors.forbiddenPage")} />;
  }
  return children;
}
