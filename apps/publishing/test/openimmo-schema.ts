import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import { sharedDataPath } from '@quartier/testing';

/**
 * The OpenImmo 1.2.7c XSD, read from ../shared next to the repository (see sharedDataPath). Its
 * licence forbids shipping it, so it is never in the repository; without it the checks fail.
 */
export const OPENIMMO_XSD = sharedDataPath('openimmo/openimmo_127c.xsd');

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
