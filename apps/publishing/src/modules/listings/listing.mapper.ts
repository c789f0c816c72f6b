import type { ListingObjectView, ListingView, PublicationView } from '@quartier/contracts-publishing';
import type { PropertyResponse, UnitResponse } from '@quartier/contracts-portfolio';
import type { Is24Listing } from '../portals/immoscout24-realestate';
import { ListingEntity } from './listing.entity';
import { PublicationEntity } from './publication.entity';

/** What portfolio says about the marketed object, kept with the listing (feeds and portals need it without asking again). */
export function objectSnapshot(property: PropertyResponse, unit: UnitResponse | null): ListingObjectView {
  return {
    propertyType: property.type,
    unitType: unit?.type ?? null,
    address: {
      street: property.address.street,
      houseNumber: property.address.houseNumber,
      postalCode: property.address.postalCode,
      city: property.address.city,
      country: property.address.country,
    },
    floor: unit?.floor ?? null,
    yearBuilt: property.yearBuilt,
    lat: property.coordinates?.lat ?? null,
    lng: property.coordinates?.lng ?? null,
  };
}

export function toPublicationView(row: PublicationEntity): PublicationView {
  return {
    channel: row.channel,
    status: row.status,
    externalId: row.externalId,
    url: row.url,
    lastError: row.lastError,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toListingView(row: ListingEntity, publications: PublicationEntity[]): ListingView {
  return {
    id: row.id,
    propertyId: row.propertyId,
    unitId: row.unitId,
    status: row.status,
    marketingType: row.marketingType,
    title: row.title,
    description: row.description,
    priceCents: row.priceCents,
    currency: row.currency,
    additionalCostsCents: row.additionalCostsCents,
    heatingCostsCents: row.heatingCostsCents,
    depositCents: row.depositCents,
    commission: row.commission,
    livingArea: row.livingArea,
    rooms: row.rooms,
    energyCertificate: row.energyCertificate,
    features: row.features,
    contact: row.contact,
    images: row.images,
    object: row.object,
    publications: publications.sort((a, b) => a.channel.localeCompare(b.channel)).map(toPublicationView),
    withdrawnReason: row.withdrawnReason,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The listing as portals, feeds and social posts read it. */
export function toPortalListing(row: ListingEntity): Is24Listing {
  return {
    id: row.id,
    marketingType: row.marketingType,
    title: row.title,
    description: row.description,
    priceCents: row.priceCents,
    currency: row.currency,
    additionalCostsCents: row.additionalCostsCents,
    heatingCostsCents: row.heatingCostsCents,
    depositCents: row.depositCents,
    commission: row.commission,
    livingArea: row.livingArea,
    rooms: row.rooms,
    energyCertificate: row.energyCertificate,
    features: row.features,
    contact: row.contact,
    images: row.images,
    object: row.object,
    updatedAt: row.updatedAt,
  };
}
