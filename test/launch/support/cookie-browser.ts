/**
 * A browser without a page, for HTTP tests of the launch: follows redirects itself (recording
 * each hop) and keeps cookies, as a browser would for these loopback hosts.
 */

export interface Hop {
  url: URL;
  status: number;
  location?: string;
  setCookie: string[];
}

export class CookieBrowser {
  readonly cookies = new Map<string, string>();
  readonly headers: Record<string, string>;

  constructor(headers: Record<string, string> = {}) {
    this.headers = headers;
  }

  private cookieHeader(): string | undefined {
    return this.cookies.size === 0 ? undefined : [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** One request, no redirect followed. */
  async get(url: string | URL, rewrite?: (url: URL) => URL): Promise<{ hop: Hop; body: string; response: Response }> {
    let target = new URL(url);
    if (rewrite) target = rewrite(target);
    const cookie = this.cookieHeader();
    const response = await fetch(target, { redirect: 'manual', headers: { ...this.headers, ...(cookie !== undefined && { cookie }) } });
    const setCookie = response.headers.getSetCookie();
    for (const c of setCookie) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
    const location = response.headers.get('location') ?? undefined;
    return { hop: { url: target, status: response.status, ...(location !== undefined && { location }), setCookie }, body: await response.text(), response };
  }

  /** Follows redirects (at most 10); `rewrite` may change a hop's URL before it is requested (the test standing in for the EHR). */
  async follow(url: string | URL, rewrite?: (url: URL) => URL): Promise<{ hops: Hop[]; final: Hop; body: string; response: Response }> {
    const hops: Hop[] = [];
    let next: URL | undefined = new URL(url);
    for (let i = 0; i < 10 && next !== undefined; i++) {
      const { hop, body, response } = await this.get(next, rewrite);
      hops.push(hop);
      if (hop.location === undefined || hop.status < 300 || hop.status >= 400) return { hops, final: hop, body, response };
      next = new URL(hop.location, hop.url);
    }
    throw new Error('too many redirects');
  }
}
