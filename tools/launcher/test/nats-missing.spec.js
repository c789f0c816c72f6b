// `npm start` without NATS must stop at once and say how to start one.
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { freePort } = require('../net');

describe('npm start without NATS', () => {
  it('exits with code 1 and explains how to start NATS', async () => {
    const port = await freePort();
    const result = spawnSync(process.execPath, [path.join(__dirname, '..', 'start.js')], {
      env: { ...process.env, NATS_URL: `nats://127.0.0.1:${port}` },
      encoding: 'utf8',
      timeout: 20000,
    });

    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`NATS is not reachable at nats://127.0.0.1:${port}`);
    expect(result.stderr).toContain('nats-server -js');
    expect(result.stderr).toContain('start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server');
  });
});
