import { ContactMatchResponse, ContactResponse, CreateContactDto, DEFAULT_COUNTRY, LeadScoreResponse, SearchProfileDto } from '@quartier/contracts-portfolio';
import { DEFAULT_BUDGET_CURRENCY, Listing } from '../lead-scoring/search-profile';
import { ContactEntity } from './contact.entity';

export function toContactResponse(entity: ContactEntity): ContactResponse {
  return {
    id: entity.id,
    type: entity.type,
    name: entity.displayName,
    salutation: entity.salutation,
    firstName: entity.firstName,
    lastName: entity.lastName,
    companyName: entity.companyName,
    emails: entity.emails,
    phones: entity.phones,
    address: entity.address && {
      street: entity.address.street ?? null,
      houseNumber: entity.address.houseNumber ?? null,
      postalCode: entity.address.postalCode ?? null,
      city: entity.address.city ?? null,
      country: entity.address.country ?? null,
    },
    kinds: entity.kinds,
    tags: entity.tags,
    source: entity.source,
    ownerId: entity.ownerId,
    status: entity.status,
    searchProfile: entity.searchProfile,
    marketingConsent: {
      granted: entity.marketingConsent,
      at: entity.marketingConsentAt?.toISOString() ?? null,
      source: entity.marketingConsentSource,
    },
    notes: entity.notes,
    interestedPropertyIds: entity.interestedPropertyIds,
    interestedUnitIds: entity.interestedUnitIds,
    lastContactedAt: entity.lastContactedAt?.toISOString() ?? null,
    leadScore: { score: entity.leadScore, grade: entity.leadGrade, scoredAt: entity.leadScoredAt?.toISOString() ?? null },
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}

export function toLeadScoreResponse(entity: ContactEntity): LeadScoreResponse {
  return {
    contactId: entity.id,
    score: entity.leadScore,
    grade: entity.leadGrade,
    reasons: entity.leadScoreReasons,
    scoredAt: (entity.leadScoredAt ?? entity.updatedAt).toISOString(),
  };
}

export function toMatchResponse(listing: Listing): ContactMatchResponse {
  return {
    kind: listing.kind,
    purpose: listing.purpose,
    propertyId: listing.propertyId,
    unitId: listing.unitId,
    title: listing.title,
    propertyType: listing.propertyType,
    unitType: listing.unitType,
    postalCode: listing.postalCode,
    city: listing.city,
    area: listing.area,
    rooms: listing.rooms,
    price: listing.priceCents === null || listing.currency === null ? null : { amountCents: listing.priceCents, currency: listing.currency },
  };
}

type ContactFields = { [K in keyof CreateContactDto]?: CreateContactDto[K] | null };

/**
 * Column values for the given fields; `null` clears an optional field (lists become empty).
 * Consent records when it was given or withdrawn: the given time, or now.
 */
export function contactColumns(fields: ContactFields, now: Date): Partial<ContactEntity> {
  const columns: Partial<ContactEntity> = {};
  const assign = <K extends keyof ContactEntity>(key: K, value: ContactEntity[K] | undefined): void => {
    if (value !== undefined) columns[key] = value;
  };
  assign('type', fields.type ?? undefined);
  assign('status', fields.status ?? undefined);
  assign('salutation', fields.salutation);
  assign('firstName', fields.firstName);
  assign('lastName', fields.lastName);
  assign('companyName', fields.companyName);
  if (fields.emails !== undefined) columns.emails = (fields.emails ?? []).map((email) => ({ address: email.address, label: email.label ?? null }));
  if (fields.phones !== undefined) columns.phones = (fields.phones ?? []).map((phone) => ({ number: phone.number.trim(), label: phone.label ?? null }));
  if (fields.address !== undefined) columns.address = fields.address && { ...fields.address, country: fields.address.country?.toUpperCase() ?? DEFAULT_COUNTRY };
  if (fields.kinds !== undefined) columns.kinds = fields.kinds ?? [];
  if (fields.tags !== undefined) columns.tags = fields.tags ?? [];
  assign('source', fields.source);
  assign('ownerId', fields.ownerId);
  if (fields.searchProfile !== undefined) columns.searchProfile = fields.searchProfile && searchProfileColumn(fields.searchProfile);
  if (fields.marketingConsent !== undefined) {
    const consent = fields.marketingConsent;
    columns.marketingConsent = consent?.granted ?? false;
    columns.marketingConsentAt = consent ? new Date(consent.at ?? now) : null;
    columns.marketingConsentSource = consent?.source ?? null;
  }
  assign('notes', fields.notes);
  if (fields.interestedPropertyIds !== undefined) columns.interestedPropertyIds = fields.interestedPropertyIds ?? [];
  if (fields.interestedUnitIds !== undefined) columns.interestedUnitIds = fields.interestedUnitIds ?? [];
  return columns;
}

/** A plain copy with the currency filled in, so stored profiles always say what their budget means. */
function searchProfileColumn(profile: SearchProfileDto): SearchProfileDto {
  return { ...profile, currency: (profile.currency ?? DEFAULT_BUDGET_CURRENCY).toUpperCase() };
}
