/** Plain-fetch helpers for tests that talk to a server the way curl would: one session cookie, raw JSON. */

export async function login(url: string, username: string, password = "relief-demo"): Promise<string> {
  const response = await fetch(`${url}/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (!response.ok || !cookie) throw new Error(`login failed: ${response.status}`);
  return cookie;
}

export async function call(
  url: string,
  cookie: string,
  procedure: string,
  input: unknown,
  method: "GET" | "POST",
) {
  const target =
    method === "GET" && input !== undefined
      ? `${url}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`
      : `${url}/trpc/${procedure}`;
  const response = await fetch(target, {
    method,
    headers: { "content-type": "application/json", cookie },
    ...(method === "POST" && { body: JSON.stringify(input) }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { result?: { data: unknown }; error?: { message: string } },
  };
}
