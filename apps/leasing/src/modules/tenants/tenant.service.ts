import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, FindOptionsWhere, ILike } from 'typeorm';
import { CreateTenantDto, TENANT_SORT_FIELDS, TenantQueryDto, TenantView, UpdateOwnTenantDto, UpdateTenantDto } from '@quartier/contracts-leasing';
import { isResidentOnly } from '@quartier/auth';
import { OrgCaller, Page, orderRecord, pageOf, pageParams } from '@quartier/contracts-shared';
import { OrgScopedRepository } from '@quartier/db';
import { allowListedSort, conflict } from '@quartier/messaging';
import { TenantEntity } from './tenant.entity';
import { tenantEmailTaken, tenantNotFound, tenantUserTaken } from './tenant.errors';

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class TenantService {
  private readonly tenants: OrgScopedRepository<TenantEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.tenants = new OrgScopedRepository(TenantEntity, dataSource.manager);
  }

  async list(caller: OrgCaller, query: TenantQueryDto): Promise<Page<TenantView>> {
    const { page, size } = pageParams(query);
    const base: FindOptionsWhere<TenantEntity> = {};
    if (query.status) base.status = query.status;
    if (isResidentOnly(caller.roles)) base.userId = caller.userId;
    const where = query.search
      ? (['firstName', 'lastName', 'companyName', 'email'] as const).map((field) => ({ ...base, [field]: ILike(`%${escapeLike(query.search ?? '')}%`) }))
      : base;
    const order = orderRecord(allowListedSort(query.sort, TENANT_SORT_FIELDS, 'lastName'));
    const [rows, total] = await this.tenants.findPage(caller.organizationId, { where, order, page, size });
    return pageOf(rows.map(toTenantView), total, page, size);
  }

  async get(caller: OrgCaller, id: string): Promise<TenantView> {
    return toTenantView(await this.require(caller, id));
  }

  /** Loads a tenant the caller may see; anything else is a 404. */
  async require(caller: OrgCaller, id: string, manager?: EntityManager): Promise<TenantEntity> {
    const repository = manager ? this.tenants.withManager(manager) : this.tenants;
    const tenant = await repository.findById(caller.organizationId, id);
    if (!tenant || (isResidentOnly(caller.roles) && tenant.userId !== caller.userId)) throw tenantNotFound(id);
    return tenant;
  }

  /** The tenant record of a resident caller, or null. */
  findOwn(caller: OrgCaller): Promise<TenantEntity | null> {
    return this.findByUser(caller.organizationId, caller.userId);
  }

  /** The tenant linked to a user account (tenants.userId), or null. */
  findByUser(organizationId: string, userId: string): Promise<TenantEntity | null> {
    return this.tenants.findOne(organizationId, { userId });
  }

  async me(caller: OrgCaller): Promise<TenantView> {
    const own = await this.findOwn(caller);
    if (!own) throw tenantNotFound('of the current user');
    return toTenantView(own);
  }

  async updateMe(caller: OrgCaller, dto: UpdateOwnTenantDto): Promise<TenantView> {
    const own = await this.findOwn(caller);
    if (!own) throw tenantNotFound('of the current user');
    return this.applyUpdate(caller, own, dto);
  }

  async create(caller: OrgCaller, dto: CreateTenantDto): Promise<TenantView> {
    try {
      const tenant = await this.tenants.insert(caller.organizationId, {
        ...dto,
        email: dto.email.trim(),
        status: dto.status ?? 'applicant',
        companyName: dto.companyName ?? null,
        phone: dto.phone ?? null,
        userId: dto.userId ?? null,
        notes: dto.notes ?? null,
      });
      return toTenantView(tenant);
    } catch (error) {
      throw this.translate(error, dto.email);
    }
  }

  async update(caller: OrgCaller, id: string, dto: UpdateTenantDto): Promise<TenantView> {
    return this.applyUpdate(caller, await this.require(caller, id), dto);
  }

  async remove(caller: OrgCaller, id: string): Promise<void> {
    const tenant = await this.require(caller, id);
    const [{ count }] = await this.dataSource.query('SELECT count(*)::int AS count FROM leases WHERE organization_id = $1 AND tenant_id = $2', [
      caller.organizationId,
      tenant.id,
    ]);
    if (count > 0) {
      throw conflict('The tenant still has leases; mark them former instead', { leases: count });
    }
    await this.tenants.deleteById(caller.organizationId, id);
  }

  private async applyUpdate(caller: OrgCaller, tenant: TenantEntity, dto: UpdateTenantDto): Promise<TenantView> {
    Object.assign(tenant, Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)));
    try {
      return toTenantView(await this.tenants.save(caller.organizationId, tenant));
    } catch (error) {
      throw this.translate(error, dto.email ?? tenant.email);
    }
  }

  private translate(error: unknown, email: string): unknown {
    const driverError = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
    if (driverError?.code !== UNIQUE_VIOLATION) return error;
    return driverError.constraint === 'tenants_user_uq' ? tenantUserTaken() : tenantEmailTaken(email);
  }
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

export function toTenantView(tenant: TenantEntity): TenantView {
  return {
    id: tenant.id,
    firstName: tenant.firstName,
    lastName: tenant.lastName,
    companyName: tenant.companyName,
    email: tenant.email,
    phone: tenant.phone,
    status: tenant.status,
    userId: tenant.userId,
    notes: tenant.notes,
    createdAt: tenant.createdAt.toISOString(),
    updatedAt: tenant.updatedAt.toISOString(),
  };
}
