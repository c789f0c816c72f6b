import { PortalError, isRetryableStatus, portalFetch, readJson } from './portal-error';

/** Facebook's Graph API (also Instagram's): form-encoded calls, `{ error: { message, code } }` on failure. */
export class GraphApi {
  constructor(
    private readonly portal: 'Facebook' | 'Instagram',
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
  ) {}

  async call<T>(method: 'GET' | 'POST' | 'DELETE', path: string, accessToken: string, params: Record<string, string> = {}): Promise<{ status: number; body: T }> {
    const url = new URL(`${this.baseUrl.replace(/\/$/, '')}/${path}`);
    const form = new URLSearchParams(params);
    if (method === 'POST') form.set('access_token', accessToken);
    else {
      for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
      url.searchParams.set('access_token', accessToken);
    }
    const response = await portalFetch(this.portal, url.toString(), { method, body: method === 'POST' ? form : undefined }, this.timeoutMs);
    const body = await readJson(response);
    if (!response.ok && response.status !== 404) {
      const error = (body as { error?: { message?: string; code?: number } } | null)?.error;
      const message = error?.message ? `${this.portal}: ${error.message}${error.code ? ` (code ${error.code})` : ''}` : `${this.portal} answered HTTP ${response.status}`;
      throw new PortalError(message, isRetryableStatus(response.status), response.status);
    }
    return { status: response.status, body: body as T };
  }
}
