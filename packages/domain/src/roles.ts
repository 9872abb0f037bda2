export const ROLES = ["admin", "civil_affairs", "commerce", "dispatcher", "leader"] as const;
export type Role = (typeof ROLES)[number];
