import type { UnitStatus } from './portfolio.enums';
import type { UnitStatusSource } from './unit.dto';

/** Events published by portfolio (outbox → JetStream). */
export const PortfolioEvent = {
  UNIT_STATUS_CHANGED: 'portfolio.unit.status-changed',
} as const;
export type PortfolioEventType = (typeof PortfolioEvent)[keyof typeof PortfolioEvent];

export interface UnitStatusChangedPayload {
  unitId: string;
  buildingId: string;
  propertyId: string;
  fromStatus: UnitStatus | null;
  toStatus: UnitStatus;
  source: UnitStatusSource;
  /** The lease event that caused it, when source is `lease_event`. */
  eventId: string | null;
}
