import type { Role, users } from "@relief/db";

export interface UserView {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** The partner enterprise an enterprise user acts for; null for every other role. */
  enterpriseId: number | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export function toUserView(row: typeof users.$inferSelect): UserView {
  const { passwordHash: _hidden, ...view } = row;
  return view;
}
