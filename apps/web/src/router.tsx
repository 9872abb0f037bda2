import { lazy } from "react";
import { createBrowserRouter } from "react-router";
import { LOGIN_PATH, loginPath } from "./auth/paths";
import { RequireAuth } from "./auth/RequireAuth";
import { RequireRole } from "./auth/RequireRole";
import { AppLayout } from "./layout/AppLayout";
import { isAdmin } from "./lib/roles";
import { onSessionLost } from "./lib/session";
import { LoginPage } from "./pages/login/LoginPage";
import { queryClient, trpc } from "./trpc";

// Pages load on first visit; the login page and the frame come with the first download.
const HomePage = lazy(() => import("./pages/home/HomePage").then((m) => ({ default: m.HomePage })));
const AreasPage = lazy(() => import("./pages/areas/AreasPage").then((m) => ({ default: m.AreasPage })));
const UsersPage = lazy(() => import("./pages/users/UsersPage").then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import("./pages/audit/AuditPage").then((m) => ({ default: m.AuditPage })));
const NotFoundPage = lazy(() =>
  import("./pages/errors/NotFoundPage").then((m) => ({ default: m.NotFoundPage })),
);

export const router = createBrowserRouter([
  { path: LOGIN_PATH, element: <LoginPage /> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomePage /> },
          { path: "areas", element: <AreasPage /> },
          {
            path: "users",
            element: (
              <RequireRole allow={isAdmin}>
                <UsersPage />
              </RequireRole>
            ),
          },
          {
            path: "audit",
            element: (
              <RequireRole allow={isAdmin}>
                <AuditPage />
              </RequireRole>
            ),
          },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

/**
 * Any call answered UNAUTHORIZED sends the user to the login page, which brings them back afterwards.
 * A user who was signed in (a cached `auth.me`) is told the session ended.
 */
onSessionLost(() => {
  const { location } = router.state;
  if (location.pathname === LOGIN_PATH) return;
  const wasSignedIn = queryClient.getQueryState(trpc.auth.me.queryKey())?.status === "success";
  void router.navigate(loginPath(location), { replace: true, state: { expired: wasSignedIn } });
});
