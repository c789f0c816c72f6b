import { extendedCostCents, totalMaterialsCents } from './materials';

describe('material costs', () => {
  it('multiplies quantity by unit cost in whole cents', () => {
    expect(extendedCostCents(3, 1250)).toBe(3750);
    expect(extendedCostCents(2.5, 399)).toBe(998);
    expect(extendedCostCents(0.333, 100)).toBe(33);
  });

  it('sums the extended costs of all lines', () => {
    expect(totalMaterialsCents([{ quantity: 2, unitCostCents: 500 }, { quantity: 1.5, unitCostCents: 1000 }])).toBe(2500);
    expect(totalMaterialsCents([])).toBe(0);
  });
});
