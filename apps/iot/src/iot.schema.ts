import { InitIot1763800000000 } from './migrations/1763800000000-init-iot.migration';
import { ReadingRedeliveryKey1796690000000 } from './migrations/1796690000000-reading-redelivery-key.migration';
import { AlertEntity } from './modules/alerts/alert.entity';
import { CommandEntity } from './modules/commands/command.entity';
import { DeviceEntity } from './modules/devices/device.entity';
import { RuleEntity } from './modules/rules/rule.entity';
import { IdempotencyRecords1796700000000 } from './migrations/1796700000000-idempotency-records.migration';

export const IOT_SCHEMA = 'iot';
export const IOT_ENTITIES = [DeviceEntity, RuleEntity, AlertEntity, CommandEntity];
export const IOT_MIGRATIONS = [InitIot1763800000000, ReadingRedeliveryKey1796690000000, IdempotencyRecords1796700000000];
