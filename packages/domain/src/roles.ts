export const ROLES = ["admin", "civil_affairs", "commerce", "dispatcher", "leader", "enterprise"] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who may call what. The API declares every procedure with one of these groups and the web app decides what
 * it offers with the same groups, so a menu entry never leads to a refusal.
 */
/** Every role with a session: logging out, one's own account and password. */
export const SIGNED_IN: readonly Role[] = ROLES;
/**
 * The district's own staff: everything that shows district data. The enterprise user, a partner outside the
 * building, is not staff and reaches only its portal.
 */
export const STAFF: readonly Role[] = ["admin", "civil_affairs", "commerce", "dispatcher", "leader"];
/** A partner enterprise's own account, bound to that enterprise: the portal's procedures. */
export const PORTAL_USERS: readonly Role[] = ["enterprise"];
/** Who creates and disables accounts: administrators any, the commerce bureau only enterprise users. */
export const ACCOUNT_MANAGERS: readonly Role[] = ["admin", "commerce"];
export const ADMIN: readonly Role[] = ["admin"];
/** Who maintains the area register and its population figures. */
export const AREA_EDITORS: readonly Role[] = ["admin", "civil_affairs"];
/** Who maintains the material catalog. */
export const CATALOG_EDITORS: readonly Role[] = ["admin", "civil_affairs"];
/**
 * Who registers and edits warehouses. The core narrows it per warehouse by owner: civil affairs the
 * warehouses of civil-affairs kinds, the commerce bureau its own and the enterprise sites.
 */
export const WAREHOUSE_EDITORS: readonly Role[] = ["admin", "civil_affairs", "commerce"];
/**
 * Who posts stock documents and sets lot conditions. The core narrows it per warehouse: civil-affairs staff
 * post in the warehouses assigned to them, the commerce bureau in the warehouses it owns; a lot's condition
 * belongs to whoever owns every warehouse holding the lot.
 */
export const STOCK_KEEPERS: readonly Role[] = ["admin", "civil_affairs", "commerce"];
/** Ledger verification applies district-wide. */
export const STOCK_MANAGERS: readonly Role[] = ["admin", "civil_affairs"];
/** Reservations for a dispatch: stock keepers in their warehouses, dispatchers everywhere. */
export const DISPATCH_ROLES: readonly Role[] = ["admin", "civil_affairs", "commerce", "dispatcher"];
/** The commerce bureau keeps the register of partner enterprises and their agreements. */
export const ENTERPRISE_EDITORS: readonly Role[] = ["admin", "commerce"];
/** Quotas, shelters and coverage snapshots: civil affairs, who answer for the reserve target. */
export const COVERAGE_EDITORS: readonly Role[] = ["admin", "civil_affairs"];
/** The risk register and the reserve layout advice: civil affairs answer for the reserve; the leader and dispatchers read. */
export const LAYOUT_READERS: readonly Role[] = ["admin", "civil_affairs", "dispatcher", "leader"];
/** Who edits the risk register and the price list, asks for layout advice and accepts it. */
export const LAYOUT_EDITORS: readonly Role[] = ["admin", "civil_affairs"];
