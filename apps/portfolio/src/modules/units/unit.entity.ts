import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { UnitStatus, UnitType } from '@quartier/contracts-portfolio';
import { OrgOwned, numericTransformer } from '@quartier/db';

@Entity({ name: 'units' })
export class UnitEntity implements OrgOwned {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  /** Denormalized from the building so lists filter by property without a join. */
  @Column({ name: 'property_id', type: 'uuid' }) propertyId!: string;
  @Column({ name: 'building_id', type: 'uuid' }) buildingId!: string;
  @Column({ type: 'text' }) number!: string;
  @Column({ type: 'integer' }) floor!: number;
  @Column({ type: 'text' }) type!: UnitType;
  @Column({ type: 'double precision' }) area!: number;
  @Column({ type: 'double precision', nullable: true }) rooms!: number | null;
  @Column({ type: 'integer', nullable: true }) bedrooms!: number | null;
  @Column({ type: 'double precision', nullable: true }) bathrooms!: number | null;
  @Column({ name: 'target_rent_cents', type: 'bigint', nullable: true, transformer: numericTransformer }) targetRentCents!: number | null;
  @Column({ name: 'target_rent_currency', type: 'char', length: 3, nullable: true }) targetRentCurrency!: string | null;
  @Column({ type: 'text' }) status!: UnitStatus;
  @Column({ type: 'jsonb' }) features!: string[];
  /** Set by lease events; cleared when the unit is vacated. */
  @Column({ name: 'current_lease_id', type: 'uuid', nullable: true }) currentLeaseId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
