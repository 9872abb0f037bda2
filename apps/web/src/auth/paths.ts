export const LOGIN_PATH = "/login";

/** The login page's address, remembering where the user was going. */
export function loginPath(from: { pathname: string; search: string }): string {
  const target = `${from.pathname}${from.search}`;
  if (from.pathname === LOGIN_PATH || target === "/") return LOGIN_PATH;
  return `${LOGIN_PATH}?next=${encodeURIComponent(target)}`;
}

/** Only same-site paths are followed after logging in, never another origin. */
export function safeNext(next: string | null): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith(LOGIN_PATH)) return "/";
  return next;
}
