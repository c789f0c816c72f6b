import { Broker, IotFaultStack, startIotFaultStack, startBroker, startPublishing, settle } from './iot-fault-stack';
import { sleep } from '../support/suite';

/**
 * kill -9 of one of two iot replicas while devices publish 200 msg/s for 20 s. Mosquitto keeps
 * handing the dead replica its share of the shared subscription (round robin over the group's
 * sessions, connected or not) and queues it in that session, together with the messages it had
 * in flight. The replica is therefore started again under the same client id (what the
 * StatefulSet and compose do) and takes them up; the live replica stores its share meanwhile.
 */
describe('iot: one replica killed under MQTT load', () => {
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

  it('stores every acknowledged reading exactly once, and the live replica keeps storing meanwhile', async () => {
    const [victim, survivor] = iot.replicas;
    const devices = await iot.createDevices(10);
    const publisher = await startPublishing(broker.url, devices, 200);
    const startedAt = Date.now();
    await sleep(6000);
    await victim.kill();
    const survivorBefore = await survivor.storedReadings();
    await sleep(3000);
    const storedWhileDown = (await survivor.storedReadings()) - survivorBefore;
    await victim.start();
    await sleep(Math.max(0, startedAt + 20_000 - Date.now()));
    const result = await publisher.stop();
    const figures = await settle(iot, result);

    process.stdout.write(`iot replica kill -9 at 200 msg/s: ${JSON.stringify(figures)}\n`);
    expect(storedWhileDown).toBeGreaterThan(0);
    expect(result.failed).toBe(0);
    expect(figures.acknowledged).toBeGreaterThanOrEqual(3900);
    expect(figures).toMatchObject({ lost: 0, duplicates: 0 });
  }, 240_000);
});
