import { Session, bearer } from '../../support/session';
import { sleep } from './probe';

/** Request ids identity stored audit entries for, of the organization's requests with `method`. */
async function auditedRequestIds(baseUrl: string, session: Session, method: string): Promise<Set<string>> {
  const ids = new Set<string>();
  for (let page = 1; ; page += 1) {
    const response = await fetch(`${baseUrl}/audit-logs?method=${method}&size=100&page=${page}`, { headers: bearer(session) });
    if (response.status !== 200) return ids;
    const body = (await response.json()) as { items: { requestId: string }[] };
    body.items.forEach((item) => ids.add(item.requestId));
    if (body.items.length < 100) return ids;
  }
}

/** The request ids among `requestIds` whose audit entry identity has not stored within `timeoutMs`. */
export async function missingAuditEntries(baseUrl: string, session: Session, method: string, requestIds: string[], timeoutMs = 30_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const audited = await auditedRequestIds(baseUrl, session, method);
    const missing = requestIds.filter((id) => !audited.has(id));
    if (missing.length === 0 || Date.now() > deadline) return missing;
    await sleep(500);
  }
}
