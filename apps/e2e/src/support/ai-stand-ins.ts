import { createHash } from 'node:crypto';
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';

/** Vector size of the stand-in embeddings (set EMBEDDING_DIMENSION to it). */
export const DIMENSION = 32;

type Json = Record<string, unknown>;
type Point = { id: string; vector: number[]; payload: Json };
type Condition = { key?: string; match?: { value: unknown }; has_id?: string[] };
type Filter = { must?: Condition[]; must_not?: Condition[] };

/** A JSON server on 127.0.0.1 for the stand-ins below. */
async function jsonServer(route: (method: string, path: string, body: Json) => [number, unknown]): Promise<{ url: string; server: Server }> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => {
      const raw = Buffer.concat(parts).toString('utf8');
      const [status, body] = route(req.method ?? 'GET', new URL(req.url ?? '/', 'http://x').pathname, raw ? JSON.parse(raw) : {});
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** Bag-of-words vectors: texts sharing words are close in cosine. */
function embed(text: string): number[] {
  const vector = new Array<number>(DIMENSION).fill(0);
  for (const word of text.toLowerCase().match(/[a-z]{3,}/g) ?? []) vector[createHash('sha256').update(word).digest().readUInt32BE(0) % DIMENSION] += 1;
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0)) || 1;
  return vector.map((value) => value / norm);
}

/**
 * Ollama's /api/embed, /api/chat and /api/tags: calls list_vacant_units for "vacant" questions, else
 * answers from excerpt [1]. Also an OpenAI-compatible /v1/chat/completions for the cloud LLM.
 */
export function ollamaStandIn() {
  return jsonServer((_method, path, body) => {
    if (path === '/api/tags') return [200, { models: [] }];
    if (path === '/v1/models') return [200, { object: 'list', data: [] }];
    if (path === '/v1/chat/completions') {
      return [200, { id: 'stand-in', object: 'chat.completion', created: 0, model: body.model, choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: 'I do not know.' } }] }];
    }
    if (path === '/api/embed') return [200, { model: body.model, embeddings: (body.input as string[]).map(embed) }];
    const messages = body.messages as { role: string; content: string; tool_name?: string }[];
    const question = [...messages].reverse().find((message) => message.role === 'user')?.content ?? '';
    const tools = messages.filter((message) => message.role === 'tool');
    if (/vacant/i.test(question) && Array.isArray(body.tools) && tools.length === 0) {
      return [200, { model: body.model, done: true, message: { role: 'assistant', content: '', tool_calls: [{ function: { name: 'list_vacant_units', arguments: {} } }] } }];
    }
    const excerpt = /\[1\] [^\n]*\n([^\n]+)/.exec(messages[0].content);
    const content = [excerpt ? `${excerpt[1]} [1]` : '', ...tools.map((tool) => `Live: ${tool.content}`)].filter(Boolean).join('\n') || 'I do not know.';
    return [200, { model: body.model, done: true, message: { role: 'assistant', content } }];
  });
}

/** Qdrant's collection and points API in memory, filtering by payload and ranking by cosine similarity. */
export function qdrantStandIn() {
  const collections = new Map<string, Map<string, Point>>();
  const holds = (point: Point, condition: Condition) =>
    condition.has_id ? condition.has_id.includes(point.id) : point.payload[condition.key ?? ''] === condition.match?.value;
  const matches = (point: Point, filter?: Filter) =>
    (filter?.must ?? []).every((condition) => holds(point, condition)) && !(filter?.must_not ?? []).some((condition) => holds(point, condition));
  const ok = (result: unknown): [number, unknown] => [200, { result, status: 'ok', time: 0 }];
  return jsonServer((method, path, body) => {
    const [, , name, ...rest] = path.split('/');
    const action = rest.join('/');
    const points = collections.get(name);
    if (action === 'exists') return ok({ exists: points !== undefined });
    if (method === 'PUT' && action === '') return ok(collections.set(name, new Map()) && true);
    if (!points) return [404, { status: { error: 'not found' } }];
    if (action === '') return ok({ config: { params: { vectors: { size: DIMENSION, distance: 'Cosine' } } } });
    if (action === 'index') return ok({ status: 'completed' });
    if (action === 'points') {
      for (const point of body.points as Point[]) points.set(point.id, point);
      return ok({ status: 'completed' });
    }
    const filter = body.filter as Filter | undefined;
    const selected = [...points.values()].filter((point) => matches(point, filter));
    if (action === 'points/delete') {
      for (const point of selected) points.delete(point.id);
      return ok({ status: 'completed' });
    }
    if (action === 'points/count') return ok({ count: selected.length });
    const vector = body.vector as number[];
    const scored = selected
      .map((point) => ({ id: point.id, version: 1, payload: point.payload, score: point.vector.reduce((sum, value, i) => sum + value * vector[i], 0) }))
      .filter((point) => point.score >= (body.score_threshold as number))
      .sort((a, b) => b.score - a.score)
      .slice(0, body.limit as number);
    return ok(scored);
  });
}
