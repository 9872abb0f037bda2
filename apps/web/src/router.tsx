import { lazy } from "react";
import { createBrowserRouter, Outlet } from "react-router";
import { LOGIN_PATH, loginPath } from "./auth/paths";
import { RequireAuth } from "./auth/RequireAuth";
import { RequireRole } from "./auth/RequireRole";
import { AppLayout } from "./layout/AppLayout";
import { canManageAccounts, canReadLayout, isAdmin, isPortalUser, isStockKeeper } from "./lib/roles";
import { onSessionLost } from "./lib/session";
import { LoginPage } from "./pages/login/LoginPage";
import { queryClient, trpc } from "./trpc";

// Pages load on first visit; the login page and the frame come with the first download.
const HomePage = lazy(() => import("./pages/home/HomePage").then((m) => ({ default: m.HomePage })));
const AreasPage = lazy(() => import("./pages/areas/AreasPage").then((m) => ({ default: m.AreasPage })));
const UsersPage = lazy(() => import("./pages/users/UsersPage").then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import("./pages/audit/AuditPage").then((m) => ({ default: m.AuditPage })));
const SettingsPage = lazy(() =>
  import("./pages/settings/SettingsPage").then((m) => ({ default: m.SettingsPage })),
);
const StockPage = lazy(() => import("./pages/stock/StockPage").then((m) => ({ default: m.StockPage })));
const PostingPage = lazy(() => import("./pages/stock/PostingPage").then((m) => ({ default: m.PostingPage })));
const ReceiptImportPage = lazy(() =>
  import("./pages/stock/ReceiptImportPage").then((m) => ({ default: m.ReceiptImportPage })),
);
const StockCardPage = lazy(() =>
  import("./pages/stock/StockCardPage").then((m) => ({ default: m.StockCardPage })),
);
const ExpiryPage = lazy(() => import("./pages/stock/ExpiryPage").then((m) => ({ default: m.ExpiryPage })));
const ReservationsPage = lazy(() =>
  import("./pages/stock/ReservationsPage").then((m) => ({ default: m.ReservationsPage })),
);
const DocumentsPage = lazy(() =>
  import("./pages/documents/DocumentsPage").then((m) => ({ default: m.DocumentsPage })),
);
const DocumentDetailPage = lazy(() =>
  import("./pages/documents/DocumentDetailPage").then((m) => ({ default: m.DocumentDetailPage })),
);
const CountsPage = lazy(() => import("./pages/counts/CountsPage").then((m) => ({ default: m.CountsPage })));
const CountSheetPage = lazy(() =>
  import("./pages/counts/CountSheetPage").then((m) => ({ default: m.CountSheetPage })),
);
const CountPrintPage = lazy(() =>
  import("./pages/counts/CountPrintPage").then((m) => ({ default: m.CountPrintPage })),
);
const CatalogPage = lazy(() =>
  import("./pages/catalog/CatalogPage").then((m) => ({ default: m.CatalogPage })),
);
const WarehousesPage = lazy(() =>
  import("./pages/warehouses/WarehousesPage").then((m) => ({ default: m.WarehousesPage })),
);
const EnterprisesPage = lazy(() =>
  import("./pages/enterprises/EnterprisesPage").then((m) => ({ default: m.EnterprisesPage })),
);
const EnterpriseDetailPage = lazy(() =>
  import("./pages/enterprises/EnterpriseDetailPage").then((m) => ({ default: m.EnterpriseDetailPage })),
);
const AgreementsPage = lazy(() =>
  import("./pages/agreements/AgreementsPage").then((m) => ({ default: m.AgreementsPage })),
);
const AgreementDetailPage = lazy(() =>
  import("./pages/agreements/AgreementDetailPage").then((m) => ({ default: m.AgreementDetailPage })),
);
const CommerceSheetsPage = lazy(() =>
  import("./pages/commerce/CommerceSheetsPage").then((m) => ({ default: m.CommerceSheetsPage })),
);
const QuotasPage = lazy(() => import("./pages/quotas/QuotasPage").then((m) => ({ default: m.QuotasPage })));
const SheltersPage = lazy(() =>
  import("./pages/shelters/SheltersPage").then((m) => ({ default: m.SheltersPage })),
);
const CoverageReportPage = lazy(() =>
  import("./pages/coverage/CoverageReportPage").then((m) => ({ default: m.CoverageReportPage })),
);
const VehiclesPage = lazy(() =>
  import("./pages/vehicles/VehiclesPage").then((m) => ({ default: m.VehiclesPage })),
);
const PlanPage = lazy(() => import("./pages/dispatch/PlanPage").then((m) => ({ default: m.PlanPage })));
const OrderPage = lazy(() => import("./pages/dispatch/OrderPage").then((m) => ({ default: m.OrderPage })));
const OrderPrintPage = lazy(() =>
  import("./pages/dispatch/OrderPrintPage").then((m) => ({ default: m.OrderPrintPage })),
);
const IncidentsPage = lazy(() =>
  import("./pages/incidents/IncidentsPage").then((m) => ({ default: m.IncidentsPage })),
);
const IncidentDetailPage = lazy(() =>
  import("./pages/incidents/IncidentDetailPage").then((m) => ({ default: m.IncidentDetailPage })),
);
const IncidentProgressPage = lazy(() =>
  import("./pages/incidents/IncidentProgressPage").then((m) => ({ default: m.IncidentProgressPage })),
);
const IncidentSummaryPrintPage = lazy(() =>
  import("./pages/incidents/IncidentSummaryPrintPage").then((m) => ({ default: m.IncidentSummaryPrintPage })),
);
const RoadsPage = lazy(() => import("./pages/roads/RoadsPage").then((m) => ({ default: m.RoadsPage })));
const PortalHomePage = lazy(() =>
  import("./pages/portal/PortalHomePage").then((m) => ({ default: m.PortalHomePage })),
);
const PortalDeclarePage = lazy(() =>
  import("./pages/portal/PortalDeclarePage").then((m) => ({ default: m.PortalDeclarePage })),
);
const PortalDeclarationsPage = lazy(() =>
  import("./pages/portal/PortalDeclarationsPage").then((m) => ({ default: m.PortalDeclarationsPage })),
);
const PortalCalloffsPage = lazy(() =>
  import("./pages/portal/PortalCalloffsPage").then((m) => ({ default: m.PortalCalloffsPage })),
);
const PortalCreditPage = lazy(() =>
  import("./pages/portal/PortalCreditPage").then((m) => ({ default: m.PortalCreditPage })),
);
const AidListPage = lazy(() => import("./pages/aid/AidListPage").then((m) => ({ default: m.AidListPage })));
const AidPage = lazy(() => import("./pages/aid/AidPage").then((m) => ({ default: m.AidPage })));
const AidPrintPage = lazy(() =>
  import("./pages/aid/AidPrintPage").then((m) => ({ default: m.AidPrintPage })),
);
const LoansPage = lazy(() => import("./pages/aid/LoansPage").then((m) => ({ default: m.LoansPage })));
const NeighboursPage = lazy(() =>
  import("./pages/neighbours/NeighboursPage").then((m) => ({ default: m.NeighboursPage })),
);
const NeighbourDetailPage = lazy(() =>
  import("./pages/neighbours/NeighbourDetailPage").then((m) => ({ default: m.NeighbourDetailPage })),
);
const LayoutPage = lazy(() => import("./pages/layout/LayoutPage").then((m) => ({ default: m.LayoutPage })));
const RisksPage = lazy(() => import("./pages/risks/RisksPage").then((m) => ({ default: m.RisksPage })));
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
          { path: "stock", element: <StockPage /> },
          {
            path: "stock/post",
            element: (
              <RequireRole allow={isStockKeeper}>
                <PostingPage />
              </RequireRole>
            ),
          },
          {
            path: "stock/import",
            element: (
              <RequireRole allow={isStockKeeper}>
                <ReceiptImportPage />
              </RequireRole>
            ),
          },
          { path: "stock/card", element: <StockCardPage /> },
          { path: "expiry", element: <ExpiryPage /> },
          { path: "reservations", element: <ReservationsPage /> },
          { path: "documents", element: <DocumentsPage /> },
          { path: "documents/:id", element: <DocumentDetailPage /> },
          { path: "counts", element: <CountsPage /> },
          { path: "counts/:id", element: <CountSheetPage /> },
          { path: "counts/:id/print", element: <CountPrintPage /> },
          { path: "catalog", element: <CatalogPage /> },
          { path: "warehouses", element: <WarehousesPage /> },
          { path: "enterprises", element: <EnterprisesPage /> },
          { path: "enterprises/:id", element: <EnterpriseDetailPage /> },
          { path: "agreements", element: <AgreementsPage /> },
          { path: "agreements/:id", element: <AgreementDetailPage /> },
          { path: "commerce/sheets", element: <CommerceSheetsPage /> },
          {
            path: "users",
            element: (
              <RequireRole allow={canManageAccounts}>
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
          {
            path: "settings",
            element: (
              <RequireRole allow={isAdmin}>
                <SettingsPage />
              </RequireRole>
            ),
          },
          { path: "quotas", element: <QuotasPage /> },
          { path: "shelters", element: <SheltersPage /> },
          { path: "coverage/report", element: <CoverageReportPage /> },
          {
            path: "layout",
            element: (
              <RequireRole allow={canReadLayout}>
                <LayoutPage />
              </RequireRole>
            ),
          },
          {
            path: "risks",
            element: (
              <RequireRole allow={canReadLayout}>
                <RisksPage />
              </RequireRole>
            ),
          },
          { path: "incidents", element: <IncidentsPage /> },
          { path: "incidents/:id", element: <IncidentDetailPage /> },
          { path: "incidents/:id/plan", element: <PlanPage /> },
          { path: "incidents/:id/progress", element: <IncidentProgressPage /> },
          { path: "incidents/:id/summary/print", element: <IncidentSummaryPrintPage /> },
          { path: "dispatch/orders/:id", element: <OrderPage /> },
          { path: "dispatch/orders/:id/print", element: <OrderPrintPage /> },
          { path: "vehicles", element: <VehiclesPage /> },
          { path: "roads", element: <RoadsPage /> },
          { path: "aid", element: <AidListPage /> },
          { path: "aid/loans", element: <LoansPage /> },
          { path: "aid/:id", element: <AidPage /> },
          { path: "aid/:id/print", element: <AidPrintPage /> },
          { path: "neighbours", element: <NeighboursPage /> },
          { path: "neighbours/:id", element: <NeighbourDetailPage /> },
          {
            path: "portal",
            element: (
              <RequireRole allow={isPortalUser}>
                <Outlet />
              </RequireRole>
            ),
            children: [
              { index: true, element: <PortalHomePage /> },
              { path: "declare", element: <PortalDeclarePage /> },
              { path: "declarations", element: <PortalDeclarationsPage /> },
              { path: "calloffs", element: <PortalCalloffsPage /> },
              { path: "credit", element: <PortalCreditPage /> },
            ],
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
