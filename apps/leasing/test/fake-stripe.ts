import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';

export interface StripeCall {
  method: string;
  path: string;
  idempotencyKey?: string;
  authorization?: string;
  form: URLSearchParams;
}

/**
 * A small local server speaking Stripe's wire format (form-encoded requests, JSON objects,
 * Idempotency-Key replay) for the endpoints leasing uses, so the real `stripe` client is exercised.
 */
export async function startFakeStripe(): Promise<{ server: Server; url: string; calls: StripeCall[] }> {
  const calls: StripeCall[] = [];
  const replay = new Map<string, string>();
  const server = createServer(async (request, response) => {
    const form = new URLSearchParams(await readBody(request));
    const idempotencyKey = header(request, 'idempotency-key');
    calls.push({ method: request.method ?? '', path: request.url ?? '', idempotencyKey, authorization: header(request, 'authorization'), form });
    const send = (status: number, body: string): void => {
      response.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${randomBytes(6).toString('hex')}` });
      response.end(body);
    };
    const replayKey = idempotencyKey ? `${request.url}:${idempotencyKey}` : undefined;
    if (replayKey && replay.has(replayKey)) return send(200, replay.get(replayKey) ?? '');
    let body: Record<string, unknown>;
    if (request.method === 'POST' && request.url === '/v1/payment_intents') {
      const id = `pi_${randomBytes(8).toString('hex')}`;
      body = {
        id,
        object: 'payment_intent',
        amount: Number(form.get('amount')),
        currency: form.get('currency'),
        status: 'requires_payment_method',
        client_secret: `${id}_secret_${randomBytes(6).toString('hex')}`,
        metadata: Object.fromEntries([...form.entries()].filter(([key]) => key.startsWith('metadata[')).map(([key, value]) => [key.slice(9, -1), value])),
      };
    } else if (request.method === 'POST' && request.url === '/v1/refunds') {
      body = { id: `re_${randomBytes(8).toString('hex')}`, object: 'refund', amount: Number(form.get('amount')), payment_intent: form.get('payment_intent'), status: 'succeeded' };
    } else {
      return send(404, JSON.stringify({ error: { type: 'invalid_request_error', message: `Unrecognized request URL (${request.method}: ${request.url})` } }));
    }
    const text = JSON.stringify(body);
    if (replayKey) replay.set(replayKey, text);
    send(200, text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls };
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
