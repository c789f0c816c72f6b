import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { HeatingSource, ListingObjectView } from '@quartier/contracts-publishing';
import { ListingContent, isResidential } from '../listings/listing-requirements';

export type FeedAction = 'add' | 'change' | 'delete';

/** One listing in a feed, with what the portal should do with it. */
export interface FeedListing extends ListingContent {
  id: string;
  currency: string;
  additionalCostsCents: number | null;
  heatingCostsCents: number | null;
  depositCents: number | null;
  features: string[];
  updatedAt: Date;
  action: FeedAction;
  attachments: FeedAttachment[];
}

/** An image: on our CDN/the web (REMOTE) or a file beside the XML in the ZIP (EXTERN). */
export interface FeedAttachment {
  location: 'REMOTE' | 'EXTERN';
  path: string;
  title: string | null;
  format: string;
}

export interface FeedProvider {
  organizationId: string;
  providerId: string;
  companyName: string;
}

export interface FeedOptions {
  /** VOLL: the complete inventory (the portal drops what is missing); TEIL: only the listed changes. */
  scope: 'full' | 'delta';
  now: Date;
}

const SENDER = { sendersoftware: 'Quartier', senderversion: '1.0', version: '1.2.7' };

const BEFEUERUNG: Record<HeatingSource, string> = {
  gas: 'GAS',
  oil: 'OEL',
  district_heating: 'FERN',
  electricity: 'ELEKTRO',
  heat_pump: 'LUFTWP',
  solar: 'SOLAR',
  wood: 'HOLZ',
  pellets: 'PELLET',
  geothermal: 'ERDWAERME',
  coal: 'KOHLE',
  other: 'ALTERNATIV',
};

/** OpenImmo ids: a kind letter, our three-letter sender code and the uuid's 32 hex digits. */
export function openImmoId(kind: 'A' | 'O', uuid: string): string {
  return `${kind}QRT${uuid.replace(/-/g, '').toUpperCase()}`;
}

function decimal(cents: number): string {
  return (cents / 100).toFixed(2);
}

function objektart(parent: XMLBuilder, object: ListingObjectView): void {
  const kind = object.unitType ?? object.propertyType;
  switch (kind) {
    case 'apartment':
    case 'condominium':
      parent.ele('wohnung', { wohnungtyp: object.floor === 0 ? 'ERDGESCHOSS' : 'ETAGE' });
      return;
    case 'house':
    case 'single_family_house':
      parent.ele('haus', { haustyp: 'EINFAMILIENHAUS' });
      return;
    case 'apartment_building':
    case 'multi_family_house':
    case 'mixed_use':
      parent.ele('haus', { haustyp: 'MEHRFAMILIENHAUS' });
      return;
    case 'office':
      parent.ele('buero_praxen', { buero_typ: 'BUEROFLAECHE' });
      return;
    case 'commercial':
    case 'retail':
      parent.ele('einzelhandel', { handel_typ: 'LADENLOKAL' });
      return;
    case 'parking':
      parent.ele('parken', { parken_typ: 'STELLPLATZ' });
      return;
    case 'storage':
    case 'industrial':
      parent.ele('hallen_lager_prod', { hallen_typ: 'LAGER' });
      return;
    case 'land':
      parent.ele('grundstueck', { grundst_typ: 'WOHNEN' });
      return;
    default:
      parent.ele('sonstige', { sonstige_typ: 'SONSTIGE' });
  }
}

function text(parent: XMLBuilder, name: string, value: string | number | null | undefined): void {
  if (value !== null && value !== undefined && value !== '') parent.ele(name).txt(String(value));
}

/** Energieausweis generation: certificates are valid ten years, so one valid past 1 May 2024 was issued under the 2014 rules. */
function certificateGeneration(validUntil: string | undefined): string | undefined {
  if (!validUntil) return undefined;
  return validUntil >= '2024-05-01' ? '2014' : '2008';
}

function immobilie(anbieter: XMLBuilder, listing: FeedListing, now: Date): void {
  const residential = isResidential(listing.object);
  const item = anbieter.ele('immobilie');
  const kategorie = item.ele('objektkategorie');
  kategorie.ele('nutzungsart', { WOHNEN: String(residential), GEWERBE: String(!residential) });
  kategorie.ele('vermarktungsart', { KAUF: String(listing.marketingType === 'sale'), MIETE_PACHT: String(listing.marketingType === 'rent') });
  objektart(kategorie.ele('objektart'), listing.object);

  const address = listing.object.address;
  const geo = item.ele('geo');
  geo.ele('plz').txt(address.postalCode);
  geo.ele('ort').txt(address.city);
  if (listing.object.lat !== null && listing.object.lng !== null) geo.ele('geokoordinaten', { breitengrad: String(listing.object.lat), laengengrad: String(listing.object.lng) });
  text(geo, 'strasse', address.street);
  text(geo, 'hausnummer', address.houseNumber);
  if (address.country === 'DE') geo.ele('land', { iso_land: 'DEU' });
  text(geo, 'etage', listing.object.floor);

  const contact = item.ele('kontaktperson');
  text(contact, 'email_zentrale', listing.contact?.email);
  text(contact, 'tel_zentrale', listing.contact?.phone);
  contact.ele('name').txt(listing.contact?.name ?? '');

  const prices = item.ele('preise');
  if (listing.priceCents !== null) prices.ele(listing.marketingType === 'sale' ? 'kaufpreis' : 'kaltmiete').txt(decimal(listing.priceCents));
  if (listing.marketingType === 'rent' && listing.additionalCostsCents !== null) prices.ele('nebenkosten').txt(decimal(listing.additionalCostsCents));
  if (listing.marketingType === 'rent' && listing.heatingCostsCents !== null) {
    prices.ele('heizkosten_enthalten').txt('false');
    prices.ele('heizkosten').txt(decimal(listing.heatingCostsCents));
  }
  if (listing.marketingType === 'sale') prices.ele('provisionspflichtig').txt(String(Boolean(listing.commission)));
  if (listing.marketingType === 'sale' && listing.commission) prices.ele('aussen_courtage').txt(listing.commission);
  prices.ele('waehrung', { iso_waehrung: listing.currency });
  if (listing.depositCents !== null) prices.ele('kaution').txt(decimal(listing.depositCents));

  const areas = item.ele('flaechen');
  text(areas, 'wohnflaeche', listing.livingArea?.toFixed(2));
  text(areas, 'anzahl_zimmer', listing.rooms);

  const fittings = item.ele('ausstattung');
  if (listing.features.includes('fitted_kitchen')) fittings.ele('kueche', { EBK: 'true' });
  const source = listing.energyCertificate?.heatingSource;
  if (source) fittings.ele('befeuerung', { [BEFEUERUNG[source]]: 'true' });
  if (listing.features.includes('elevator')) fittings.ele('fahrstuhl', { PERSONEN: 'true' });
  if (listing.features.includes('step_free')) fittings.ele('barrierefrei').txt('true');
  if (listing.features.includes('guest_toilet')) fittings.ele('gaestewc').txt('true');

  const condition = item.ele('zustand_angaben');
  text(condition, 'baujahr', listing.object.yearBuilt);
  const certificate = listing.energyCertificate;
  if (certificate) {
    const pass = condition.ele('energiepass');
    pass.ele('epart').txt(certificate.type === 'consumption' ? 'VERBRAUCH' : 'BEDARF');
    text(pass, 'gueltig_bis', certificate.validUntil);
    if (certificate.value !== undefined) pass.ele(certificate.type === 'consumption' ? 'energieverbrauchkennwert' : 'endenergiebedarf').txt(String(certificate.value));
    if (source) pass.ele('primaerenergietraeger').txt(BEFEUERUNG[source]);
    text(pass, 'wertklasse', certificate.energyClass);
    text(pass, 'baujahr', certificate.constructionYear);
    text(pass, 'jahrgang', certificateGeneration(certificate.validUntil));
    pass.ele('gebaeudeart').txt(residential ? 'wohn' : 'nichtwohn');
  }

  const texts = item.ele('freitexte');
  texts.ele('objekttitel').txt(listing.title);
  text(texts, 'objektbeschreibung', listing.description);

  if (listing.attachments.length > 0) {
    const attachments = item.ele('anhaenge');
    listing.attachments.forEach((attachment, index) => {
      const anhang = attachments.ele('anhang', { location: attachment.location, gruppe: index === 0 ? 'TITELBILD' : 'BILD' });
      text(anhang, 'anhangtitel', attachment.title);
      anhang.ele('format').txt(attachment.format);
      anhang.ele('daten').ele('pfad').txt(attachment.path);
    });
  }

  const technical = item.ele('verwaltung_techn');
  technical.ele('objektnr_extern').txt(listing.id);
  if (listing.action === 'add') technical.ele('aktion');
  else technical.ele('aktion', { aktionart: listing.action === 'change' ? 'CHANGE' : 'DELETE' });
  technical.ele('openimmo_obid').txt(openImmoId('O', listing.id));
  technical.ele('kennung_ursprung').txt('Quartier');
  technical.ele('stand_vom').txt((listing.updatedAt > now ? now : listing.updatedAt).toISOString().slice(0, 10));
  technical.ele('sprache').txt('de');
}

/** An OpenImmo 1.2.7 document with one anbieter (the organization's account on the portal). */
export function buildOpenImmoFeed(provider: FeedProvider, listings: readonly FeedListing[], options: FeedOptions): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('openimmo');
  root.ele('uebertragung', {
    art: 'ONLINE',
    umfang: options.scope === 'full' ? 'VOLL' : 'TEIL',
    ...SENDER,
    timestamp: options.now.toISOString().slice(0, 19),
  });
  const anbieter = root.ele('anbieter');
  anbieter.ele('anbieternr').txt(provider.providerId);
  anbieter.ele('firma').txt(provider.companyName);
  anbieter.ele('openimmo_anid').txt(openImmoId('A', provider.organizationId));
  for (const listing of listings) immobilie(anbieter, listing, options.now);
  return root.end({ prettyPrint: true });
}
