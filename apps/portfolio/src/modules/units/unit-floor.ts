import { MIN_UNIT_FLOOR } from '@quartier/contracts-portfolio';

/** A unit sits between the lowest basement level and the building's top floor. */
export function isFloorInBuilding(floor: number, buildingFloors: number): boolean {
  return Number.isInteger(floor) && floor >= MIN_UNIT_FLOOR && floor <= buildingFloors;
}

export function floorRangeMessage(buildingFloors: number): string {
  return `floor must be between ${MIN_UNIT_FLOOR} and the building's ${buildingFloors} floors`;
}

/** A building may not shrink below the highest floor that already has a unit. */
export function canHaveFloors(newFloors: number, highestUnitFloor: number | null): boolean {
  return highestUnitFloor === null || highestUnitFloor <= newFloors;
}
