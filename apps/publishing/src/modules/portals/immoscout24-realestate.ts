import type { HeatingSource } from '@quartier/contracts-publishing';
import { isResidential } from '../listings/listing-requirements';
import { FeedListing } from './openimmo-feed';
import { PortalError } from './portal-error';

export type Is24Listing = Omit<FeedListing, 'action' | 'attachments'>;

/** IS24 energySourceEnev2014 values. */
const ENERGY_SOURCES: Partial<Record<HeatingSource, string>> = {
  gas: 'GAS',
  oil: 'OIL',
  district_heating: 'DISTRICT_HEATING',
  electricity: 'ELECTRICITY',
  heat_pump: 'ENVIRONMENTAL_THERMAL_ENERGY',
  solar: 'SOLAR_HEATING',
  wood: 'WOOD',
  pellets: 'PELLET_HEATING',
  geothermal: 'GEOTHERMAL',
  coal: 'COAL',
};

const HOUSE_TYPES = ['house', 'single_family_house', 'multi_family_house'];

function euros(cents: number): number {
  return cents / 100;
}

/** The IS24 real estate type of a listing: apartments and houses, to rent or to buy. */
export function is24Type(listing: Is24Listing): string {
  if (!isResidential(listing.object)) throw new PortalError('ImmoScout24: only apartments and houses are published through the API here', false);
  const house = !listing.object.unitType && HOUSE_TYPES.includes(listing.object.propertyType);
  return `${house ? 'house' : 'apartment'}${listing.marketingType === 'rent' ? 'Rent' : 'Buy'}`;
}

/** The body of POST/PUT …/user/me/realestate in IS24's JSON format (`{ "realestates.apartmentRent": { … } }`). */
export function toIs24RealEstate(listing: Is24Listing): Record<string, Record<string, unknown>> {
  const type = is24Type(listing);
  const address = listing.object.address;
  const certificate = listing.energyCertificate;
  const source = certificate?.heatingSource ? ENERGY_SOURCES[certificate.heatingSource] : undefined;
  const body: Record<string, unknown> = {
    externalId: listing.id,
    title: listing.title,
    address: {
      street: address.street,
      houseNumber: address.houseNumber ?? undefined,
      postcode: address.postalCode,
      city: address.city,
      ...(listing.object.lat !== null && listing.object.lng !== null ? { wgs84Coordinate: { latitude: listing.object.lat, longitude: listing.object.lng } } : {}),
    },
    showAddress: true,
    descriptionNote: listing.description ?? undefined,
    livingSpace: listing.livingArea ?? undefined,
    numberOfRooms: listing.rooms ?? undefined,
    floor: listing.object.floor ?? undefined,
    constructionYear: certificate?.constructionYear ?? listing.object.yearBuilt ?? undefined,
    builtInKitchen: listing.features.includes('fitted_kitchen'),
    lift: listing.features.includes('elevator'),
    guestToilet: listing.features.includes('guest_toilet') ? 'YES' : 'NOT_APPLICABLE',
  };
  if (listing.marketingType === 'rent') {
    Object.assign(body, {
      baseRent: listing.priceCents !== null ? euros(listing.priceCents) : undefined,
      serviceCharge: listing.additionalCostsCents !== null ? euros(listing.additionalCostsCents) : undefined,
      heatingCosts: listing.heatingCostsCents !== null ? euros(listing.heatingCostsCents) : undefined,
      deposit: listing.depositCents !== null ? String(euros(listing.depositCents)) : undefined,
    });
  } else {
    Object.assign(body, {
      price: listing.priceCents !== null ? { value: euros(listing.priceCents), currency: listing.currency, marketingType: 'PURCHASE', priceIntervalType: 'ONE_TIME_CHARGE' } : undefined,
      courtage: listing.commission ? { hasCourtage: 'YES', courtage: listing.commission } : { hasCourtage: 'NO' },
    });
  }
  if (certificate) {
    Object.assign(body, {
      energyCertificate: {
        energyCertificateAvailability: 'AVAILABLE',
        energyCertificateCreationDate: certificate.validUntil && certificate.validUntil < '2024-05-01' ? 'BEFORE_01_MAY_2014' : 'FROM_01_MAY_2014',
        energyEfficiencyClass: certificate.energyClass?.replace('+', '_PLUS'),
      },
      buildingEnergyRatingType: certificate.type === 'consumption' ? 'ENERGY_CONSUMPTION' : 'ENERGY_REQUIRED',
      thermalCharacteristic: certificate.value,
      ...(source ? { energySourcesEnev2014: { energySourceEnev2014: [source] } } : {}),
    });
  }
  return { [`realestates.${type}`]: JSON.parse(JSON.stringify(body)) as Record<string, unknown> };
}

interface Is24Message {
  messageCode?: string;
  message?: string;
  id?: string;
}

/** IS24 answers with `{ "common.messages": [{ "message": { messageCode, message, id } }] }`. */
export function is24Messages(body: unknown): Is24Message[] {
  const messages = (body as { 'common.messages'?: { message?: Is24Message }[] } | null)?.['common.messages'];
  return Array.isArray(messages) ? messages.map((entry) => entry.message ?? {}).filter((message) => message.messageCode) : [];
}

/** The portal's own words for a failed call, e.g. "ERROR_REQUEST_VALIDATION: title is too long". */
export function is24ErrorText(status: number, body: unknown): string {
  const messages = is24Messages(body);
  if (messages.length === 0) return `ImmoScout24 answered HTTP ${status}`;
  return `ImmoScout24: ${messages.map((message) => `${message.messageCode}: ${message.message ?? ''}`.trim()).join('; ')}`;
}
