import { fillAttributes, fitHedonic, monthEffect, predictLog } from './hedonic-model';
import { syntheticMarket } from '../../../test/synthetic-market';

describe('hedonic model', () => {
  const sales = syntheticMarket(3000);
  const model = fitHedonic(sales, 0.1);
  const base = { livingAreaM2: 100, grade: 7, yearBuilt: 1980, lat: 52.52, lon: 13.405, postalCode: '10245', waterfront: false };

  it('recovers the area elasticity, the grade and waterfront premiums of a known market', () => {
    const at = (changes: object): number => predictLog(model, { ...base, ...changes }, '2014-09-15');
    expect(at({ livingAreaM2: 200 }) - at({})).toBeCloseTo(0.9 * Math.log(2), 1);
    expect(at({ grade: 8 }) - at({})).toBeCloseTo(0.12, 1);
    expect(at({ waterfront: true }) - at({})).toBeCloseTo(0.25, 1);
  });

  it('learns postal-code effects and a monthly trend that is not extrapolated', () => {
    expect(model.postalEffects['10115'] - model.postalEffects['12043']).toBeCloseTo(0.4, 1);
    expect(monthEffect(model, '2015-01') - monthEffect(model, '2014-05')).toBeCloseTo(0.08, 1);
    expect(monthEffect(model, '2016-06')).toBe(monthEffect(model, '2015-01'));
    expect(monthEffect(model, '2010-01')).toBe(monthEffect(model, '2014-05'));
  });

  it('imputes unstated attributes with training medians and names them', () => {
    const { filled, assumed } = fillAttributes({ livingAreaM2: 80, yearBuilt: 1990, lat: 52.5, lon: 13.4, bedrooms: 2 }, model.imputation);
    expect(assumed).toEqual(['lotAreaM2', 'bathrooms', 'floors', 'waterfront', 'view', 'condition', 'grade']);
    expect(filled).toMatchObject({ bedrooms: 2, condition: 3, waterfront: false });
  });

  it('refuses to fit on too few sales', () => {
    expect(() => fitHedonic(sales.slice(0, 10), 1)).toThrow(/Too few sales/);
  });
});
