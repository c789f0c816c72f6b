// `npm start` with an unreachable NATS_URL, or with no nats-server to start, stops at once and says what to do.
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { freePort } = require('../net');

const start = (env) =>
  spawnSync(process.execPath, [path.join(__dirname, '..', 'start.js')], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 30000 });

describe('npm start without a bus', () => {
  it('exits with code 1 and explains an unreachable NATS_URL', async () => {
    const port = await freePort();
    const result = start({ NATS_URL: `nats://127.0.0.1:${port}` });

    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`NATS is not reachable at nats://127.0.0.1:${port}`);
    expect(result.stderr).toContain('Unset NATS_URL');
    expect(result.stderr).toContain('nats-server -c data/bus/nats-server.conf');
  });

  it('exits with code 1 and says how to get nats-server when there is none to start', () => {
    const result = start({ NATS_URL: '', NATS_SERVER_BIN: '/nonexistent/nats-server', QUARTIER_NATS_PORT: '0' });

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('No nats-server binary found');
    expect(result.stderr).toContain('apt-get install nats-server');
  });
});
