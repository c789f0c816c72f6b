import { JetStreamManager, NatsConnection, RetentionPolicy, StorageType } from 'nats';

/** One stream per deployment prefix holds every domain event: `<prefix>.events.>`. */
export function eventStreamName(prefix: string): string {
  return `${prefix.replace(/[^A-Za-z0-9_-]/g, '_').toUpperCase()}_EVENTS`;
}

const SEVEN_DAYS_NS = 7 * 24 * 60 * 60 * 1e9;

/** Creates the event stream if it does not exist yet; safe to call from every service at boot. */
export async function ensureEventStream(connection: NatsConnection, prefix: string): Promise<JetStreamManager> {
  const manager = await connection.jetstreamManager();
  const name = eventStreamName(prefix);
  try {
    await manager.streams.info(name);
  } catch {
    try {
      await manager.streams.add({
        name,
        subjects: [`${prefix}.events.>`],
        retention: RetentionPolicy.Limits,
        storage: StorageType.File,
        max_age: SEVEN_DAYS_NS,
        duplicate_window: 2 * 60 * 1e9,
      });
    } catch (error) {
      // Another service created it at the same moment.
      await manager.streams.info(name).catch(() => {
        throw error;
      });
    }
  }
  return manager;
}
