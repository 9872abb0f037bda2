import {
  AlertOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BankOutlined,
  CalculatorOutlined,
  CarryOutOutlined,
  CheckSquareOutlined,
  CloudUploadOutlined,
  ContainerOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  DeploymentUnitOutlined,
  DownOutlined,
  EnvironmentOutlined,
  FieldTimeOutlined,
  FileExcelOutlined,
  FileTextOutlined,
  FormOutlined,
  FundOutlined,
  GlobalOutlined,
  HomeOutlined,
  KeyOutlined,
  LogoutOutlined,
  NodeIndexOutlined,
  PrinterOutlined,
  ProfileOutlined,
  SafetyOutlined,
  SendOutlined,
  SettingOutlined,
  ShareAltOutlined,
  ShopOutlined,
  SolutionOutlined,
  SwapOutlined,
  TeamOutlined,
  TruckOutlined,
  WarningOutlined,
} from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { Button, Dropdown, Layout, Menu, type MenuProps, Space, Spin, Tag, Typography } from "antd";
import { type ReactNode, Suspense, useState } from "react";
import { useLocation, useNavigate } from "react-router";
import { AccountOutlet } from "../auth/AccountOutlet";
import { useCurrentUser } from "../auth/current-user";
import { LOGIN_PATH } from "../auth/paths";
import { LanguageSwitch } from "../components/LanguageSwitch";
import { type MessageKey, useI18n } from "../i18n";
import { queryClient, trpc } from "../trpc";
import { ChangePasswordModal } from "./ChangePasswordModal";
import { MENU_ACCESS, type MenuPath } from "./menu-access";

/** A menu entry; who sees it is `MENU_ACCESS`'s to say, by its path. */
interface NavEntry {
  path: MenuPath;
  label: MessageKey;
  icon: ReactNode;
  testId: string;
}

interface NavGroup {
  key: string;
  label: MessageKey;
  entries: readonly NavEntry[];
}

const NAV: ReadonlyArray<NavEntry | NavGroup> = [
  { path: "/", label: "nav.home", icon: <HomeOutlined />, testId: "nav-home" },
  {
    key: "portal",
    label: "portal.nav.group",
    entries: [
      { path: "/portal", label: "portal.nav.home", icon: <DashboardOutlined />, testId: "nav-portal" },
      {
        path: "/portal/declare",
        label: "portal.nav.declare",
        icon: <FormOutlined />,
        testId: "nav-portal-declare",
      },
      {
        path: "/portal/declarations",
        label: "portal.nav.declarations",
        icon: <ContainerOutlined />,
        testId: "nav-portal-declarations",
      },
      {
        path: "/portal/calloffs",
        label: "portal.nav.calloffs",
        icon: <SendOutlined />,
        testId: "nav-portal-calloffs",
      },
      {
        path: "/portal/credit",
        label: "portal.nav.credit",
        icon: <FundOutlined />,
        testId: "nav-portal-credit",
      },
    ],
  },
  { path: "/areas", label: "nav.areas", icon: <EnvironmentOutlined />, testId: "nav-areas" },
  {
    key: "reserves",
    label: "nav.reserves",
    entries: [
      {
        path: "/stock",
        label: "nav.stock",
        icon: <DatabaseOutlined />,
        testId: "nav-stock",
      },
      {
        path: "/stock/post",
        label: "nav.posting",
        icon: <FormOutlined />,
        testId: "nav-posting",
      },
      {
        path: "/stock/import",
        label: "nav.receiptImport",
        icon: <CloudUploadOutlined />,
        testId: "nav-receipt-import",
      },
      {
        path: "/documents",
        label: "nav.documents",
        icon: <FileTextOutlined />,
        testId: "nav-documents",
      },
      {
        path: "/stock/card",
        label: "nav.card",
        icon: <ProfileOutlined />,
        testId: "nav-card",
      },
      {
        path: "/counts",
        label: "nav.counts",
        icon: <CheckSquareOutlined />,
        testId: "nav-counts",
      },
      {
        path: "/expiry",
        label: "nav.expiry",
        icon: <FieldTimeOutlined />,
        testId: "nav-expiry",
      },
      {
        path: "/reservations",
        label: "nav.reservations",
        icon: <CarryOutOutlined />,
        testId: "nav-reservations",
      },
      {
        path: "/catalog",
        label: "nav.catalog",
        icon: <AppstoreOutlined />,
        testId: "nav-catalog",
      },
      {
        path: "/warehouses",
        label: "nav.warehouses",
        icon: <BankOutlined />,
        testId: "nav-warehouses",
      },
      {
        path: "/enterprises",
        label: "nav.enterprises",
        icon: <ShopOutlined />,
        testId: "nav-enterprises",
      },
      {
        path: "/agreements",
        label: "nav.agreements",
        icon: <SolutionOutlined />,
        testId: "nav-agreements",
      },
      {
        path: "/commerce/sheets",
        label: "nav.commerceSheets",
        icon: <FileExcelOutlined />,
        testId: "nav-commerce-sheets",
      },
    ],
  },
  {
    key: "coverage",
    label: "nav.coverage",
    entries: [
      {
        path: "/quotas",
        label: "nav.quotas",
        icon: <CalculatorOutlined />,
        testId: "nav-quotas",
      },
      {
        path: "/shelters",
        label: "nav.shelters",
        icon: <SafetyOutlined />,
        testId: "nav-shelters",
      },
      {
        path: "/coverage/report",
        label: "nav.coverageReport",
        icon: <PrinterOutlined />,
        testId: "nav-coverage-report",
      },
      { path: "/layout", label: "layout.nav.layout", icon: <DeploymentUnitOutlined />, testId: "nav-layout" },
      { path: "/risks", label: "layout.nav.risks", icon: <WarningOutlined />, testId: "nav-risks" },
    ],
  },
  {
    key: "dispatch",
    label: "nav.dispatch",
    entries: [
      { path: "/incidents", label: "nav.incidents", icon: <AlertOutlined />, testId: "nav-incidents" },
      { path: "/vehicles", label: "nav.vehicles", icon: <TruckOutlined />, testId: "nav-vehicles" },
      { path: "/roads", label: "nav.roads", icon: <NodeIndexOutlined />, testId: "nav-roads" },
      { path: "/aid", label: "aid.nav.requests", icon: <ShareAltOutlined />, testId: "nav-aid" },
      { path: "/aid/loans", label: "aid.nav.loans", icon: <SwapOutlined />, testId: "nav-aid-loans" },
      {
        path: "/neighbours",
        label: "aid.nav.neighbours",
        icon: <GlobalOutlined />,
        testId: "nav-neighbours",
      },
    ],
  },
  {
    key: "system",
    label: "nav.system",
    entries: [
      { path: "/users", label: "nav.users", icon: <TeamOutlined />, testId: "nav-users" },
      { path: "/audit", label: "nav.audit", icon: <AuditOutlined />, testId: "nav-audit" },
      { path: "/settings", label: "nav.settings", icon: <SettingOutlined />, testId: "nav-settings" },
    ],
  },
];

const isGroup = (n: NavEntry | NavGroup): n is NavGroup => "entries" in n;
const NAV_ENTRIES: readonly NavEntry[] = NAV.flatMap((n) => (isGroup(n) ? n.entries : [n]));

/** The menu entry for a page: the longest path that the address starts with (`/stock/card` before `/stock`). */
function selectedNav(pathname: string): string {
  const match = NAV_ENTRIES.filter(
    (n) => n.path !== "/" && (pathname === n.path || pathname.startsWith(`${n.path}/`)),
  ).sort((a, b) => b.path.length - a.path.length);
  return match[0]?.path ?? "/";
}

export function AppLayout() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const [changingPassword, setChangingPassword] = useState(false);

  const logout = useMutation(
    trpc.auth.logout.mutationOptions({
      onSettled() {
        queryClient.clear();
        navigate(LOGIN_PATH, { replace: true });
      },
    }),
  );

  const entryItem = (n: NavEntry) => ({
    key: n.path,
    icon: n.icon,
    label: <span data-testid={n.testId}>{t(n.label)}</span>,
  });
  const menuItems: MenuProps["items"] = NAV.flatMap((n): NonNullable<MenuProps["items"]> => {
    if (!isGroup(n)) return MENU_ACCESS[n.path](user.role) ? [entryItem(n)] : [];
    const children = n.entries.filter((e) => MENU_ACCESS[e.path](user.role)).map(entryItem);
    if (children.length === 0) return [];
    return [{ type: "group" as const, key: n.key, label: collapsed ? null : t(n.label), children }];
  });

  const accountItems: MenuProps["items"] = [
    {
      key: "password",
      icon: <KeyOutlined />,
      label: <span data-testid="change-password">{t("header.changePassword")}</span>,
    },
    { type: "divider" },
    {
      key: "logout",
      icon: <LogoutOutlined />,
      danger: true,
      label: <span data-testid="logout">{t("header.logout")}</span>,
    },
  ];

  return (
    <Layout className="app-layout">
      <Layout.Sider
        className="app-sider"
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="lg"
        width={200}
      >
        <div className="app-logo" title={t("app.title")}>
          {collapsed ? t("app.shortTitle").slice(0, 2) : t("app.shortTitle")}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          data-testid="side-menu"
          selectedKeys={[selectedNav(location.pathname)]}
          items={menuItems}
          onClick={({ key }) => navigate(key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <Typography.Title level={4} className="app-header-title">
            {t("app.title")}
          </Typography.Title>
          <Space size="middle">
            <LanguageSwitch />
            <Dropdown
              trigger={["click"]}
              menu={{
                items: accountItems,
                onClick: ({ key }) => {
                  if (key === "password") setChangingPassword(true);
                  if (key === "logout") logout.mutate();
                },
              }}
            >
              <Button type="text" data-testid="user-menu" loading={logout.isPending}>
                <span data-testid="current-user">{user.displayName}</span>
                <Tag color="blue" className="role-tag" data-testid="current-role">
                  {t(`role.${user.role}`)}
                </Tag>
                <DownOutlined />
              </Button>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout.Content className="app-content">
          <Suspense
            fallback={
              <div className="page-loading">
                <Spin />
              </div>
            }
          >
            <AccountOutlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      {changingPassword && <ChangePasswordModal onClose={() => setChangingPassword(false)} />}
    </Layout>
  );
}
