import { mergeLinks } from './document-links';

describe('document links after an update', () => {
  const current = { propertyId: 'p1', buildingId: 'b1', unitId: 'u1' };

  it('keeps the links nobody changed', () => {
    expect(mergeLinks(current, {})).toEqual(current);
    expect(mergeLinks(current, { propertyId: 'p1' })).toEqual(current);
  });

  it('drops the building and unit when the document moves to another property', () => {
    expect(mergeLinks(current, { propertyId: 'p2' })).toEqual({ propertyId: 'p2', buildingId: null, unitId: null });
    expect(mergeLinks(current, { propertyId: null })).toEqual({ propertyId: null, buildingId: null, unitId: null });
  });

  it('keeps lower levels that are given together with the new property', () => {
    expect(mergeLinks(current, { propertyId: 'p2', unitId: 'u9' })).toEqual({ propertyId: 'p2', buildingId: null, unitId: 'u9' });
  });

  it('drops the unit when the building changes, and only the unit when the unit is cleared', () => {
    expect(mergeLinks(current, { buildingId: 'b2' })).toEqual({ propertyId: 'p1', buildingId: 'b2', unitId: null });
    expect(mergeLinks(current, { unitId: null })).toEqual({ propertyId: 'p1', buildingId: 'b1', unitId: null });
  });
});
