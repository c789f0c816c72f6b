/** A portal or social network refused or failed a call; `message` is what the portal said (never a credential). */
export class PortalError extends Error {
  override name = 'PortalError';

  constructor(
    message: string,
    /** A temporary failure (network, 5xx, 429): the job is tried again later. */
    readonly retryable: boolean,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** fetch with a timeout; network failures and timeouts become retryable PortalErrors naming the portal. */
export async function portalFetch(portal: string, url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : 'connection failed';
    throw new PortalError(`${portal}: ${reason}`, true);
  }
}

/** Temporary on the portal's side: worth another attempt. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

export async function readJson(response: Response): Promise<unknown> {
  const body = await response.text();
  if (!body) return null;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body.slice(0, 500);
  }
}
