import { ReadingOperations } from '@quartier/contracts-iot';
import { IotStack, startIotStack } from './iot-harness';

describe('reading pages while readings keep arriving', () => {
  let iot: IotStack;

  beforeAll(async () => {
    iot = await startIotStack();
  });
  afterAll(() => iot?.teardown());

  it('count exactly the readings they list', async () => {
    const meter = await iot.createDevice({ name: 'Busy meter', type: 'meter' });
    // The writer fills one metric at a time, 20 readings each, so a page of 100 always holds them all.
    let metric = 'm0';
    let writing = true;
    const writer = (async () => {
      for (let wave = 0; writing; wave += 1) {
        metric = `m${wave}`;
        for (let i = 0; i < 20 && writing; i += 1) {
          await iot.call(ReadingOperations.record, { deviceId: meter.id, readings: [{ metric, value: i }] }, iot.org);
        }
      }
    })();

    const torn: { total: number; listed: number }[] = [];
    for (let i = 0; i < 500; i += 1) {
      const page = await iot.call(ReadingOperations.list, { deviceId: meter.id, metric, size: 100 }, iot.org);
      if (page.items.length !== page.total) torn.push({ total: page.total, listed: page.items.length });
    }
    writing = false;
    await writer;
    expect(torn).toEqual([]);
  });
});
