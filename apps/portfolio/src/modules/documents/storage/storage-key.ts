const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `<organization>/<document>/<version id>`: built from server-generated UUIDs only, so a client's
 * file name can never reach the storage path.
 */
export function storageKeyFor(organizationId: string, documentId: string, versionId: string): string {
  for (const id of [organizationId, documentId, versionId]) {
    if (!UUID.test(id)) throw new Error(`Not a UUID: ${id}`);
  }
  return `${organizationId}/${documentId}/${versionId}`.toLowerCase();
}

/** Whether a key is one `storageKeyFor` could have built (guards the local adapter's paths). */
export function isStorageKey(key: string): boolean {
  const parts = key.split('/');
  return parts.length === 3 && parts.every((part) => UUID.test(part));
}
