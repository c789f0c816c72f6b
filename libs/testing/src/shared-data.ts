import { resolve } from 'node:path';

const REPO_ROOT = resolve(__dirname, '../../..');

/**
 * A file of the shared data beside the repository (`../shared`: datasets, OpenImmo schemas), which
 * is never copied into it. QUARTIER_SHARED_DIR points elsewhere, e.g. for a clone in another place.
 */
export function sharedDataPath(relative: string): string {
  return resolve(process.env.QUARTIER_SHARED_DIR ?? resolve(REPO_ROOT, '../shared'), relative);
}
