import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { AddressResponse, HeatingType } from '@quartier/contracts-portfolio';
import { OrgOwned } from '@quartier/db';

@Entity({ name: 'buildings' })
export class BuildingEntity implements OrgOwned {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'property_id', type: 'uuid' }) propertyId!: string;
  @Column({ type: 'text' }) name!: string;
  /** Only set when it differs from the property's address. */
  @Column({ type: 'jsonb', nullable: true }) address!: AddressResponse | null;
  @Column({ type: 'integer' }) floors!: number;
  @Column({ name: 'year_built', type: 'integer', nullable: true }) yearBuilt!: number | null;
  @Column({ type: 'boolean' }) elevator!: boolean;
  @Column({ name: 'heating_type', type: 'text', nullable: true }) heatingType!: HeatingType | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
