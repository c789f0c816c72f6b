import { startJsonServer } from './http-stand-in';

interface Point {
  id: string;
  vector: number[];
  payload: Record<string, unknown>;
}

interface Condition {
  key?: string;
  match?: { value?: unknown; any?: unknown[] };
  has_id?: string[];
}

interface Filter {
  must?: Condition[];
  must_not?: Condition[];
  should?: Condition[];
}

function holds(point: Point, condition: Condition): boolean {
  if (condition.has_id) return condition.has_id.includes(point.id);
  const value = condition.key ? point.payload[condition.key] : undefined;
  if (condition.match?.any) return condition.match.any.includes(value);
  return condition.match !== undefined && value === condition.match.value;
}

/** Qdrant's filter semantics for must / must_not / should over keyword matches and ids. */
export function matches(point: Point, filter: Filter | undefined): boolean {
  if (!filter) return true;
  if (filter.must && !filter.must.every((condition) => holds(point, condition))) return false;
  if (filter.must_not && filter.must_not.some((condition) => holds(point, condition))) return false;
  if (filter.should && filter.should.length > 0 && !filter.should.some((condition) => holds(point, condition))) return false;
  return true;
}

export function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i += 1) {
    dot += a[i] * b[i];
    normA += a[i] * a[i];
    normB += b[i] * b[i];
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}

/**
 * Speaks the part of Qdrant's REST API the ai service uses, in memory: collections, payload
 * indexes, upsert, delete by filter, count and search — really filtered by payload and ranked
 * by cosine similarity. Every search request is kept so specs can check its filter.
 */
export async function startQdrantStandIn() {
  const collections = new Map<string, { size: number; points: Map<string, Point> }>();
  const searches: { filter?: Filter }[] = [];
  const ok = (result: unknown) => ({ status: 200, body: { result, status: 'ok', time: 0.0001 } });
  const server = await startJsonServer(({ method, path, body }) => {
    const parts = path.split('/').filter(Boolean);
    if (parts[0] !== 'collections' || !parts[1]) return { status: 404, body: { status: { error: 'not found' } } };
    const name = parts[1];
    const collection = collections.get(name);
    const action = parts.slice(2).join('/');
    if (method === 'GET' && action === 'exists') return ok({ exists: collection !== undefined });
    if (method === 'PUT' && action === '') {
      const { vectors } = body as { vectors: { size: number; distance: string } };
      collections.set(name, { size: vectors.size, points: new Map() });
      return ok(true);
    }
    if (!collection) return { status: 404, body: { status: { error: `Collection ${name} doesn't exist` } } };
    if (method === 'GET' && action === '') {
      return ok({ status: 'green', points_count: collection.points.size, config: { params: { vectors: { size: collection.size, distance: 'Cosine' } } } });
    }
    if (method === 'PUT' && action === 'index') return ok({ operation_id: 1, status: 'completed' });
    if (method === 'PUT' && action === 'points') {
      for (const point of (body as { points: Point[] }).points) {
        if (point.vector.length !== collection.size) return { status: 400, body: { status: { error: 'Wrong input: Vector dimension error' } } };
        collection.points.set(String(point.id), { ...point, id: String(point.id) });
      }
      return ok({ operation_id: 2, status: 'completed' });
    }
    if (method === 'POST' && action === 'points/delete') {
      const { filter, points } = body as { filter?: Filter; points?: string[] };
      for (const point of [...collection.points.values()]) {
        if ((points && points.includes(point.id)) || (filter && matches(point, filter))) collection.points.delete(point.id);
      }
      return ok({ operation_id: 3, status: 'completed' });
    }
    if (method === 'POST' && action === 'points/count') {
      const { filter } = body as { filter?: Filter };
      return ok({ count: [...collection.points.values()].filter((point) => matches(point, filter)).length });
    }
    if (method === 'POST' && action === 'points/search') {
      const request = body as { vector: number[]; limit: number; filter?: Filter; score_threshold?: number };
      searches.push({ filter: request.filter });
      const scored = [...collection.points.values()]
        .filter((point) => matches(point, request.filter))
        .map((point) => ({ id: point.id, version: 1, score: cosine(request.vector, point.vector), payload: point.payload }))
        .filter((point) => request.score_threshold === undefined || point.score >= request.score_threshold)
        .sort((a, b) => b.score - a.score)
        .slice(0, request.limit);
      return ok(scored);
    }
    return { status: 404, body: { status: { error: `unsupported ${method} ${path}` } } };
  });
  return { ...server, collections, searches };
}
