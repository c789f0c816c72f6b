/** Plain rules of documents and their versions. */

/** Versions count up from 1 without gaps; a new one follows the current (newest) one. */
export function nextVersionNumber(currentVersion: number): number {
  if (!Number.isInteger(currentVersion) || currentVersion < 1) throw new Error(`Invalid current version ${currentVersion}`);
  return currentVersion + 1;
}

/** The version a download asks for: the current one when none is named, null when it does not exist. */
export function resolveVersion(requested: number | undefined, currentVersion: number): number | null {
  if (requested === undefined) return currentVersion;
  return Number.isInteger(requested) && requested >= 1 && requested <= currentVersion ? requested : null;
}

/** "Mietvertrag WE 3.2.pdf" → "Mietvertrag WE 3.2": the title when the upload names none. */
export function titleFromFileName(fileName: string): string {
  const base = baseName(fileName);
  const dot = base.lastIndexOf('.');
  const title = (dot > 0 ? base.slice(0, dot) : base).trim();
  return (title || base).slice(0, 200);
}

/** The last path segment: browsers on Windows used to send `C:\\Users\\…\\file.pdf`. */
export function baseName(fileName: string): string {
  const base = fileName.split(/[/\\]/).pop() ?? fileName;
  return base.trim() || 'file';
}

/** Trimmed, without case-insensitive duplicates (the first spelling wins). */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const tag of tags.map((value) => value.trim()).filter((value) => value !== '')) {
    const key = tag.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      result.push(tag);
    }
  }
  return result;
}
