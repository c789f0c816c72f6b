import { canHaveFloors, floorRangeMessage, isFloorInBuilding } from './unit-floor';

describe('unit floor within its building', () => {
  it('accepts floors from the lowest basement to the top floor', () => {
    expect(isFloorInBuilding(-5, 3)).toBe(true);
    expect(isFloorInBuilding(0, 3)).toBe(true);
    expect(isFloorInBuilding(3, 3)).toBe(true);
  });

  it('rejects floors above the building or below the lowest basement', () => {
    expect(isFloorInBuilding(4, 3)).toBe(false);
    expect(isFloorInBuilding(-6, 3)).toBe(false);
    expect(isFloorInBuilding(1.5, 3)).toBe(false);
  });

  it('explains the allowed range', () => {
    expect(floorRangeMessage(4)).toBe("floor must be between -5 and the building's 4 floors");
  });

  it('keeps a building from shrinking below its occupied floors', () => {
    expect(canHaveFloors(2, 3)).toBe(false);
    expect(canHaveFloors(3, 3)).toBe(true);
    expect(canHaveFloors(1, null)).toBe(true);
  });
});
