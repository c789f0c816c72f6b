import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PortfolioUsageResponse } from '@quartier/contracts-portfolio';

@Injectable()
export class UsageService {
  constructor(private readonly dataSource: DataSource) {}

  /** One round trip; every count filters by the organization explicitly. */
  async usage(organizationId: string): Promise<PortfolioUsageResponse> {
    const [row] = await this.dataSource.query<{ properties: number; buildings: number; units: number; documents: number; storage_bytes: string }[]>(
      `SELECT (SELECT count(*)::int FROM properties WHERE organization_id = $1) AS properties,
              (SELECT count(*)::int FROM buildings WHERE organization_id = $1) AS buildings,
              (SELECT count(*)::int FROM units WHERE organization_id = $1) AS units,
              (SELECT count(*)::int FROM documents WHERE organization_id = $1) AS documents,
              (SELECT coalesce(sum(size_bytes), 0)::text FROM document_versions WHERE organization_id = $1) AS storage_bytes`,
      [organizationId],
    );
    return { properties: row.properties, buildings: row.buildings, units: row.units, documents: row.documents, storageBytes: Number(row.storage_bytes) };
  }
}
