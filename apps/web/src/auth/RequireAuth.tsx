import { useQuery } from "@tanstack/react-query";
import { Button, Result, Spin } from "antd";
import { Navigate, Outlet, useLocation } from "react-router";
import { useI18n } from "../i18n";
import { errorInfo, isUnauthorized } from "../lib/errors";
import { trpc } from "../trpc";
import { CurrentUserContext } from "./current-user";
import { loginPath } from "./paths";

/** `auth.me` decides: a signed-in user sees the app, anyone else goes to the login page and comes back after. */
export function RequireAuth() {
  const { t, tm } = useI18n();
  const location = useLocation();
  const me = useQuery(trpc.auth.me.queryOptions(undefined, { staleTime: 5 * 60_000 }));

  if (me.isPending) {
    return (
      <div className="full-page-center">
        <Spin size="large" />
      </div>
    );
  }
  if (me.isError) {
    if (isUnauthorized(me.error)) return <Navigate to={loginPath(location)} replace />;
    return (
      <Result
        status="error"
        title={t("auth.loadFailed")}
        subTitle={errorInfo(me.error, t("errors.network"), tm).message}
        extra={
          <Button type="primary" onClick={() => me.refetch()}>
            {t("common.retry")}
          </Button>
        }
      />
    );
  }
  return (
    <CurrentUserContext.Provider value={me.data}>
      <Outlet />
    </CurrentUserContext.Provider>
  );
}
