import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMPONENT_NAMES } from '@quartier/contracts-shared';
import { generateBusKeys, parseTrustedKeys } from '@quartier/messaging';
import { SEED_MODE, busKeyFiles, writeBusKeyFiles } from './bus-keys';

describe('bus:keys', () => {
  const keys = generateBusKeys();
  const seeds = COMPONENT_NAMES.map((name) => keys[name].seed);
  const files = busKeyFiles(keys, { prefix: 'qt', secretName: 'quartier-nats-seeds', namespace: 'prod' });
  let dir: string;
  const read = (path: string): string => readFileSync(join(dir, path), 'utf8');
  const modeOf = (path: string): number => statSync(join(dir, path)).mode & 0o777;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bus-keys-'));
    writeBusKeyFiles(dir, files, false);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the seeds only into 0600 files: the Secret manifest and one env file per component', () => {
    expect(modeOf('nats-seeds.secret.yaml')).toBe(SEED_MODE);
    expect(readdirSync(join(dir, 'env')).sort()).toEqual(COMPONENT_NAMES.map((name) => `${name}.env`).sort());
    const secret = read('nats-seeds.secret.yaml');
    for (const name of COMPONENT_NAMES) {
      expect(secret).toContain(`  ${name}.seed: "${keys[name].seed}"`);
      expect(modeOf(join('env', `${name}.env`))).toBe(SEED_MODE);
    }
    for (const file of files.filter((candidate) => seeds.some((seed) => candidate.content.includes(seed)))) {
      expect({ path: file.path, mode: modeOf(file.path) }).toEqual({ path: file.path, mode: SEED_MODE });
    }
  });

  it("gives each component's env file its own seed only, and every public key", () => {
    for (const name of COMPONENT_NAMES) {
      const env = read(join('env', `${name}.env`));
      expect(seeds.filter((seed) => env.includes(seed))).toEqual([keys[name].seed]);
      const trusted = /^NATS_TRUSTED_KEYS=(.*)$/m.exec(env)?.[1] ?? '';
      expect(Object.fromEntries(parseTrustedKeys(trusted))).toEqual(Object.fromEntries(COMPONENT_NAMES.map((component) => [component, keys[component].publicKey])));
    }
  });

  it('puts every public key and no seed into the chart values and the NATS server configurations', () => {
    for (const path of ['quartier-values.yaml', 'nats-values.yaml', 'nats-server.conf']) {
      const text = read(path);
      for (const name of COMPONENT_NAMES) expect(text).toContain(keys[name].publicKey);
      expect({ path, seeds: text.match(/\bSU[A-Z2-7]{50,}/g) }).toEqual({ path, seeds: null });
    }
    expect(read('quartier-values.yaml')).toContain('existingSecret: "quartier-nats-seeds"');
    expect(read('nats-server.conf')).toContain('"qt.identity.v1.> identity"');
    expect(read('nats-values.yaml')).toContain('allow_responses: true');
  });

  it('refuses to replace earlier seeds unless forced', () => {
    const again = busKeyFiles(generateBusKeys(), { prefix: 'qt', secretName: 'quartier-nats-seeds' });
    expect(() => writeBusKeyFiles(dir, again, false)).toThrow(/--force/);
    expect(read('nats-seeds.secret.yaml')).toContain(keys.gateway.seed);
    writeBusKeyFiles(dir, again, true);
    expect(read('nats-seeds.secret.yaml')).not.toContain(keys.gateway.seed);
    expect(modeOf('nats-seeds.secret.yaml')).toBe(SEED_MODE);
  });
});
