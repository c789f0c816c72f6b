import { SQFT_TO_M2, parseKingCountyCsv } from './king-county-csv';

const HEADER = 'id,date,price,bedrooms,bathrooms,sqft_living,sqft_lot,floors,waterfront,view,condition,grade,sqft_above,sqft_basement,yr_built,yr_renovated,zipcode,lat,long,sqft_living15,sqft_lot15';

describe('King County CSV', () => {
  it('converts square feet to m², dates to ISO and keeps USD prices', () => {
    const { sales, rejected } = parseKingCountyCsv(
      `${HEADER}\n1024069009,20140502T000000,675000.00,5,2.5,2820,67518,2,0,0,3,8,2820,0,1979,0,98029,47.5794,-122.025,2820,48351\n`,
    );
    expect(rejected).toEqual([]);
    expect(sales[0]).toMatchObject({
      id: '1024069009/20140502',
      saleDate: '2014-05-02',
      price: 675000,
      livingAreaM2: Math.round(2820 * SQFT_TO_M2 * 100) / 100,
      bedrooms: 5,
      bathrooms: 2.5,
      yearRenovated: null,
      postalCode: '98029',
      lat: 47.5794,
      lon: -122.025,
    });
  });

  it('tells two sales of the same parcel apart by their date', () => {
    const line = (date: string) => `7200179,${date},150000,2,1,840,12750,1,0,0,3,6,840,0,1925,0,98055,47.484,-122.211,1480,6969`;
    const { sales } = parseKingCountyCsv(`${HEADER}\n${line('20141016T000000')}\n${line('20150424T000000')}`);
    expect(sales.map((sale) => sale.id)).toEqual(['7200179/20141016', '7200179/20150424']);
  });

  it('rejects unreadable lines with their line number and refuses another file format', () => {
    const { sales, rejected } = parseKingCountyCsv(`${HEADER}\n1,20140502T000000,0,5,2.5,2820,67518,2,0,0,3,8,2820,0,1979,0,98029,47.5,-122.0,1,1\n2,2014,1,5,2.5,2820,67518,2,0,0,3,8,2820,0,1979,0,98029,47.5,-122.0,1,1`);
    expect(sales).toEqual([]);
    expect(rejected).toEqual([
      { line: 2, reason: 'price must be positive' },
      { line: 3, reason: 'date is not YYYYMMDD' },
    ]);
    expect(() => parseKingCountyCsv('a,b\n1,2')).toThrow(/missing column/);
  });
});
