import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { numericTransformer } from '@quartier/db';

/** Where a sale came from: an operator import (organization NULL) or an organization's own API call. */
export const ORGANIZATION_SOURCE = 'organization';

@Entity({ name: 'market_sales' })
export class MarketSaleEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** NULL: platform market data, visible to every organization. */
  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId!: string | null;

  @Column({ type: 'text' })
  source!: string;

  @Column({ name: 'source_id', type: 'text' })
  sourceId!: string;

  @Column({ name: 'sale_date', type: 'date' })
  saleDate!: string;

  @Column({ name: 'price_cents', type: 'bigint', transformer: numericTransformer })
  priceCents!: number;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ name: 'living_area_m2', type: 'numeric', transformer: numericTransformer })
  livingAreaM2!: number;

  @Column({ name: 'lot_area_m2', type: 'numeric', nullable: true, transformer: numericTransformer })
  lotAreaM2!: number | null;

  @Column({ type: 'smallint', nullable: true })
  bedrooms!: number | null;

  @Column({ type: 'numeric', nullable: true, transformer: numericTransformer })
  bathrooms!: number | null;

  @Column({ type: 'numeric', nullable: true, transformer: numericTransformer })
  floors!: number | null;

  @Column({ type: 'boolean', nullable: true })
  waterfront!: boolean | null;

  @Column({ type: 'smallint', nullable: true })
  view!: number | null;

  @Column({ type: 'smallint', nullable: true })
  condition!: number | null;

  @Column({ type: 'smallint', nullable: true })
  grade!: number | null;

  @Column({ name: 'year_built', type: 'smallint' })
  yearBuilt!: number;

  @Column({ name: 'year_renovated', type: 'smallint', nullable: true })
  yearRenovated!: number | null;

  @Column({ name: 'postal_code', type: 'text', nullable: true })
  postalCode!: string | null;

  @Column({ type: 'double precision' })
  lat!: number;

  @Column({ type: 'double precision' })
  lon!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
