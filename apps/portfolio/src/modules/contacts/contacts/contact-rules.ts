import type { ContactEmailDto, ContactType } from '@quartier/contracts-portfolio';
import type { FieldError } from '@quartier/contracts-shared';

export interface ContactName {
  type: ContactType;
  firstName: string | null;
  lastName: string | null;
  companyName: string | null;
}

/** A person is known by first and last name, a company by its name. */
export function displayName(name: ContactName): string {
  if (name.type === 'company') return name.companyName ?? '';
  return [name.firstName, name.lastName].filter(Boolean).join(' ');
}

/** Rules across fields of the contact as it will be saved (after a partial update is applied). */
export function contactErrors(contact: ContactName & { emails: readonly Pick<ContactEmailDto, 'address'>[] }): FieldError[] {
  const errors: FieldError[] = [];
  if (contact.type === 'person' && !contact.lastName) errors.push({ field: 'lastName', message: 'a person needs a lastName' });
  if (contact.type === 'company' && !contact.companyName) errors.push({ field: 'companyName', message: 'a company needs a companyName' });
  const addresses = contact.emails.map((email) => email.address.toLowerCase());
  if (new Set(addresses).size !== addresses.length) errors.push({ field: 'emails', message: 'each email address may appear only once' });
  return errors;
}
