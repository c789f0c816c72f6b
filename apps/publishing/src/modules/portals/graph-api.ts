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
    return this.send<T>(url.toString(), method, method === 'POST' ? form : undefined);
  }

  /** A multipart POST with one file (`source`), as the Graph API takes photo uploads. */
  async upload<T>(path: string, accessToken: string, params: Record<string, string>, file: { fileName: string; contentType: string; bytes: Buffer }): Promise<{ status: number; body: T }> {
    const form = new FormData();
    for (const [key, value] of Object.entries(params)) form.append(key, value);
    form.append('access_token', accessToken);
    form.append('source', new Blob([new Uint8Array(file.bytes)], { type: file.contentType }), file.fileName);
    return this.send<T>(`${this.baseUrl.replace(/\/$/, '')}/${path}`, 'POST', form);
  }

  private async send<T>(url: string, method: string, body: URLSearchParams | FormData | undefined): Promise<{ status: number; body: T }> {
    const response = await portalFetch(this.portal, url, { method, body }, this.timeoutMs);
    const parsed = await readJson(response);
    if (!response.ok && response.status !== 404) {
      const error = (parsed as { error?: { message?: string; code?: number } } | null)?.error;
      const message = error?.message ? `${this.portal}: ${error.message}${error.code ? ` (code ${error.code})` : ''}` : `${this.portal} answered HTTP ${response.status}`;
      throw new PortalError(message, isRetryableStatus(response.status), response.status);
    }
    return { status: response.status, body: parsed as T };
  }
}
