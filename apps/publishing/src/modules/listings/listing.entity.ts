import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { numericTransformer } from '@quartier/db';
import type {
  ListingContactDto,
  ListingEnergyCertificateDto,
  ListingImageDto,
  ListingObjectView,
  ListingStatus,
  MarketingType,
} from '@quartier/contracts-publishing';

@Entity({ name: 'listings' })
export class ListingEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ name: 'property_id', type: 'uuid' })
  propertyId!: string;

  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId!: string | null;

  @Column({ type: 'text' })
  status!: ListingStatus;

  @Column({ name: 'marketing_type', type: 'text' })
  marketingType!: MarketingType;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ name: 'price_cents', type: 'bigint', nullable: true, transformer: numericTransformer })
  priceCents!: number | null;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ name: 'additional_costs_cents', type: 'bigint', nullable: true, transformer: numericTransformer })
  additionalCostsCents!: number | null;

  @Column({ name: 'heating_costs_cents', type: 'bigint', nullable: true, transformer: numericTransformer })
  heatingCostsCents!: number | null;

  @Column({ name: 'deposit_cents', type: 'bigint', nullable: true, transformer: numericTransformer })
  depositCents!: number | null;

  @Column({ type: 'text', nullable: true })
  commission!: string | null;

  @Column({ name: 'living_area', type: 'numeric', nullable: true, transformer: numericTransformer })
  livingArea!: number | null;

  @Column({ type: 'numeric', nullable: true, transformer: numericTransformer })
  rooms!: number | null;

  @Column({ name: 'energy_certificate', type: 'jsonb', nullable: true })
  energyCertificate!: ListingEnergyCertificateDto | null;

  @Column({ type: 'text', array: true })
  features!: string[];

  @Column({ type: 'jsonb', nullable: true })
  contact!: ListingContactDto | null;

  @Column({ type: 'jsonb' })
  images!: ListingImageDto[];

  @Column({ type: 'jsonb' })
  object!: ListingObjectView;

  @Column({ name: 'withdrawn_reason', type: 'text', nullable: true })
  withdrawnReason!: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
