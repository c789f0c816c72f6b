import { AddressDto, AddressResponse, CreatePropertyDto, DEFAULT_COUNTRY, MoneyDto, PropertyResponse } from '@quartier/contracts-portfolio';
import { PropertyEntity } from './property.entity';

export function toAddressResponse(address: AddressDto): AddressResponse {
  return {
    street: address.street,
    houseNumber: address.houseNumber ?? null,
    postalCode: address.postalCode,
    city: address.city,
    state: address.state ?? null,
    country: (address.country ?? DEFAULT_COUNTRY).toUpperCase(),
  };
}

function money(amountCents: number | null, currency: string | null): MoneyDto | null {
  return amountCents === null || currency === null ? null : { amountCents, currency };
}

export function toPropertyResponse(entity: PropertyEntity): PropertyResponse {
  return {
    id: entity.id,
    name: entity.name,
    type: entity.type,
    status: entity.status,
    address: {
      street: entity.street,
      houseNumber: entity.houseNumber,
      postalCode: entity.postalCode,
      city: entity.city,
      state: entity.state,
      country: entity.country,
    },
    coordinates: entity.latitude === null || entity.longitude === null ? null : { lat: entity.latitude, lng: entity.longitude },
    livingArea: entity.livingArea,
    usableArea: entity.usableArea,
    plotArea: entity.plotArea,
    rooms: entity.rooms,
    floors: entity.floors,
    yearBuilt: entity.yearBuilt,
    condition: entity.condition,
    energyCertificate: entity.energyCertificate,
    amenities: entity.amenities,
    owner: entity.owner,
    purchasePrice: money(entity.purchasePriceCents, entity.purchasePriceCurrency),
    purchaseDate: entity.purchaseDate,
    currentValue: money(entity.currentValueCents, entity.currentValueCurrency),
    description: entity.description,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}

/** Column values for the given fields; `null` clears an optional field. */
export function propertyColumns(fields: { [K in keyof CreatePropertyDto]?: CreatePropertyDto[K] | null }): Partial<PropertyEntity> {
  const columns: Partial<PropertyEntity> = {};
  const assign = <K extends keyof PropertyEntity>(key: K, value: PropertyEntity[K] | undefined): void => {
    if (value !== undefined) columns[key] = value;
  };
  assign('name', fields.name ?? undefined);
  assign('type', fields.type ?? undefined);
  assign('status', fields.status ?? undefined);
  if (fields.address) {
    const address = toAddressResponse(fields.address);
    Object.assign(columns, {
      street: address.street,
      houseNumber: address.houseNumber,
      postalCode: address.postalCode,
      city: address.city,
      state: address.state,
      country: address.country,
    });
  }
  if (fields.coordinates !== undefined) {
    columns.latitude = fields.coordinates?.lat ?? null;
    columns.longitude = fields.coordinates?.lng ?? null;
  }
  assign('livingArea', fields.livingArea);
  assign('usableArea', fields.usableArea);
  assign('plotArea', fields.plotArea);
  assign('rooms', fields.rooms);
  assign('floors', fields.floors);
  assign('yearBuilt', fields.yearBuilt);
  assign('condition', fields.condition);
  assign('energyCertificate', fields.energyCertificate === undefined ? undefined : fields.energyCertificate && { ...fields.energyCertificate });
  if (fields.amenities !== undefined) columns.amenities = fields.amenities ?? [];
  assign('owner', fields.owner === undefined ? undefined : fields.owner && { ...fields.owner });
  if (fields.purchasePrice !== undefined) {
    columns.purchasePriceCents = fields.purchasePrice?.amountCents ?? null;
    columns.purchasePriceCurrency = fields.purchasePrice?.currency.toUpperCase() ?? null;
  }
  assign('purchaseDate', fields.purchaseDate);
  if (fields.currentValue !== undefined) {
    columns.currentValueCents = fields.currentValue?.amountCents ?? null;
    columns.currentValueCurrency = fields.currentValue?.currency.toUpperCase() ?? null;
  }
  assign('description', fields.description);
  return columns;
}
