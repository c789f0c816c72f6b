import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CreatePropertyDto, PropertyQueryDto, UpdatePropertyDto } from './property.dto';
import { CreateUnitDto } from './unit.dto';

function fieldErrors<T extends object>(type: new () => T, plain: object): string[] {
  const flatten = (errors: ReturnType<typeof validateSync>, parent = ''): string[] =>
    errors.flatMap((error) => {
      const field = parent ? `${parent}.${error.property}` : error.property;
      return [...(error.constraints ? [field] : []), ...flatten(error.children ?? [], field)];
    });
  return flatten(validateSync(plainToInstance(type, plain), { whitelist: true, forbidNonWhitelisted: true }));
}

const valid = {
  name: 'Invalidenstraße 117',
  type: 'apartment_building',
  address: { street: 'Invalidenstraße', houseNumber: '117', postalCode: '10115', city: 'Berlin' },
};

describe('property payloads', () => {
  it('accepts a minimal property in Germany', () => {
    expect(fieldErrors(CreatePropertyDto, valid)).toEqual([]);
  });

  it('requires an address on create but not on a partial update', () => {
    expect(fieldErrors(CreatePropertyDto, { ...valid, address: undefined })).toEqual(['address']);
    expect(fieldErrors(CreatePropertyDto, { ...valid, address: 'Invalidenstraße 117' })).toEqual(['address']);
    expect(fieldErrors(UpdatePropertyDto, { name: 'Neuer Name' })).toEqual([]);
  });

  it('checks the postal code against the address country', () => {
    expect(fieldErrors(CreatePropertyDto, { ...valid, address: { ...valid.address, postalCode: '1010' } })).toEqual(['address.postalCode']);
    expect(fieldErrors(CreatePropertyDto, { ...valid, address: { ...valid.address, postalCode: '1010', country: 'AT' } })).toEqual([]);
    expect(fieldErrors(CreatePropertyDto, { ...valid, address: { ...valid.address, postalCode: 'SW1A 1AA', country: 'GB' } })).toEqual([]);
  });

  it('rejects non-positive areas, quarter rooms, far-future years and invalid coordinates', () => {
    const errors = fieldErrors(CreatePropertyDto, {
      ...valid,
      livingArea: 0,
      plotArea: -5,
      rooms: 2.25,
      yearBuilt: new Date().getUTCFullYear() + 6,
      coordinates: { lat: 91, lng: 13 },
    });
    expect(errors.sort()).toEqual(['coordinates.lat', 'livingArea', 'plotArea', 'rooms', 'yearBuilt']);
    expect(fieldErrors(CreatePropertyDto, { ...valid, rooms: 3.5, yearBuilt: new Date().getUTCFullYear() + 5 })).toEqual([]);
  });

  it('validates the energy certificate and money', () => {
    const errors = fieldErrors(CreatePropertyDto, {
      ...valid,
      energyCertificate: { type: 'guess', energyClass: 'Z' },
      currentValue: { amountCents: 10.5, currency: 'EURO' },
    });
    expect(errors.sort()).toEqual(['currentValue.amountCents', 'currentValue.currency', 'energyCertificate.energyClass', 'energyCertificate.type']);
  });

  it('converts query-string numbers of list filters', () => {
    const query = plainToInstance(PropertyQueryDto, { minArea: '50', page: '2' });
    expect(query).toMatchObject({ minArea: 50, page: 2 });
  });

  it('accepts basement units and rejects zero area', () => {
    const unit = { buildingId: '5f0c8a4e-8a43-4d8e-9c61-1a1b6f1d2c3e', number: 'K1', floor: -1, type: 'storage', area: 8 };
    expect(fieldErrors(CreateUnitDto, unit)).toEqual([]);
    expect(fieldErrors(CreateUnitDto, { ...unit, floor: -6, area: 0 }).sort()).toEqual(['area', 'floor']);
  });
});
