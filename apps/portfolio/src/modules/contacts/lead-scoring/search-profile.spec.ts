import type { SearchProfileDto } from '@quartier/contracts-portfolio';
import { Listing, byBudgetFit, matchesSearchProfile, searchProfileErrors } from './search-profile';

const flat: Listing = {
  kind: 'unit',
  purpose: 'rent',
  propertyId: 'p1',
  unitId: 'u1',
  title: 'Kastanienallee 12 · WE 3',
  propertyType: 'apartment_building',
  unitType: 'apartment',
  postalCode: '10435',
  city: 'Berlin',
  area: 72,
  rooms: 3,
  priceCents: 110000,
  currency: 'EUR',
};

const rent: SearchProfileDto = { purpose: 'rent' };

describe('search profile matching', () => {
  it('matches only listings of the same purpose', () => {
    expect(matchesSearchProfile(rent, flat)).toBe(true);
    expect(matchesSearchProfile({ purpose: 'buy' }, flat)).toBe(false);
  });

  it('keeps the price within the budget, in the budget currency (EUR by default)', () => {
    expect(matchesSearchProfile({ ...rent, budgetMinCents: 100000, budgetMaxCents: 110000 }, flat)).toBe(true);
    expect(matchesSearchProfile({ ...rent, budgetMaxCents: 109999 }, flat)).toBe(false);
    expect(matchesSearchProfile({ ...rent, budgetMinCents: 110001 }, flat)).toBe(false);
    expect(matchesSearchProfile({ ...rent, budgetMaxCents: 200000, currency: 'CHF' }, flat)).toBe(false);
    expect(matchesSearchProfile({ ...rent, budgetMaxCents: 200000 }, { ...flat, priceCents: null, currency: null })).toBe(false);
  });

  it('checks rooms and area ranges; a listing without the value does not match a range', () => {
    expect(matchesSearchProfile({ ...rent, roomsMin: 3, roomsMax: 3, areaMin: 70, areaMax: 72 }, flat)).toBe(true);
    expect(matchesSearchProfile({ ...rent, roomsMin: 3.5 }, flat)).toBe(false);
    expect(matchesSearchProfile({ ...rent, areaMax: 71.9 }, flat)).toBe(false);
    expect(matchesSearchProfile({ ...rent, roomsMin: 1 }, { ...flat, rooms: null })).toBe(false);
  });

  it('matches postal code prefixes and cities regardless of case and accents', () => {
    expect(matchesSearchProfile({ ...rent, postalCodes: ['104'] }, flat)).toBe(true);
    expect(matchesSearchProfile({ ...rent, postalCodes: ['10115', '20'] }, flat)).toBe(false);
    expect(matchesSearchProfile({ ...rent, cities: ['berlin'] }, flat)).toBe(true);
    expect(matchesSearchProfile({ ...rent, cities: ['München'] }, { ...flat, city: 'Munchen' })).toBe(true);
    expect(matchesSearchProfile({ ...rent, cities: ['Hamburg'] }, flat)).toBe(false);
  });

  it('restricts property and unit types when given', () => {
    expect(matchesSearchProfile({ ...rent, propertyTypes: ['apartment_building', 'house'], unitTypes: ['apartment'] }, flat)).toBe(true);
    expect(matchesSearchProfile({ ...rent, propertyTypes: ['house'] }, flat)).toBe(false);
    expect(matchesSearchProfile({ ...rent, unitTypes: ['office'] }, flat)).toBe(false);
  });

  it('orders matches by closeness to the middle of the budget, then by area', () => {
    const profile: SearchProfileDto = { ...rent, budgetMinCents: 80000, budgetMaxCents: 120000 };
    const cheap = { ...flat, title: 'cheap', priceCents: 80000 };
    const middle = { ...flat, title: 'middle', priceCents: 101000 };
    const middleLarger = { ...flat, title: 'middle larger', priceCents: 99000, area: 90 };
    expect([cheap, middle, middleLarger].sort(byBudgetFit(profile)).map((l) => l.title)).toEqual(['middle larger', 'middle', 'cheap']);
  });
});

describe('search profile validation', () => {
  it('accepts consistent ranges', () => {
    expect(searchProfileErrors({ purpose: 'rent', budgetMinCents: 1, budgetMaxCents: 1, roomsMin: 2, roomsMax: 3 })).toEqual([]);
  });

  it('names every minimum above its maximum', () => {
    expect(searchProfileErrors({ purpose: 'rent', budgetMinCents: 2, budgetMaxCents: 1, areaMin: 90, areaMax: 50 })).toEqual([
      { field: 'searchProfile.budgetMinCents', message: 'budgetMinCents must not be greater than budgetMaxCents' },
      { field: 'searchProfile.areaMin', message: 'areaMin must not be greater than areaMax' },
    ]);
  });

  it('refuses unit types when buying', () => {
    expect(searchProfileErrors({ purpose: 'buy', unitTypes: ['apartment'] })).toEqual([
      { field: 'searchProfile.unitTypes', message: 'unitTypes apply to renting only; buying matches whole properties' },
    ]);
  });
});
