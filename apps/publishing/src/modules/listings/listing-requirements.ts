import { Channel, ListingContactDto, ListingEnergyCertificateDto, ListingImageDto, ListingObjectView, MarketingType } from '@quartier/contracts-publishing';

/** What the rules look at: the listing's marketing data and its portfolio object. */
export interface ListingContent {
  marketingType: MarketingType;
  title: string;
  description: string | null;
  priceCents: number | null;
  commission: string | null;
  livingArea: number | null;
  rooms: number | null;
  energyCertificate: ListingEnergyCertificateDto | null;
  contact: ListingContactDto | null;
  images: ListingImageDto[];
  object: ListingObjectView;
}

const PORTALS: readonly Channel[] = ['immoscout24', 'immowelt', 'kleinanzeigen'];

/** Not a field to fill in: the object itself must be an apartment or a house. */
export const RESIDENTIAL_OBJECT = 'object.residential';
const RESIDENTIAL_PROPERTY_TYPES = ['apartment_building', 'house', 'single_family_house', 'multi_family_house', 'condominium', 'mixed_use'];

/** A residential unit or building: German ads for it must state the Energieausweis (GEG § 87). */
export function isResidential(object: ListingObjectView): boolean {
  if (object.unitType) return object.unitType === 'apartment';
  return RESIDENTIAL_PROPERTY_TYPES.includes(object.propertyType);
}

function portalFields(listing: ListingContent): string[] {
  const missing: string[] = [];
  if (!listing.description?.trim()) missing.push('description');
  if (listing.priceCents === null) missing.push('priceCents');
  if (listing.marketingType === 'sale' && !listing.commission) missing.push('commission');
  if (listing.livingArea === null) missing.push('livingArea');
  if (listing.rooms === null) missing.push('rooms');
  if (!listing.object.address.street) missing.push('address.street');
  if (!listing.object.address.postalCode) missing.push('address.postalCode');
  if (!listing.object.address.city) missing.push('address.city');
  if (!listing.contact) missing.push('contact');
  else if (!listing.contact.email && !listing.contact.phone) missing.push('contact.email');
  if (isResidential(listing.object)) missing.push(...energyCertificateFields(listing.energyCertificate));
  return missing;
}

/** GEG § 87: type, the consumption or demand value, the class, the building's year and its main energy source. */
export function energyCertificateFields(certificate: ListingEnergyCertificateDto | null): string[] {
  if (!certificate) return ['energyCertificate'];
  const missing: string[] = [];
  if (certificate.value === undefined || certificate.value === null) missing.push('energyCertificate.value');
  if (!certificate.energyClass) missing.push('energyCertificate.energyClass');
  if (!certificate.constructionYear) missing.push('energyCertificate.constructionYear');
  if (!certificate.heatingSource) missing.push('energyCertificate.heatingSource');
  return missing;
}

/** Fields the channel needs that the listing lacks (empty: it can be published there). */
export function missingForChannel(channel: Channel, listing: ListingContent): string[] {
  const missing = PORTALS.includes(channel) ? portalFields(listing) : [];
  // The IS24 API mapping here covers apartments and houses; commercial objects go through the OpenImmo portals.
  if (channel === 'immoscout24' && !isResidential(listing.object)) missing.push(RESIDENTIAL_OBJECT);
  if (channel === 'kleinanzeigen' && listing.images.length === 0) missing.push('images');
  if ((channel === 'facebook' || channel === 'linkedin') && !listing.description?.trim()) missing.push('description');
  // The Graph API fetches the picture itself: it needs a public URL, not a document of ours.
  if (channel === 'instagram' && !listing.images.some((image) => image.url)) missing.push('images.url');
  return missing;
}

/** Per channel asked for, what is missing; only channels with something missing are included. */
export function missingByChannel(channels: readonly Channel[], listing: ListingContent): Partial<Record<Channel, string[]>> {
  const result: Partial<Record<Channel, string[]>> = {};
  for (const channel of channels) {
    const missing = missingForChannel(channel, listing);
    if (missing.length > 0) result[channel] = missing;
  }
  return result;
}
