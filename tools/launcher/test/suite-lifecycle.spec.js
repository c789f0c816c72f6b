// startSuite's lifecycle on small fixture apps: migrations first, one log stream, crashes explained, clean stop.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startSuite } = require('../suite');
const { httpStatus, sleep } = require('../net');

const root = path.join(__dirname, 'fixtures');

function tempFile(name) {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'launcher-')), name);
}

describe('startSuite lifecycle (fixture apps)', () => {
  it('migrates, starts every app, prefixes their output, and stops them all', async () => {
    const marker = tempFile('migrated.txt');
    const logFile = tempFile('suite.log');
    const suite = await startSuite({
      root,
      services: ['alpha', 'gateway'],
      env: { PORT: '0', FIXTURE_MARKER: marker, DATABASE_URL: 'postgres://fixture/db' },
      quiet: true,
      logFile,
    });
    try {
      expect(await httpStatus(`${suite.gatewayUrl}/health`)).toBe(200);
      const alpha = suite.services.find((service) => service.name === 'alpha');
      expect(await httpStatus(`${alpha.opsUrl}/health/ready`)).toBe(200);
      expect(fs.readFileSync(marker, 'utf8')).toBe('alpha migrated into postgres://fixture/db\n');
    } finally {
      await suite.stop();
    }

    expect(await httpStatus(`${suite.gatewayUrl}/health`)).toBeNull();
    const log = fs.readFileSync(logFile, 'utf8');
    expect(log).toContain('[alpha] alpha listening MIGRATE_ON_BOOT=false');
    expect(log).toContain('[gateway] gateway up');
  });

  it('rejects with the last output of an app that cannot start, and leaves nothing running', async () => {
    const logFile = tempFile('suite.log');
    const started = startSuite({ root, services: ['alpha', 'crashy', 'gateway'], env: { PORT: '0', FIXTURE_MARKER: tempFile('m') }, quiet: true, logFile });

    await expect(started).rejects.toThrow(/crashy exited during startup \(exit code 3\)[\s\S]*JWT_SECRET is required/);
    const pid = Number(/alpha listening .* pid=(\d+)/.exec(fs.readFileSync(logFile, 'utf8'))[1]);
    expect(() => process.kill(pid, 0)).toThrow();
  });

  it('gives up on a migration that hangs, naming the app, and starts nothing', async () => {
    const logFile = tempFile('suite.log');
    const started = startSuite({ root, services: ['stuck', 'gateway'], env: { PORT: '0' }, quiet: true, logFile, startupTimeoutMs: 1500 });

    await expect(started).rejects.toThrow(/stuck migrations did not finish within 1500 ms[\s\S]*stuck: waiting for a connection/);
    expect(fs.readFileSync(logFile, 'utf8')).not.toContain('stuck started');
  });

  it('reports an app that dies after startup through onExit', async () => {
    const exits = [];
    const suite = await startSuite({
      root,
      services: ['alpha', 'gateway'],
      env: { PORT: '0', FIXTURE_MARKER: tempFile('m'), FIXTURE_DIE_AFTER_MS: '1500' },
      quiet: true,
      onExit: (info) => exits.push(info),
    });
    try {
      for (let waited = 0; exits.length === 0 && waited < 10000; waited += 100) await sleep(100);
      expect(exits).toEqual([{ service: 'alpha', code: 4, signal: null, tail: expect.arrayContaining(['alpha: lost its database connection']) }]);
    } finally {
      await suite.stop();
    }
  });
});
