import { createContext, useContext } from "react";
import type { CurrentUser } from "../lib/api-types";

export const CurrentUserContext = createContext<CurrentUser | null>(null);

/** The signed-in user; only used below RequireAuth, which renders nothing until `auth.me` answered. */
export function useCurrentUser(): CurrentUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error("useCurrentUser must be used below RequireAuth");
  return user;
}
