import fc from 'fast-check';
import { Server } from 'node:http';
import { uniqueName } from '@quartier/testing';
import { DIMENSION, ollamaStandIn, qdrantStandIn } from '../support/ai-stand-ins';
import { MQTT_URL } from '../support/operations-suite';
import { Session, bearer, registerOrganization } from '../support/session';
import { E2eSuite, startE2eSuite } from '../support/suite';
import { FuzzRequest, IdPools, requestArbitrary } from './fuzz-arbitraries';
import { createFixtures, idPools } from './fuzz-fixtures';
import { DEFAULT_RUNS, fuzzSettings } from './fuzz-settings';
import { OpenApiDocument, Operation, operationsOf } from './openapi-operations';

/** Slower than this is a failure: a client would give up, and it hints at unbounded work. */
const SLOW_MS = 2_000;
/** Coded 503s for an outside system this run has no stand-in for (no SMTP server): documented, not a bug. */
const NOT_CONFIGURED = new Set(['MAIL_NOT_CONFIGURED']);
const ORDER: Operation['method'][] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const settings = fuzzSettings(process.env);

interface Answer {
  status: number;
  ms: number;
  excerpt: string;
  code?: string;
}

interface Failure {
  operation: string;
  request: string;
  answer: string;
  seed: number;
  path: string;
}

/** Reads the whole answer, so its time includes the body. */
async function send(baseUrl: string, request: FuzzRequest): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}${request.path}`, { method: request.method, headers: request.headers, body: request.body, redirect: 'manual' });
  const text = await response.text();
  const code = response.headers.get('content-type')?.includes('problem+json') ? (JSON.parse(text) as { code?: string }).code : undefined;
  return { status: response.status, ms: Math.round(performance.now() - started), excerpt: text.slice(0, 300), code };
}

const excerpt = (request: FuzzRequest): string =>
  `${request.method} ${request.path.slice(0, 300)}${request.body === undefined ? '' : ` body(${request.body.length}): ${JSON.stringify(request.body.slice(0, 300))}`}`;

/** Heavier operations (a body, many parameters) get more runs; every operation gets some. */
function runsPerOperation(operations: Operation[], total: number): number[] {
  const weights = operations.map((operation) => 1 + operation.pathParams.length + operation.queryParams.length / 4 + (operation.body ? 4 : 0));
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((weight) => Math.max(3, Math.ceil((total * weight) / sum)));
}

/** The per-operation seed: the same operation sees the same requests whatever else the document holds. */
function operationSeed(seed: number, operation: Operation): number {
  let hash = seed | 0;
  for (const char of `${operation.method} ${operation.path}`) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}

/**
 * Every route of the served OpenAPI document, driven by fast-check with well-formed and malformed
 * path ids, queries, headers and bodies: no answer may be a 5xx or slower than 2 s. `npm test` runs
 * a fixed seed; `npm run fuzz` a longer run with a random one (README, "Fuzzing").
 */
describe('OpenAPI fuzzing', () => {
  let suite: E2eSuite;
  let owner: Session;
  let pools: IdPools;
  let operations: Operation[];
  let servers: Server[] = [];
  const mqttPrefix = uniqueName('fuzz');

  beforeAll(async () => {
    console.info(`fuzz seed ${settings.seed}, ${settings.runs} requests (FUZZ_SEED=${settings.seed} FUZZ_RUNS=${settings.runs} to reproduce)`);
    const [ollama, qdrant] = await Promise.all([ollamaStandIn(), qdrantStandIn()]);
    servers = [ollama.server, qdrant.server];
    suite = await startE2eSuite(
      {
        OLLAMA_URL: ollama.url,
        QDRANT_URL: qdrant.url,
        EMBEDDING_DIMENSION: String(DIMENSION),
        LLM_BASE_URL: `${ollama.url}/v1`,
        LLM_API_KEY: 'fuzz',
        RATE_LIMIT_PER_MINUTE: '1000000',
        AI_REQUESTS_PER_MINUTE: '1000000',
        MQTT_URL,
        MQTT_PREFIX: mqttPrefix,
        MQTT_CLIENT_ID: `quartier-iot-${mqttPrefix}`,
        MQTT_SESSION_EXPIRY_S: '60',
        HA_DISCOVERY_ENABLED: 'false',
        RENT_JOB_INTERVAL_MS: '0',
        CHANNEL_SECRETS_KEY: 'fuzz-channel-secrets-key-0123456789abcdef',
      },
      ['identity', 'portfolio', 'leasing', 'workorders', 'iot', 'valuation', 'publishing', 'ai', 'gateway'],
    );
    owner = await registerOrganization(suite.baseUrl, 'Fuzz Hausverwaltung');
    const other = await registerOrganization(suite.baseUrl, 'Fuzz Konkurrenz');
    const own = await createFixtures(suite.baseUrl, owner);
    const foreign = await createFixtures(suite.baseUrl, other);
    if (own.refused.length) console.warn(`fixtures refused: ${own.refused.join('; ')}`);
    pools = idPools(own.ids, foreign.ids);
    const root = suite.baseUrl.replace(/\/api\/v1$/, '');
    const document = (await (await fetch(`${root}/docs-json`)).json()) as OpenApiDocument;
    operations = operationsOf(document)
      .filter((operation) => !settings.only || settings.only.test(`${operation.method} ${operation.path}`))
      // Reads first and deletes last, so the fixtures live as long as possible.
      .sort((a, b) => ORDER.indexOf(a.method) - ORDER.indexOf(b.method));
  }, 180_000);

  afterAll(async () => {
    await suite?.stop();
    for (const server of servers) server.close();
  }, 60_000);

  it(
    'answers every generated request to every documented route without a 5xx, within 2 s',
    async () => {
      const root = suite.baseUrl.replace(/\/api\/v1$/, '');
      const failures: Failure[] = [];
      let sent = 0;
      const counts = runsPerOperation(operations, settings.runs);
      for (const [index, operation] of operations.entries()) {
        const name = `${operation.method} ${operation.path}`;
        const seed = operationSeed(settings.seed, operation);
        let last: { request: FuzzRequest; answer?: Answer } | undefined;
        const details = await fc.check(
          fc.asyncProperty(requestArbitrary(operation, pools, bearer(owner)), async (request) => {
            last = { request };
            const answer = await send(root, request);
            sent += 1;
            last.answer = answer;
            const accepted = answer.status < 500 || (answer.status === 503 && NOT_CONFIGURED.has(answer.code ?? ''));
            return accepted && answer.ms <= SLOW_MS;
          }),
          // Each shrinking step is a request; the first failing request is the report.
          { seed, numRuns: counts[index], endOnFailure: true },
        );
        if (details.failed && last) {
          failures.push({
            operation: name,
            request: excerpt(last.request),
            answer: last.answer ? `${last.answer.status} in ${last.answer.ms} ms: ${last.answer.excerpt}` : String(details.errorInstance),
            seed,
            path: details.counterexamplePath ?? '',
          });
        }
      }
      const report = failures.map((failure) => `${failure.operation}\n  ${failure.request}\n  → ${failure.answer}\n  fast-check seed ${failure.seed}, path ${failure.path}`);
      expect(report).toEqual([]);
      if (!settings.only) expect(sent).toBeGreaterThanOrEqual(Math.min(settings.runs, DEFAULT_RUNS));
    },
    Math.max(240_000, settings.runs * 200),
  );
});
