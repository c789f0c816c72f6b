import { contactErrors, displayName } from './contact-rules';

const person = { type: 'person' as const, firstName: 'Anna', lastName: 'Schulz', companyName: 'Schulz GmbH', emails: [] };

describe('contact rules', () => {
  it('names a person by first and last name and a company by its name', () => {
    expect(displayName(person)).toBe('Anna Schulz');
    expect(displayName({ ...person, firstName: null })).toBe('Schulz');
    expect(displayName({ ...person, type: 'company' })).toBe('Schulz GmbH');
  });

  it('requires a last name for a person and a company name for a company', () => {
    expect(contactErrors(person)).toEqual([]);
    expect(contactErrors({ ...person, lastName: null })).toEqual([{ field: 'lastName', message: 'a person needs a lastName' }]);
    expect(contactErrors({ ...person, type: 'company', companyName: null })).toEqual([{ field: 'companyName', message: 'a company needs a companyName' }]);
  });

  it('refuses the same email twice on one contact, whatever its case', () => {
    expect(contactErrors({ ...person, emails: [{ address: 'a@example.de' }, { address: 'A@example.de' }] })).toEqual([
      { field: 'emails', message: 'each email address may appear only once' },
    ]);
  });
});
