import { openImmoErrors } from '../../../test/openimmo-schema';
import { FeedListing, buildOpenImmoFeed, openImmoId } from './openimmo-feed';

const provider = { organizationId: '3f6c1f1e-8a1d-4c55-9a57-6b1d2f0e9a10', providerId: 'IW-4711', companyName: 'Becker & Söhne Immobilien GmbH' };
const now = new Date('2026-12-01T10:00:00Z');

const apartment: FeedListing = {
  id: '8a6e0804-2bd0-4672-b79d-d97027f9071b',
  marketingType: 'rent',
  title: 'Helle 3-Zimmer-Wohnung mit Balkon <Mitte>',
  description: 'Ruhige Lage & Balkon nach Süden.',
  priceCents: 145_000,
  currency: 'EUR',
  additionalCostsCents: 22_000,
  heatingCostsCents: 9_000,
  depositCents: 435_000,
  commission: null,
  livingArea: 78.5,
  rooms: 3,
  energyCertificate: { type: 'consumption', value: 92.4, energyClass: 'C', constructionYear: 1998, heatingSource: 'district_heating', validUntil: '2031-05-31' },
  features: ['fitted_kitchen', 'elevator', 'guest_toilet'],
  contact: { name: 'Anna Becker', email: 'anna@example.de', phone: '+49 30 1234567' },
  images: [],
  object: {
    propertyType: 'apartment_building',
    unitType: 'apartment',
    address: { street: 'Invalidenstraße', houseNumber: '117', postalCode: '10115', city: 'Berlin', country: 'DE' },
    floor: 2,
    yearBuilt: 1998,
    lat: 52.5306,
    lng: 13.3847,
  },
  updatedAt: new Date('2026-11-30T08:00:00Z'),
  action: 'add',
  attachments: [
    { location: 'EXTERN', path: '8a6e0804_1.jpg', title: 'Wohnzimmer', format: 'image/jpeg' },
    { location: 'REMOTE', path: 'https://cdn.example.de/objekte/42/bad.jpg', title: null, format: 'image/jpeg' },
  ],
};

const house: FeedListing = {
  ...apartment,
  id: 'b1f2c3d4-0000-4000-8000-000000000001',
  marketingType: 'sale',
  priceCents: 64_900_000,
  commission: '3,57 % inkl. MwSt.',
  depositCents: null,
  additionalCostsCents: null,
  heatingCostsCents: null,
  energyCertificate: { type: 'demand', value: 145, energyClass: 'E', constructionYear: 1972, heatingSource: 'oil' },
  object: { ...apartment.object, propertyType: 'single_family_house', unitType: null, floor: null, lat: null, lng: null },
  action: 'change',
  attachments: [],
};

describe('OpenImmo feed', () => {
  it('states the rent, costs, deposit, areas, Energieausweis and pictures in OpenImmo terms', () => {
    const xml = buildOpenImmoFeed(provider, [apartment], { scope: 'delta', now });
    expect(xml).toContain('<uebertragung art="ONLINE" umfang="TEIL"');
    expect(xml).toContain('<anbieternr>IW-4711</anbieternr>');
    expect(xml).toContain('<firma>Becker &amp; Söhne Immobilien GmbH</firma>');
    expect(xml).toContain(`<openimmo_anid>${openImmoId('A', provider.organizationId)}</openimmo_anid>`);
    expect(xml).toContain('<objekttitel>Helle 3-Zimmer-Wohnung mit Balkon &lt;Mitte&gt;</objekttitel>');
    for (const fragment of [
      '<wohnung wohnungtyp="ETAGE"/>',
      '<vermarktungsart KAUF="false" MIETE_PACHT="true"/>',
      '<kaltmiete>1450.00</kaltmiete>',
      '<nebenkosten>220.00</nebenkosten>',
      '<heizkosten>90.00</heizkosten>',
      '<kaution>4350.00</kaution>',
      '<wohnflaeche>78.50</wohnflaeche>',
      '<befeuerung FERN="true"/>',
      '<epart>VERBRAUCH</epart>',
      '<energieverbrauchkennwert>92.4</energieverbrauchkennwert>',
      '<wertklasse>C</wertklasse>',
      '<jahrgang>2014</jahrgang>',
      '<anhang location="EXTERN" gruppe="TITELBILD">',
      '<pfad>https://cdn.example.de/objekte/42/bad.jpg</pfad>',
      `<objektnr_extern>${apartment.id}</objektnr_extern>`,
      '<aktion/>',
    ]) {
      expect(xml).toContain(fragment);
    }
  });

  it('marks changes and deletions with their aktionart and a sale with its commission', () => {
    const xml = buildOpenImmoFeed(provider, [house, { ...apartment, action: 'delete' }], { scope: 'delta', now });
    expect(xml).toContain('<aktion aktionart="CHANGE"/>');
    expect(xml).toContain('<aktion aktionart="DELETE"/>');
    expect(xml).toContain('<haus haustyp="EINFAMILIENHAUS"/>');
    expect(xml).toContain('<kaufpreis>649000.00</kaufpreis>');
    expect(xml).toContain('<aussen_courtage>3,57 % inkl. MwSt.</aussen_courtage>');
    expect(xml).toContain('<endenergiebedarf>145</endenergiebedarf>');
  });

  describe('against the OpenImmo 1.2.7c XSD', () => {
    it('produces valid full and delta feeds for rentals, sales, commercial units and an empty inventory', async () => {
      const office: FeedListing = { ...apartment, id: 'c0ffee00-0000-4000-8000-000000000002', energyCertificate: null, object: { ...apartment.object, unitType: 'office' }, contact: { name: 'Büro', phone: '+49 30 5' } };
      const feeds = [
        buildOpenImmoFeed(provider, [apartment, house, office], { scope: 'full', now }),
        buildOpenImmoFeed(provider, [{ ...apartment, action: 'delete' }, house], { scope: 'delta', now }),
        buildOpenImmoFeed(provider, [], { scope: 'full', now }),
      ];
      for (const xml of feeds) expect(await openImmoErrors(xml)).toEqual([]);
    });

    it('is a check that can fail: a feed with a decimal comma or a missing required block is rejected', async () => {
      const xml = buildOpenImmoFeed(provider, [apartment], { scope: 'full', now });
      expect(await openImmoErrors(xml.replace('<kaltmiete>1450.00</kaltmiete>', '<kaltmiete>1450,00</kaltmiete>'))).not.toEqual([]);
      expect(await openImmoErrors(xml.replace(/<geo>[\s\S]*?<\/geo>/, ''))).not.toEqual([]);
    });
  });
});
