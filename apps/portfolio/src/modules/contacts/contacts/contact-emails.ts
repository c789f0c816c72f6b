import { EntityManager } from 'typeorm';
import { ContactErrorCode } from '@quartier/contracts-portfolio';
import { rpcError } from '@quartier/messaging';

/**
 * Makes `emails` the contact's claimed addresses in the organization. An address another contact
 * holds is a 409 naming that contact; the primary key on (organization, email) settles races.
 */
export async function claimEmails(manager: EntityManager, organizationId: string, contactId: string, emails: readonly string[]): Promise<void> {
  await manager.query('DELETE FROM contact_emails WHERE organization_id = $1 AND contact_id = $2', [organizationId, contactId]);
  if (emails.length === 0) return;
  await assertFree(manager, organizationId, emails);
  const inserted = await manager.query<{ email: string }[]>(
    `INSERT INTO contact_emails (organization_id, email, contact_id)
     SELECT $1, email, $2 FROM unnest($3::text[]) AS email
     ON CONFLICT DO NOTHING RETURNING email`,
    [organizationId, contactId, emails],
  );
  // Fewer rows: a concurrent transaction claimed an address first and has committed by now.
  if (inserted.length < emails.length) await assertFree(manager, organizationId, emails, contactId);
}

async function assertFree(manager: EntityManager, organizationId: string, emails: readonly string[], self?: string): Promise<void> {
  const [taken] = await manager.query<{ email: string; contact_id: string }[]>(
    `SELECT email, contact_id FROM contact_emails
      WHERE organization_id = $1 AND email = ANY($2::text[]) AND contact_id IS DISTINCT FROM $3::uuid
      ORDER BY email LIMIT 1`,
    [organizationId, emails, self ?? null],
  );
  if (taken) {
    throw rpcError(409, ContactErrorCode.CONTACT_EMAIL_TAKEN, `Another contact already has the email ${taken.email}`, {
      email: taken.email,
      existingContactId: taken.contact_id,
    });
  }
}
