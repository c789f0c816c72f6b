import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AddMarketSalesDto, MarketDataQueryDto } from './market-data.dto';
import { ValuateDto } from './valuation.dto';

function fieldsWithErrors<T extends object>(type: new () => T, plain: object): string[] {
  const errors = validateSync(plainToInstance(type, plain), { whitelist: true, forbidNonWhitelisted: true });
  const walk = (list: typeof errors, parent = ''): string[] =>
    list.flatMap((error) => {
      const field = parent ? `${parent}.${error.property}` : error.property;
      return [...(error.constraints ? [field] : []), ...walk(error.children ?? [], field)];
    });
  return walk(errors);
}

describe('valuation request contracts', () => {
  it('accepts attributes or an id, and names every invalid field', () => {
    expect(fieldsWithErrors(ValuateDto, { livingArea: 120, yearBuilt: 1978, coordinates: { lat: 47.5, lng: -122.3 } })).toEqual([]);
    expect(fieldsWithErrors(ValuateDto, { propertyId: '3f2b8c9e-1d4a-4e5b-9c7d-2a1b3c4d5e6f' })).toEqual([]);
    expect(
      fieldsWithErrors(ValuateDto, { livingArea: -1, condition: 6, qualityGrade: 0, coordinates: { lat: 91, lng: 0 }, unitId: 'x', valuationDate: '2015-13-01' }).sort(),
    ).toEqual(['condition', 'coordinates.lat', 'livingArea', 'qualityGrade', 'unitId', 'valuationDate']);
  });

  it('requires price, currency, date, area, year built and coordinates of a comparable sale', () => {
    const sale = { saleDate: '2014-12-01', priceCents: 45_000_000, currency: 'USD', livingArea: 120, yearBuilt: 1978, coordinates: { lat: 47.5, lng: -122.3 } };
    expect(fieldsWithErrors(AddMarketSalesDto, { sales: [sale] })).toEqual([]);
    expect(fieldsWithErrors(AddMarketSalesDto, { sales: [] })).toEqual(['sales']);
    expect(fieldsWithErrors(AddMarketSalesDto, { sales: [{ saleDate: '2014-12-01', currency: 'dollars' }] }).sort()).toEqual([
      'sales.0.coordinates',
      'sales.0.currency',
      'sales.0.livingArea',
      'sales.0.priceCents',
      'sales.0.yearBuilt',
    ]);
  });

  it('reads the market query from the query string', () => {
    expect(plainToInstance(MarketDataQueryDto, { lat: '47.6', lng: '-122.3', radiusKm: '2' })).toMatchObject({ lat: 47.6, lng: -122.3, radiusKm: 2 });
    expect(fieldsWithErrors(MarketDataQueryDto, { radiusKm: '500', lat: '100' }).sort()).toEqual(['lat', 'radiusKm']);
  });
});
