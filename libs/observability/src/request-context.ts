import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line and every outgoing call carries about the request being served. */
export interface RequestContext {
  requestId: string;
  organizationId?: string;
  userId?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}
