import type { Is24Listing } from './immoscout24-realestate';
import { energyLine, socialPostText } from './social-post';

const listing: Is24Listing = {
  id: '8a6e0804-2bd0-4672-b79d-d97027f9071b',
  marketingType: 'rent',
  title: 'Helle 3-Zimmer-Wohnung',
  description: 'Ruhige Lage, Balkon nach Süden, Einbauküche.',
  priceCents: 145_000,
  currency: 'EUR',
  additionalCostsCents: null,
  heatingCostsCents: null,
  depositCents: null,
  commission: null,
  livingArea: 78.5,
  rooms: 3,
  energyCertificate: { type: 'consumption', value: 92.4, energyClass: 'C', constructionYear: 1998, heatingSource: 'gas' },
  features: [],
  contact: null,
  images: [],
  object: {
    propertyType: 'apartment_building',
    unitType: 'apartment',
    address: { street: 'Invalidenstraße', houseNumber: '117', postalCode: '10115', city: 'Berlin', country: 'DE' },
    floor: 2,
    yearBuilt: 1998,
    lat: null,
    lng: null,
  },
  updatedAt: new Date(),
};

describe('social post text', () => {
  it('states the facts, the place and the Energieausweis in German before the description', () => {
    expect(socialPostText(listing, 2200)).toBe(
      [
        'Helle 3-Zimmer-Wohnung',
        '3 Zimmer · 78,5 m² · 1.450 € kalt',
        '📍 10115 Berlin',
        'Energieausweis: Verbrauchsausweis, 92,4 kWh/(m²·a), Klasse C, Gas, Baujahr 1998',
        '',
        'Ruhige Lage, Balkon nach Süden, Einbauküche.',
      ].join('\n'),
    );
  });

  it('shortens the description, never the legally required lines, to fit the network’s limit', () => {
    const long = { ...listing, description: 'Wunderschön. '.repeat(100) };
    const text = socialPostText(long, 300);
    expect(text.length).toBeLessThanOrEqual(300);
    expect(text).toContain('Klasse C');
    expect(text.endsWith('…')).toBe(true);
  });

  it('states the purchase price and commission of a sale, and no energy line for commercial units', () => {
    const sale = socialPostText({ ...listing, marketingType: 'sale', priceCents: 64_900_000, commission: '3,57 % inkl. MwSt.' }, 2200);
    expect(sale).toContain('Kaufpreis 649.000 €');
    expect(sale).toContain('Käuferprovision: 3,57 % inkl. MwSt.');
    expect(energyLine({ ...listing, object: { ...listing.object, unitType: 'office' } })).toBeNull();
  });
});
