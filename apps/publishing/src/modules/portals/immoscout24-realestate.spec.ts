import { Is24Listing, is24ErrorText, is24Messages, toIs24RealEstate } from './immoscout24-realestate';
import { PortalError } from './portal-error';

const listing: Is24Listing = {
  id: '8a6e0804-2bd0-4672-b79d-d97027f9071b',
  marketingType: 'rent',
  title: 'Helle 3-Zimmer-Wohnung',
  description: 'Balkon nach Süden.',
  priceCents: 145_050,
  currency: 'EUR',
  additionalCostsCents: 22_000,
  heatingCostsCents: null,
  depositCents: 435_000,
  commission: null,
  livingArea: 78.5,
  rooms: 3,
  energyCertificate: { type: 'demand', value: 92.4, energyClass: 'A+', constructionYear: 1998, heatingSource: 'heat_pump', validUntil: '2031-05-31' },
  features: ['fitted_kitchen'],
  contact: { name: 'Anna Becker', email: 'anna@example.de' },
  images: [],
  object: {
    propertyType: 'apartment_building',
    unitType: 'apartment',
    address: { street: 'Invalidenstraße', houseNumber: '117', postalCode: '10115', city: 'Berlin', country: 'DE' },
    floor: 2,
    yearBuilt: 1998,
    lat: 52.53,
    lng: 13.38,
  },
  updatedAt: new Date('2026-11-30T08:00:00Z'),
};

describe('ImmoScout24 real estate', () => {
  it('maps a rental apartment to realestates.apartmentRent with rent in euros and the energy data', () => {
    expect(toIs24RealEstate(listing)).toEqual({
      'realestates.apartmentRent': {
        externalId: listing.id,
        title: 'Helle 3-Zimmer-Wohnung',
        address: { street: 'Invalidenstraße', houseNumber: '117', postcode: '10115', city: 'Berlin', wgs84Coordinate: { latitude: 52.53, longitude: 13.38 } },
        showAddress: true,
        descriptionNote: 'Balkon nach Süden.',
        livingSpace: 78.5,
        numberOfRooms: 3,
        floor: 2,
        constructionYear: 1998,
        builtInKitchen: true,
        lift: false,
        guestToilet: 'NOT_APPLICABLE',
        baseRent: 1450.5,
        serviceCharge: 220,
        deposit: '4350',
        energyCertificate: { energyCertificateAvailability: 'AVAILABLE', energyCertificateCreationDate: 'FROM_01_MAY_2014', energyEfficiencyClass: 'A_PLUS' },
        buildingEnergyRatingType: 'ENERGY_REQUIRED',
        thermalCharacteristic: 92.4,
        energySourcesEnev2014: { energySourceEnev2014: ['ENVIRONMENTAL_THERMAL_ENERGY'] },
      },
    });
  });

  it('maps a house for sale to realestates.houseBuy with price and commission', () => {
    const house = toIs24RealEstate({ ...listing, marketingType: 'sale', priceCents: 64_900_000, commission: '3,57 %', object: { ...listing.object, unitType: null, propertyType: 'single_family_house' } });
    expect(house['realestates.houseBuy']).toMatchObject({
      price: { value: 649_000, currency: 'EUR', marketingType: 'PURCHASE', priceIntervalType: 'ONE_TIME_CHARGE' },
      courtage: { hasCourtage: 'YES', courtage: '3,57 %' },
    });
    expect(house['realestates.houseBuy']).not.toHaveProperty('baseRent');
  });

  it('refuses commercial objects for good (no retry)', () => {
    const attempt = () => toIs24RealEstate({ ...listing, object: { ...listing.object, unitType: 'office' } });
    expect(attempt).toThrow(PortalError);
    expect(attempt).toThrow(/only apartments and houses/);
  });

  it('reads the portal’s messages for ids and errors', () => {
    const created = { 'common.messages': [{ message: { messageCode: 'MESSAGE_RESOURCE_CREATED', message: 'Resource with id [68422] has been created.', id: '68422' } }] };
    expect(is24Messages(created)[0].id).toBe('68422');
    const refused = { 'common.messages': [{ message: { messageCode: 'ERROR_REQUEST_VALIDATION', message: 'title must not be longer than 100' } }] };
    expect(is24ErrorText(400, refused)).toBe('ImmoScout24: ERROR_REQUEST_VALIDATION: title must not be longer than 100');
    expect(is24ErrorText(502, '<html>Bad gateway</html>')).toBe('ImmoScout24 answered HTTP 502');
  });
});
