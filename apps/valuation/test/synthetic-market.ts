import { MarketSale } from '../src/modules/models/avm.types';

/**
 * A made-up market with a known price formula, for the model specs: log price = 7.5 +
 * 0.9·log(area) + 0.12·grade + 0.25·waterfront + 0.01/month + postal effect, plus noise.
 */
export function syntheticMarket(count: number, seed = 7, noise = 0.05): MarketSale[] {
  let state = seed;
  const random = (): number => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const postal = { '10115': 0.2, '10245': 0, '12043': -0.2 } as const;
  const codes = Object.keys(postal) as (keyof typeof postal)[];
  return Array.from({ length: count }, (_, i) => {
    const code = codes[i % codes.length];
    const area = 50 + random() * 200;
    const grade = 5 + Math.floor(random() * 6);
    const waterfront = random() < 0.1;
    const month = Math.floor(random() * 9);
    const date = new Date(Date.UTC(2014, 4 + month, 1 + Math.floor(random() * 28))).toISOString().slice(0, 10);
    const log = 7.5 + 0.9 * Math.log(area) + 0.12 * grade + (waterfront ? 0.25 : 0) + 0.01 * month + postal[code] + (random() - 0.5) * 2 * noise;
    return {
      id: `s${i}`,
      price: Math.exp(log),
      saleDate: date,
      livingAreaM2: area,
      lotAreaM2: 300 + random() * 500,
      bedrooms: 1 + Math.floor(area / 50),
      bathrooms: 1 + Math.floor(random() * 3),
      floors: 1 + Math.floor(random() * 2),
      waterfront,
      view: 0,
      condition: 3,
      grade,
      yearBuilt: 1950 + Math.floor(random() * 60),
      yearRenovated: null,
      postalCode: code,
      lat: 52.5 + codes.indexOf(code) * 0.02 + random() * 0.01,
      lon: 13.4 + random() * 0.01,
    };
  });
}
