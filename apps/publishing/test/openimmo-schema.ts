import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateXML } from 'xmllint-wasm';

/**
 * The OpenImmo 1.2.7c XSD, read from ../shared next to the repository (OPENIMMO_XSD overrides,
 * relative to the repo root). Its licence forbids shipping it, so it is never in the repository.
 */
export const OPENIMMO_XSD = resolve(__dirname, '../../..', process.env.OPENIMMO_XSD ?? '../shared/openimmo/openimmo_127c.xsd');

export const hasOpenImmoXsd = existsSync(OPENIMMO_XSD);

if (!hasOpenImmoXsd) process.stderr.write(`OpenImmo XSD not found at ${OPENIMMO_XSD}: feed schema checks are skipped (set OPENIMMO_XSD)\n`);

/** Validation errors of a feed against the XSD (empty: valid), and that its root is <openimmo> (every global element would validate alone). */
export async function openImmoErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: { fileName: 'feed.xml', contents: xml },
    schema: { fileName: 'openimmo_127c.xsd', contents: readFileSync(OPENIMMO_XSD) },
  });
  const errors = result.errors.map((error) => error.message);
  if (!/^<\?xml[^>]*>\s*<openimmo>/.test(xml)) errors.push('the root element is not <openimmo>');
  return errors;
}
