import type { UnitStatus } from '@quartier/contracts-portfolio';

/**
 * Manual status changes a property manager may make. Occupancy normally follows leases (events),
 * but a manager may also record it by hand; a unit under maintenance or unavailable must first
 * become vacant before it is reserved.
 */
const MANUAL_TRANSITIONS: Readonly<Record<UnitStatus, readonly UnitStatus[]>> = {
  vacant: ['occupied', 'reserved', 'maintenance', 'unavailable'],
  reserved: ['vacant', 'occupied', 'unavailable'],
  occupied: ['vacant', 'maintenance'],
  maintenance: ['vacant', 'occupied', 'unavailable'],
  unavailable: ['vacant', 'maintenance'],
};

export function allowedTransitions(from: UnitStatus): readonly UnitStatus[] {
  return MANUAL_TRANSITIONS[from];
}

export function canTransition(from: UnitStatus, to: UnitStatus): boolean {
  return MANUAL_TRANSITIONS[from].includes(to);
}
