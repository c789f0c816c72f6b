import type { HeatingSource } from '@quartier/contracts-publishing';
import { isResidential } from '../listings/listing-requirements';
import type { Is24Listing } from './immoscout24-realestate';

const SOURCES: Record<HeatingSource, string> = {
  gas: 'Gas',
  oil: 'Öl',
  district_heating: 'Fernwärme',
  electricity: 'Strom',
  heat_pump: 'Wärmepumpe',
  solar: 'Solar',
  wood: 'Holz',
  pellets: 'Pellets',
  geothermal: 'Erdwärme',
  coal: 'Kohle',
  other: 'Sonstige',
};

const number = (value: number, digits = 0) => value.toLocaleString('de-DE', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const money = (cents: number) => `${number(cents / 100, cents % 100 === 0 ? 0 : 2)} €`;

/** The Energieausweis line GEG § 87 requires in property ads, social posts included. */
export function energyLine(listing: Is24Listing): string | null {
  const certificate = listing.energyCertificate;
  if (!certificate || !isResidential(listing.object)) return null;
  const parts = [`Energieausweis: ${certificate.type === 'consumption' ? 'Verbrauchsausweis' : 'Bedarfsausweis'}`];
  if (certificate.value !== undefined) parts.push(`${number(certificate.value, 1)} kWh/(m²·a)`);
  if (certificate.energyClass) parts.push(`Klasse ${certificate.energyClass}`);
  if (certificate.heatingSource) parts.push(SOURCES[certificate.heatingSource]);
  if (certificate.constructionYear) parts.push(`Baujahr ${certificate.constructionYear}`);
  return parts.join(', ');
}

/** Title, key facts, place, energy data, then as much of the description as fits in `maxLength`. */
export function socialPostText(listing: Is24Listing, maxLength: number): string {
  const facts = [
    listing.rooms !== null ? `${number(listing.rooms, listing.rooms % 1 ? 1 : 0)} Zimmer` : null,
    listing.livingArea !== null ? `${number(listing.livingArea, listing.livingArea % 1 ? 1 : 0)} m²` : null,
    listing.priceCents !== null ? (listing.marketingType === 'rent' ? `${money(listing.priceCents)} kalt` : `Kaufpreis ${money(listing.priceCents)}`) : null,
  ].filter(Boolean);
  const head = [
    listing.title,
    facts.join(' · '),
    `📍 ${listing.object.address.postalCode} ${listing.object.address.city}`,
    listing.marketingType === 'sale' && listing.commission ? `Käuferprovision: ${listing.commission}` : null,
    energyLine(listing),
  ]
    .filter(Boolean)
    .join('\n');
  const description = listing.description?.trim();
  if (!description) return head.slice(0, maxLength);
  const room = maxLength - head.length - 2;
  if (room < 20) return head.slice(0, maxLength);
  return `${head}\n\n${description.length > room ? `${description.slice(0, room - 1).trimEnd()}…` : description}`;
}
