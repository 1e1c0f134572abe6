/**
 * Signs in through next-auth's own form POST (csrf, then callback/credentials) over plain HTTP and returns
 * the cookie header of the session: for the bench and the specs that drive a server without a browser.
 */
export async function signInOverHttp(baseURL: string, username: string, password: string, headers: Record<string, string> = {}): Promise<string> {
  const csrfResponse = await fetch(`${baseURL}/api/auth/csrf`, { headers });
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  keep(csrfResponse);
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const response = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers, "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ username, password, csrfToken, callbackUrl: "/" }),
  });
  keep(response);
  if (![...jar.keys()].some((k) => k.includes("session-token")))
    throw new Error(`${username} 登录失败：${response.status} ${response.headers.get("location")}`);
  return cookie();
}
