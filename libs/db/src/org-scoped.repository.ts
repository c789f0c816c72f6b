import {
  DeepPartial,
  EntityManager,
  EntityTarget,
  FindOptionsOrder,
  FindOptionsWhere,
  ObjectLiteral,
  Repository,
  SelectQueryBuilder,
} from 'typeorm';

/** Every organization-owned entity has these columns. */
export interface OrgOwned extends ObjectLiteral {
  id: string;
  organizationId: string;
}

export interface PageRequest<T> {
  where?: FindOptionsWhere<T> | FindOptionsWhere<T>[];
  order?: FindOptionsOrder<T>;
  page: number;
  size: number;
}

/**
 * The only way services reach organization-owned rows: every method takes the organization
 * first and adds it to the query, and the underlying repository is not exposed. A row of
 * another organization is indistinguishable from a missing one.
 */
export class OrgScopedRepository<T extends OrgOwned> {
  private readonly repository: Repository<T>;

  constructor(
    private readonly target: EntityTarget<T>,
    manager: EntityManager,
  ) {
    this.repository = manager.getRepository(target);
  }

  /** The same repository inside a transaction. */
  withManager(manager: EntityManager): OrgScopedRepository<T> {
    return new OrgScopedRepository(this.target, manager);
  }

  findOne(organizationId: string, where: FindOptionsWhere<T>): Promise<T | null> {
    return this.repository.findOne({ where: this.scope(organizationId, where) });
  }

  findById(organizationId: string, id: string): Promise<T | null> {
    return this.findOne(organizationId, { id } as FindOptionsWhere<T>);
  }

  find(organizationId: string, where: FindOptionsWhere<T> = {}, order?: FindOptionsOrder<T>): Promise<T[]> {
    return this.repository.find({ where: this.scope(organizationId, where), order });
  }

  count(organizationId: string, where: FindOptionsWhere<T> = {}): Promise<number> {
    return this.repository.count({ where: this.scope(organizationId, where) });
  }

  exists(organizationId: string, where: FindOptionsWhere<T>): Promise<boolean> {
    return this.repository.exists({ where: this.scope(organizationId, where) });
  }

  async findPage(organizationId: string, request: PageRequest<T>): Promise<[T[], number]> {
    const wheres = Array.isArray(request.where) ? request.where : [request.where ?? {}];
    return this.repository.findAndCount({
      where: wheres.map((where) => this.scope(organizationId, where)),
      order: request.order,
      skip: (request.page - 1) * request.size,
      take: request.size,
    });
  }

  /** A query builder that already filters on the organization. */
  query(organizationId: string, alias: string): SelectQueryBuilder<T> {
    return this.repository.createQueryBuilder(alias).where(`${alias}.organization_id = :organizationId`, { organizationId });
  }

  async insert(organizationId: string, values: DeepPartial<T>): Promise<T> {
    const entity = this.repository.create({ ...values, organizationId } as DeepPartial<T>);
    return this.repository.save(entity);
  }

  /** Saves changes to an entity that was loaded through this repository. */
  async save(organizationId: string, entity: T): Promise<T> {
    if (entity.organizationId !== organizationId) throw new Error('Refusing to save a row of another organization');
    return this.repository.save(entity);
  }

  /** Deletes by id; returns whether a row of this organization was deleted. */
  async deleteById(organizationId: string, id: string): Promise<boolean> {
    const result = await this.repository.delete(this.scope(organizationId, { id } as FindOptionsWhere<T>));
    return (result.affected ?? 0) > 0;
  }

  async deleteWhere(organizationId: string, where: FindOptionsWhere<T>): Promise<number> {
    const result = await this.repository.delete(this.scope(organizationId, where));
    return result.affected ?? 0;
  }

  private scope(organizationId: string, where: FindOptionsWhere<T>): FindOptionsWhere<T> {
    return { ...where, organizationId } as FindOptionsWhere<T>;
  }
}
