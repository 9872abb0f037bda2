import { Button, Result } from "antd";
import { Link, Navigate, Outlet, useLocation } from "react-router";
import { useI18n } from "../i18n";
import { isPortalUser } from "../lib/roles";
import { useCurrentUser } from "./current-user";

export const PORTAL_PATH = "/portal";

const inPortal = (pathname: string) => pathname === PORTAL_PATH || pathname.startsWith(`${PORTAL_PATH}/`);

/**
 * The page of the address, as far as the account may see it. An enterprise user's home is its portal; any
 * district page opened by address says plainly that it is not for this account, and never loads (the
 * server would refuse every call anyway).
 */
export function AccountOutlet() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const { pathname } = useLocation();
  if (!isPortalUser(user.role) || inPortal(pathname)) return <Outlet />;
  if (pathname === "/") return <Navigate to={PORTAL_PATH} replace />;
  return (
    <Result
      status="403"
      title={t("errors.forbiddenTitle")}
      subTitle={t("portal.notForAccount")}
      data-testid="portal-not-available"
      extra={
        <Link to={PORTAL_PATH}>
          <Button type="primary">{t("portal.backToPortal")}</Button>
        </Link>
      }
    />
  );
}
