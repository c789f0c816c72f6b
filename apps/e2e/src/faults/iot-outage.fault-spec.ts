import { Broker, IotFaultStack, startIotFaultStack, startBroker, startPublishing, settle } from './iot-fault-stack';
import { sleep } from '../support/suite';

/**
 * Every iot replica down (kill -9) while devices go on publishing 200 msg/s: the broker, run with
 * the shipped deploy/mosquitto.conf, queues the readings in the replicas' sessions until they are
 * back. Mosquitto's default queue (1,000 messages per session) lost acknowledged readings at 5 s.
 */
describe('iot: every replica down under MQTT load, with the shipped broker configuration', () => {
  let broker: Broker;
  let iot: IotFaultStack;

  beforeAll(async () => {
    broker = await startBroker();
    iot = await startIotFaultStack(broker, 2);
  }, 240_000);
  afterAll(async () => {
    await iot?.teardown();
    await broker?.stop();
  }, 120_000);

  it.each([5, 30])('loses no acknowledged reading when iot is down for %i s', async (downSeconds) => {
    const devices = await iot.createDevices(10);
    const publisher = await startPublishing(broker.url, devices, 200);
    await sleep(3000);
    await Promise.all(iot.replicas.map((replica) => replica.kill()));
    const killedAt = publisher.offered();
    await sleep(downSeconds * 1000);
    const offeredWhileDown = publisher.offered() - killedAt;
    await Promise.all(iot.replicas.map((replica) => replica.start()));
    await sleep(3000);
    const result = await publisher.stop();
    const figures = await settle(iot, result);

    process.stdout.write(`iot down ${downSeconds} s at 200 msg/s: ${JSON.stringify({ ...figures, offeredWhileDown })}\n`);
    expect(offeredWhileDown).toBeGreaterThanOrEqual(downSeconds * 200 * 0.9);
    expect(result.failed).toBe(0);
    expect(figures).toMatchObject({ lost: 0, duplicates: 0 });
  }, 300_000);
});
