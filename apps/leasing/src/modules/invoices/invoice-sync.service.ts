import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InvoiceSyncView } from '@quartier/contracts-leasing';
import { isResidentOnly } from '@quartier/auth';
import { OrgCaller } from '@quartier/contracts-shared';
import { OrgScopedRepository } from '@quartier/db';
import { forbidden } from '@quartier/messaging';
import { TenantEntity } from '../tenants/tenant.entity';
import { InvoiceEntity } from './invoice.entity';
import { InvoiceNinjaClient, InvoiceNinjaSettings } from './invoice-ninja.client';
import { NinjaInvoiceAction, statusAction } from './invoice-ninja-status';

export const INVOICE_NINJA_SETTINGS = Symbol('INVOICE_NINJA_SETTINGS');
const BATCH = 100;

/**
 * Keeps Invoice Ninja in step: pushes invoices it has not seen yet (creating the tenant as a
 * client once), then the status changes (sent, paid, void) of those it has.
 */
@Injectable()
export class InvoiceSyncService {
  private readonly logger = new Logger('InvoiceNinjaSync');
  private readonly client?: InvoiceNinjaClient;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(INVOICE_NINJA_SETTINGS) settings: InvoiceNinjaSettings,
  ) {
    if (settings.url && settings.token) this.client = new InvoiceNinjaClient(settings.url, settings.token);
  }

  async sync(caller: OrgCaller): Promise<InvoiceSyncView> {
    if (isResidentOnly(caller.roles)) throw forbidden();
    if (!this.client) {
      return { configured: false, message: 'Invoice Ninja is not configured: set INVOICE_NINJA_URL and INVOICE_NINJA_TOKEN', pushed: 0, statusesUpdated: 0, failed: 0 };
    }
    const invoices = new OrgScopedRepository(InvoiceEntity, this.dataSource.manager);
    const created = await this.pushNew(caller.organizationId, invoices, this.client);
    const statuses = await this.pushStatuses(caller.organizationId, invoices, this.client);
    const failed = created.failed + statuses.failed;
    const done = `Pushed ${created.pushed} invoice(s), updated the status of ${statuses.updated}`;
    return {
      configured: true,
      message: failed > 0 ? `${done}; ${failed} failed and will be retried on the next sync` : done,
      pushed: created.pushed,
      statusesUpdated: statuses.updated,
      failed,
    };
  }

  private async pushNew(organizationId: string, invoices: OrgScopedRepository<InvoiceEntity>, client: InvoiceNinjaClient): Promise<{ pushed: number; failed: number }> {
    const pending = await invoices
      .query(organizationId, 'i')
      .andWhere('i.external_id IS NULL')
      .andWhere("i.status <> 'void'")
      .orderBy('i.year', 'ASC')
      .addOrderBy('i.sequence', 'ASC')
      .take(BATCH)
      .getMany();
    let pushed = 0;
    let failed = 0;
    for (const invoice of pending) {
      try {
        const clientId = await this.clientFor(organizationId, invoice.tenantId, client);
        invoice.externalId = await client.createInvoice({
          client_id: clientId,
          number: invoice.number,
          date: invoice.issueDate,
          due_date: invoice.dueDate,
          public_notes: invoice.notes ?? undefined,
          line_items: invoice.lines.map((line) => ({ product_key: line.chargeId ? 'rent' : 'service', notes: line.description, cost: line.amountCents / 100, quantity: 1 })),
        });
        invoice.externalStatus = 'open';
        await invoices.save(organizationId, invoice);
        pushed += 1;
      } catch (error) {
        failed += 1;
        this.logger.warn(`Invoice ${invoice.number} not pushed: ${(error as Error).message}`);
      }
    }
    return { pushed, failed };
  }

  /** One bulk call per action for the invoices whose status Invoice Ninja does not know yet. */
  private async pushStatuses(organizationId: string, invoices: OrgScopedRepository<InvoiceEntity>, client: InvoiceNinjaClient): Promise<{ updated: number; failed: number }> {
    const changed = await invoices
      .query(organizationId, 'i')
      .andWhere('i.external_id IS NOT NULL')
      .andWhere('i.status IS DISTINCT FROM i.external_status')
      // Only what statusAction acts on, so unactionable rows never fill the batch.
      .andWhere("i.status IN ('sent', 'paid', 'void')")
      .andWhere("(i.external_status IS NULL OR i.external_status NOT IN ('paid', 'void'))")
      .orderBy('i.year', 'ASC')
      .addOrderBy('i.sequence', 'ASC')
      .take(BATCH)
      .getMany();
    const byAction = new Map<NinjaInvoiceAction, InvoiceEntity[]>();
    for (const invoice of changed) {
      const action = statusAction(invoice.status, invoice.externalStatus);
      if (action) byAction.set(action, [...(byAction.get(action) ?? []), invoice]);
    }
    let updated = 0;
    let failed = 0;
    for (const [action, group] of byAction) {
      try {
        await client.bulkInvoices(action, group.map((invoice) => invoice.externalId ?? ''));
        for (const invoice of group) {
          invoice.externalStatus = invoice.status;
          await invoices.save(organizationId, invoice);
        }
        updated += group.length;
      } catch (error) {
        failed += group.length;
        this.logger.warn(`Invoice Ninja ${action} of ${group.length} invoice(s) failed: ${(error as Error).message}`);
      }
    }
    return { updated, failed };
  }

  private async clientFor(organizationId: string, tenantId: string, client: InvoiceNinjaClient): Promise<string> {
    const known: { external_id: string }[] = await this.dataSource.query(
      'SELECT external_id FROM invoice_ninja_clients WHERE organization_id = $1 AND tenant_id = $2',
      [organizationId, tenantId],
    );
    if (known.length > 0) return known[0].external_id;
    const tenant = await new OrgScopedRepository(TenantEntity, this.dataSource.manager).findById(organizationId, tenantId);
    if (!tenant) throw new Error(`Tenant ${tenantId} is gone`);
    const externalId = await client.createClient({
      name: tenant.companyName ?? `${tenant.firstName} ${tenant.lastName}`,
      contacts: [{ first_name: tenant.firstName, last_name: tenant.lastName, email: tenant.email, ...(tenant.phone ? { phone: tenant.phone } : {}) }],
    });
    await this.dataSource.query('INSERT INTO invoice_ninja_clients (organization_id, tenant_id, external_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
      organizationId,
      tenantId,
      externalId,
    ]);
    return externalId;
  }
}
