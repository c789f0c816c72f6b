import { ReadingOperations } from '@quartier/contracts-iot';
import { IotStack, startIotStack, waitFor } from './iot-harness';

describe('iot restart under load', () => {
  let iot: IotStack;

  beforeAll(async () => {
    iot = await startIotStack();
  });
  afterAll(async () => {
    await iot.teardown();
  });

  it('loses no QoS 1 message published while the service restarts, and stores none twice (persistent session)', async () => {
    const metric = 'seq';
    const devices = await Promise.all([1, 2, 3, 4, 5].map((n) => iot.createDevice({ name: `Counter ${n}` })));
    // Devices stamp their readings (as the README asks), so a redelivery after the restart is
    // recognised and stored once: exactly `sent` readings, none lost, none twice.
    const startedAt = Date.now();
    let sent = 0;
    let publishing = true;
    const publisher = (async () => {
      while (publishing) {
        const device = devices[sent % devices.length];
        sent += 1;
        await iot.publish(device.topics.telemetry, { ts: startedAt + sent, [metric]: sent });
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();

    await new Promise((resolve) => setTimeout(resolve, 700));
    await iot.stopIot();
    const sentBeforeStop = sent;
    await new Promise((resolve) => setTimeout(resolve, 700));
    const sentWhileDown = sent - sentBeforeStop;
    await iot.startIot();
    await new Promise((resolve) => setTimeout(resolve, 700));
    publishing = false;
    await publisher;
    expect(sentWhileDown).toBeGreaterThan(20);

    let seen = new Set<number>();
    const stored = await waitFor(async () => {
      seen = new Set<number>();
      for (let page = 1; ; page += 1) {
        const result = await iot.call(ReadingOperations.list,
          { metric, from: '2026-01-01T00:00:00Z', size: 100, page },
          iot.org,
        );
        for (const reading of result.items) seen.add(reading.value);
        if (page >= result.pages) return seen.size === sent ? result.total : undefined;
      }
    }, 30_000, 'every published message stored').catch((error: Error) => {
      const missing = Array.from({ length: sent }, (_, index) => index + 1).filter((seq) => !seen.has(seq));
      throw new Error(`${error.message}: ${seen.size} of ${sent} stored; missing ${missing.slice(0, 20).join(', ')} (stopped after ${sentBeforeStop})`);
    });
    expect(stored).toBe(sent);
  }, 60_000);
});
