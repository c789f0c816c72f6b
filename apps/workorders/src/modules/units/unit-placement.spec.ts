import { placeInUnit } from './unit-placement';

const unitId = '2c9e1b7d-5a4f-4e3b-8c2d-1a0b9c8d7e6f';
const propertyId = '3d0f2c8e-6b5a-4f4c-9d3e-2b1c0d9e8f7a';

describe('placeInUnit', () => {
  it("fills the property from the unit", () => {
    expect(placeInUnit(unitId, { id: unitId, propertyId })).toEqual({ ok: true, unitId, propertyId });
    expect(placeInUnit(unitId, { id: unitId, propertyId }, propertyId)).toEqual({ ok: true, unitId, propertyId });
  });

  it('refuses a unit portfolio does not know in the organization, on field unitId', () => {
    expect(placeInUnit(unitId, undefined)).toEqual({
      ok: false,
      errors: [{ field: 'unitId', message: `unit ${unitId} does not exist in your organization` }],
    });
  });

  it('refuses a property that is not the property of the unit', () => {
    const result = placeInUnit(unitId, { id: unitId, propertyId }, '7b1d3c2a-1f4e-4c55-9a0b-2d3e4f5a6b7c');
    expect(result).toMatchObject({ ok: false, errors: [{ field: 'propertyId' }] });
  });
});
