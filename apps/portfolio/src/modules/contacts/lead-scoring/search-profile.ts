import type { FieldError } from '@quartier/contracts-shared';
import type { ListingKind, PropertyType, SearchProfileDto, SearchPurpose, UnitType } from '@quartier/contracts-portfolio';

/** Budgets default to euros. */
export const DEFAULT_BUDGET_CURRENCY = 'EUR';

/** An available listing of the organization: a vacant unit to rent, or a property for sale. */
export interface Listing {
  kind: ListingKind;
  purpose: SearchPurpose;
  propertyId: string;
  unitId: string | null;
  title: string;
  propertyType: PropertyType;
  unitType: UnitType | null;
  postalCode: string;
  city: string;
  area: number | null;
  rooms: number | null;
  priceCents: number | null;
  currency: string | null;
}

/** Cross-field rules class-validator cannot express: each minimum at most its maximum. */
export function searchProfileErrors(profile: SearchProfileDto): FieldError[] {
  const errors: FieldError[] = [];
  const range = (minField: keyof SearchProfileDto, maxField: keyof SearchProfileDto): void => {
    const min = profile[minField];
    const max = profile[maxField];
    if (typeof min === 'number' && typeof max === 'number' && min > max) {
      errors.push({ field: `searchProfile.${minField}`, message: `${minField} must not be greater than ${maxField}` });
    }
  };
  range('budgetMinCents', 'budgetMaxCents');
  range('roomsMin', 'roomsMax');
  range('areaMin', 'areaMax');
  if (profile.purpose === 'buy' && profile.unitTypes && profile.unitTypes.length > 0) {
    errors.push({ field: 'searchProfile.unitTypes', message: 'unitTypes apply to renting only; buying matches whole properties' });
  }
  return errors;
}

/**
 * Whether a listing fits a search profile. Every criterion the profile sets must hold; a listing
 * that lacks the value a criterion needs (no price, no rooms) does not match it, because the agent
 * cannot promise it fits.
 */
export function matchesSearchProfile(profile: SearchProfileDto, listing: Listing): boolean {
  if (listing.purpose !== profile.purpose) return false;
  if (!withinBudget(profile, listing)) return false;
  if (!within(listing.rooms, profile.roomsMin, profile.roomsMax)) return false;
  if (!within(listing.area, profile.areaMin, profile.areaMax)) return false;
  if (profile.postalCodes?.length && !profile.postalCodes.some((code) => listing.postalCode.startsWith(code.trim()))) return false;
  if (profile.cities?.length && !profile.cities.some((city) => sameText(city, listing.city))) return false;
  if (profile.propertyTypes?.length && !profile.propertyTypes.includes(listing.propertyType)) return false;
  if (profile.unitTypes?.length && (listing.unitType === null || !profile.unitTypes.includes(listing.unitType))) return false;
  return true;
}

/** Only prices in the budget's currency compare; there is no exchange rate here. */
function withinBudget(profile: SearchProfileDto, listing: Listing): boolean {
  if (profile.budgetMinCents === undefined && profile.budgetMaxCents === undefined) return true;
  if (listing.priceCents === null || listing.currency === null) return false;
  if (listing.currency.toUpperCase() !== (profile.currency ?? DEFAULT_BUDGET_CURRENCY).toUpperCase()) return false;
  return within(listing.priceCents, profile.budgetMinCents, profile.budgetMaxCents);
}

function within(value: number | null, min: number | undefined, max: number | undefined): boolean {
  if (min === undefined && max === undefined) return true;
  if (value === null) return false;
  return (min === undefined || value >= min) && (max === undefined || value <= max);
}

function sameText(a: string, b: string): boolean {
  return a.trim().localeCompare(b.trim(), 'de', { sensitivity: 'base' }) === 0;
}

/** Best fit first: the price closest to the middle of the budget, then the larger area, then the title. */
export function byBudgetFit(profile: SearchProfileDto): (a: Listing, b: Listing) => number {
  const target = budgetTarget(profile);
  return (a, b) => {
    if (target !== null) {
      const gap = Math.abs((a.priceCents ?? Infinity) - target) - Math.abs((b.priceCents ?? Infinity) - target);
      if (gap !== 0 && Number.isFinite(gap)) return gap;
    }
    const area = (b.area ?? 0) - (a.area ?? 0);
    if (area !== 0) return area;
    return a.title.localeCompare(b.title, 'de');
  };
}

function budgetTarget(profile: SearchProfileDto): number | null {
  const { budgetMinCents: min, budgetMaxCents: max } = profile;
  if (min !== undefined && max !== undefined) return (min + max) / 2;
  return max ?? min ?? null;
}
