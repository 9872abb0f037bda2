import type { Role } from "./api-types";

/** Who maintains the area register and population figures (mirrors the server's AREA_EDITORS). */
const AREA_EDITORS: readonly Role[] = ["admin", "civil_affairs"];

export function canEditAreas(role: Role): boolean {
  return AREA_EDITORS.includes(role);
}

export function isAdmin(role: Role): boolean {
  return role === "admin";
}
