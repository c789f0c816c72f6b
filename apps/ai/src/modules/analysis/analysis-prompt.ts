import { Message } from 'ollama';

const SUBJECTS = { property: 'a property of its portfolio', tenant: 'one of its tenants' } as const;

/** Asks for a short assessment written from the given figures only. */
export function buildAnalysisMessages(subject: keyof typeof SUBJECTS, facts: Record<string, unknown>, unavailable: string[]): Message[] {
  const missing = unavailable.length > 0 ? ` Not available to you: ${unavailable.join(', ')}; do not guess them.` : '';
  return [
    {
      role: 'system',
      content:
        `You advise a property management company on ${SUBJECTS[subject]}. Write a short assessment (at most 8 sentences): ` +
        `what stands out, risks, and 1-3 concrete next steps. Use only the figures given as JSON; never invent numbers.${missing}`,
    },
    { role: 'user', content: JSON.stringify(facts) },
  ];
}
