/** A lease term; a null end means open-ended. */
export interface Term {
  startDate: string;
  endDate: string | null;
}

/** Two inclusive date ranges overlap when each starts before the other ends. */
export function termsOverlap(a: Term, b: Term): boolean {
  const aEndsAfterBStarts = a.endDate === null || a.endDate >= b.startDate;
  const bEndsAfterAStarts = b.endDate === null || b.endDate >= a.startDate;
  return aEndsAfterBStarts && bEndsAfterAStarts;
}

/** The first existing term that the candidate overlaps, if any. */
export function findOverlap<T extends Term>(candidate: Term, existing: T[]): T | undefined {
  return existing.find((other) => termsOverlap(candidate, other));
}
