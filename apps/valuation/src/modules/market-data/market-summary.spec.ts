import { SummarySale, summarizeMarket } from './market-summary';

const sale = (saleDate: string, priceCents: number, livingAreaM2 = 100, currency = 'USD', own = false): SummarySale => ({ saleDate, priceCents, livingAreaM2, currency, own });

describe('market summary', () => {
  it('reports medians and the month-over-month trend of the median price per m²', () => {
    const summary = summarizeMarket([
      sale('2014-05-02', 40_000_000),
      sale('2014-05-20', 60_000_000, 150),
      sale('2014-05-21', 30_000_000, 50, 'USD', true),
      sale('2014-06-03', 44_000_000),
    ]);
    expect(summary).toEqual({
      count: 4,
      currency: 'USD',
      medianPriceCents: 42_000_000,
      medianPricePerM2Cents: 420_000,
      from: '2014-05-02',
      to: '2014-06-03',
      ownCount: 1,
      months: [
        { month: '2014-05', count: 3, medianPricePerM2Cents: 400_000, change: null },
        { month: '2014-06', count: 1, medianPricePerM2Cents: 440_000, change: 0.1 },
      ],
    });
  });

  it('never mixes currencies: the most common one unless asked for another', () => {
    const sales = [sale('2014-05-02', 1_000), sale('2014-05-03', 2_000), sale('2014-05-04', 9_000, 100, 'EUR')];
    expect(summarizeMarket(sales)).toMatchObject({ currency: 'USD', count: 2 });
    expect(summarizeMarket(sales, 'EUR')).toMatchObject({ currency: 'EUR', count: 1, medianPriceCents: 9_000 });
    expect(summarizeMarket([])).toMatchObject({ count: 0, currency: null, medianPriceCents: null, months: [] });
  });
});
