// The broker `npm start` runs when none answers: Mosquitto with the shipped outage budget.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const mqtt = require('mqtt');
const { mosquittoConfig, ensureMqttBroker, startMosquitto } = require('../infra');
const { freePort } = require('../net');

describe('mosquittoConfig', () => {
  it('moves the listener and the store, and replaces overridden settings, keeping the rest', () => {
    const shipped = 'listener 1883\nallow_anonymous true\nmax_queued_messages 120000\npersistence true\npersistence_location /mosquitto/data/\n';
    const config = mosquittoConfig(shipped, { port: 18999, dataDir: '/tmp/q', overrides: { max_queued_messages: '1000' } });
    expect(config.split('\n').filter(Boolean).sort()).toEqual(
      ['allow_anonymous true', 'listener 18999 127.0.0.1', 'max_queued_messages 1000', 'persistence true', 'persistence_location /tmp/q/'].sort(),
    );
  });
});

/** Messages a persistent MQTT 5 session receives after `count` were published while it was away. */
async function deliveredAfterOutage(url, count) {
  const clientId = `budget-${process.pid}-${Date.now()}`;
  const options = { clientId, clean: false, protocolVersion: 5, properties: { sessionExpiryInterval: 300 } };
  const subscriber = await mqtt.connectAsync(url, options);
  await subscriber.subscribeAsync('budget/#', { qos: 1 });
  await subscriber.endAsync();
  const device = await mqtt.connectAsync(url, { protocolVersion: 4 });
  await Promise.all(Array.from({ length: count }, (_, n) => device.publishAsync(`budget/${n % 10}`, JSON.stringify({ n }), { qos: 1 })));
  await device.endAsync();
  const received = new Set();
  const back = mqtt.connect(url, options);
  back.on('message', (_topic, payload) => received.add(JSON.parse(payload.toString()).n));
  let last = -1;
  while (received.size !== last) {
    last = received.size;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  await back.endAsync();
  const cleanup = await mqtt.connectAsync(url, { clientId, clean: true, protocolVersion: 4 });
  await cleanup.endAsync();
  return received.size;
}

describe('the launcher broker', () => {
  const dirs = [];
  const scratch = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quartier-launcher-mqtt-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  it('runs Mosquitto from deploy/mosquitto.conf when nothing answers at a local URL', async () => {
    const port = await freePort();
    const broker = await ensureMqttBroker(`mqtt://127.0.0.1:${port}`, { dataDir: scratch() });
    try {
      expect(broker.embedded).toBe('mosquitto');
      const client = await mqtt.connectAsync(broker.url, { protocolVersion: 5 });
      await client.endAsync();
    } finally {
      await broker.stop();
    }
  });

  it('keeps 3,000 readings for a session that is away, where the Debian default keeps about 1,000', async () => {
    const shipped = await startMosquitto({ port: await freePort(), dataDir: scratch() });
    const debian = await startMosquitto({ port: await freePort(), dataDir: scratch(), overrides: { max_queued_messages: '1000', max_queued_bytes: '0' } });
    try {
      expect(await deliveredAfterOutage(shipped.url, 3000)).toBe(3000);
      expect(await deliveredAfterOutage(debian.url, 3000)).toBeLessThan(3000);
    } finally {
      await shipped.stop();
      await debian.stop();
    }
  });
});
