import { randomUUID } from 'node:crypto';
import { isStorageKey, storageKeyFor } from './storage-key';

describe('storage keys', () => {
  it('are organization/document/version, built only from UUIDs', () => {
    const [org, doc, version] = [randomUUID(), randomUUID(), randomUUID()];
    expect(storageKeyFor(org, doc, version)).toBe(`${org}/${doc}/${version}`);
    expect(isStorageKey(storageKeyFor(org, doc, version))).toBe(true);
  });

  it('refuse anything that could leave the storage directory', () => {
    expect(() => storageKeyFor(randomUUID(), '../../etc', randomUUID())).toThrow('Not a UUID');
    expect(isStorageKey(`${randomUUID()}/../${randomUUID()}`)).toBe(false);
    expect(isStorageKey(`/${randomUUID()}/${randomUUID()}/${randomUUID()}`)).toBe(false);
  });
});
