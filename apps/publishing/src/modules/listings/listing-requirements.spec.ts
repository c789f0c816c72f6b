import { ListingContent, isResidential, missingByChannel, missingForChannel } from './listing-requirements';

const object = {
  propertyType: 'apartment_building',
  unitType: 'apartment',
  address: { street: 'Invalidenstraße', houseNumber: '117', postalCode: '10115', city: 'Berlin', country: 'DE' },
  floor: 2,
  yearBuilt: 1998,
  lat: null,
  lng: null,
};

const complete: ListingContent = {
  marketingType: 'rent',
  title: 'Helle 3-Zimmer-Wohnung',
  description: 'Ruhige Lage, Balkon nach Süden.',
  priceCents: 145_000,
  commission: null,
  livingArea: 78,
  rooms: 3,
  energyCertificate: { type: 'consumption', value: 92.4, energyClass: 'C', constructionYear: 1998, heatingSource: 'gas' },
  contact: { name: 'Anna Becker', email: 'anna@example.de' },
  images: [{ url: 'https://cdn.example.de/1.jpg' }],
  object,
};

describe('listing requirements per channel', () => {
  it('passes a complete rental on every channel', () => {
    expect(missingByChannel(['immoscout24', 'immowelt', 'kleinanzeigen', 'facebook', 'instagram', 'linkedin'], complete)).toEqual({});
  });

  it('requires the Energieausweis data on portals for residential objects only', () => {
    const noValue = { ...complete, energyCertificate: { type: 'demand' as const, energyClass: 'B' as const } };
    expect(missingForChannel('immoscout24', noValue)).toEqual(['energyCertificate.value', 'energyCertificate.constructionYear', 'energyCertificate.heatingSource']);
    expect(missingForChannel('immowelt', { ...complete, energyCertificate: null })).toEqual(['energyCertificate']);
    expect(missingForChannel('facebook', { ...complete, energyCertificate: null })).toEqual([]);
    const parking = { ...complete, energyCertificate: null, object: { ...object, unitType: 'parking' } };
    expect(missingForChannel('immowelt', parking)).toEqual([]);
    expect(missingForChannel('immoscout24', parking)).toEqual(['object.residential']);
  });

  it('names every missing field of a bare draft, per channel', () => {
    const bare: ListingContent = { ...complete, marketingType: 'sale', description: ' ', priceCents: null, livingArea: null, rooms: null, contact: { name: 'A' }, images: [], energyCertificate: null };
    expect(missingByChannel(['kleinanzeigen', 'instagram', 'linkedin'], bare)).toEqual({
      kleinanzeigen: ['description', 'priceCents', 'commission', 'livingArea', 'rooms', 'contact.email', 'energyCertificate', 'images'],
      instagram: ['images.url'],
      linkedin: ['description'],
    });
  });

  it('requires a public image URL for Instagram, a document image is not enough', () => {
    expect(missingForChannel('instagram', { ...complete, images: [{ documentId: '8a6e0804-2bd0-4672-b79d-d97027f9071b' }] })).toEqual(['images.url']);
  });

  it('tells residential from commercial by unit type, else by property type', () => {
    expect(isResidential({ ...object, unitType: 'office' })).toBe(false);
    expect(isResidential({ ...object, unitType: null, propertyType: 'single_family_house' })).toBe(true);
    expect(isResidential({ ...object, unitType: null, propertyType: 'retail' })).toBe(false);
  });
});
