import type { PropertyResponse, UnitResponse } from '@quartier/contracts-portfolio';
import { propertyAttributes, resolveAttributes, unitAttributes } from './valuation-attributes';

const property = {
  id: 'p1',
  livingArea: 180,
  plotArea: 600,
  floors: 2,
  yearBuilt: 1962,
  condition: 'needs_renovation',
  coordinates: { lat: 47.61, lng: -122.33 },
  address: { postalCode: '98101' },
} as unknown as PropertyResponse;

describe('valuation attributes', () => {
  it('takes a property’s attributes from portfolio and maps its condition to the 1–5 scale', () => {
    const resolved = resolveAttributes({}, propertyAttributes(property), { kind: 'property', id: 'p1' });
    expect(resolved).toEqual({
      attributes: expect.objectContaining({ livingAreaM2: 180, lotAreaM2: 600, floors: 2, yearBuilt: 1962, condition: 2, lat: 47.61, lon: -122.33, postalCode: '98101' }),
    });
  });

  it('values a unit by its own area and rooms, not the building’s plot or storeys', () => {
    const unit = { area: 72, bedrooms: 2, bathrooms: 1, rooms: 3 } as UnitResponse;
    const known = unitAttributes(unit, property);
    expect(known).toEqual({ livingArea: 72, bedrooms: 2, bathrooms: 1, yearBuilt: 1962, condition: 2, coordinates: { lat: 47.61, lng: -122.33 }, postalCode: '98101' });
  });

  it('lets the request fill in and override what portfolio lacks', () => {
    const bare = { ...property, livingArea: null, yearBuilt: null, coordinates: null } as unknown as PropertyResponse;
    const resolved = resolveAttributes({ livingArea: 150, yearBuilt: 2001, coordinates: { lat: 47.6, lng: -122.3 }, qualityGrade: 9 }, propertyAttributes(bare), { kind: 'property', id: 'p1' });
    expect(resolved).toEqual({ attributes: expect.objectContaining({ livingAreaM2: 150, yearBuilt: 2001, grade: 9, lotAreaM2: 600 }) });
  });

  it('lists every missing required attribute and where to add it', () => {
    const bare = { ...property, livingArea: null, yearBuilt: null, coordinates: null } as unknown as PropertyResponse;
    expect(resolveAttributes({}, propertyAttributes(bare), { kind: 'property', id: 'p1' })).toEqual({
      missing: [
        { field: 'livingArea', message: 'livingArea is needed for a valuation: set it on property p1 in portfolio or send it in the request' },
        { field: 'yearBuilt', message: 'yearBuilt is needed for a valuation: set it on property p1 in portfolio or send it in the request' },
        { field: 'coordinates', message: 'coordinates is needed for a valuation: set it on property p1 in portfolio or send it in the request' },
      ],
    });
    expect(resolveAttributes({ livingArea: 80 }, {}, { kind: 'request' })).toEqual({
      missing: [
        { field: 'yearBuilt', message: 'yearBuilt is needed for a valuation: send it in the request' },
        { field: 'coordinates', message: 'coordinates is needed for a valuation: send it in the request' },
      ],
    });
  });
});
