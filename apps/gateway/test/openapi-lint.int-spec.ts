import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { GatewayHarness, startGatewayHarness } from './gateway-harness';

const ROOT = resolve(__dirname, '../../..');
/** Where .redocly.lint-ignore.yaml expects the document (tmp/ is not committed). */
const DOCUMENT = join(ROOT, 'tmp/openapi/gateway.json');

interface LintResult {
  problems: { ruleId: string; severity: string; message: string; pointer?: string; ignored: boolean }[];
  unusedIgnores: string[];
}

describe('gateway OpenAPI lint', () => {
  let harness: GatewayHarness;

  beforeAll(async () => {
    harness = await startGatewayHarness();
  });

  afterAll(async () => {
    await harness?.teardown();
  });

  it("lints clean under Redocly's recommended rules, apart from the exceptions documented in .redocly.lint-ignore.yaml", async () => {
    const docs = await request(harness.url).get('/docs-json').expect(200);
    await mkdir(dirname(DOCUMENT), { recursive: true });
    await writeFile(DOCUMENT, JSON.stringify(docs.body, null, 2));
    const { stdout } = await promisify(execFile)(process.execPath, [join(__dirname, 'redocly-lint.mjs'), join(ROOT, 'redocly.yaml'), DOCUMENT]);
    const result = JSON.parse(stdout) as LintResult;
    expect(result.problems.filter((problem) => !problem.ignored)).toEqual([]);
    // An exception whose route was renamed or removed goes too.
    expect(result.unusedIgnores).toEqual([]);
  });
});
