import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type {
  EnergyCertificateDto,
  OwnerDto,
  PropertyCondition,
  PropertyStatus,
  PropertyType,
} from '@quartier/contracts-portfolio';
import { OrgOwned, numericTransformer } from '@quartier/db';

@Entity({ name: 'properties' })
export class PropertyEntity implements OrgOwned {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) type!: PropertyType;
  @Column({ type: 'text' }) status!: PropertyStatus;
  @Column({ type: 'text' }) street!: string;
  @Column({ name: 'house_number', type: 'text', nullable: true }) houseNumber!: string | null;
  @Column({ name: 'postal_code', type: 'text' }) postalCode!: string;
  @Column({ type: 'text' }) city!: string;
  @Column({ type: 'text', nullable: true }) state!: string | null;
  @Column({ type: 'char', length: 2 }) country!: string;
  @Column({ type: 'double precision', nullable: true }) latitude!: number | null;
  @Column({ type: 'double precision', nullable: true }) longitude!: number | null;
  @Column({ name: 'living_area', type: 'double precision', nullable: true }) livingArea!: number | null;
  @Column({ name: 'usable_area', type: 'double precision', nullable: true }) usableArea!: number | null;
  @Column({ name: 'plot_area', type: 'double precision', nullable: true }) plotArea!: number | null;
  @Column({ type: 'double precision', nullable: true }) rooms!: number | null;
  @Column({ type: 'integer', nullable: true }) floors!: number | null;
  @Column({ name: 'year_built', type: 'integer', nullable: true }) yearBuilt!: number | null;
  @Column({ type: 'text', nullable: true }) condition!: PropertyCondition | null;
  @Column({ name: 'energy_certificate', type: 'jsonb', nullable: true }) energyCertificate!: EnergyCertificateDto | null;
  @Column({ type: 'jsonb' }) amenities!: string[];
  @Column({ type: 'jsonb', nullable: true }) owner!: OwnerDto | null;
  @Column({ name: 'purchase_price_cents', type: 'bigint', nullable: true, transformer: numericTransformer }) purchasePriceCents!: number | null;
  @Column({ name: 'purchase_price_currency', type: 'char', length: 3, nullable: true }) purchasePriceCurrency!: string | null;
  @Column({ name: 'purchase_date', type: 'date', nullable: true }) purchaseDate!: string | null;
  @Column({ name: 'current_value_cents', type: 'bigint', nullable: true, transformer: numericTransformer }) currentValueCents!: number | null;
  @Column({ name: 'current_value_currency', type: 'char', length: 3, nullable: true }) currentValueCurrency!: string | null;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
