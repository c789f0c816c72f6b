import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ComparableView, ConfidenceLevel, ValuedAttributesView } from '@quartier/contracts-valuation';
import { numericTransformer } from '@quartier/db';

@Entity({ name: 'valuations' })
export class ValuationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ name: 'property_id', type: 'uuid', nullable: true })
  propertyId!: string | null;

  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId!: string | null;

  @Column({ name: 'valuation_date', type: 'date' })
  valuationDate!: string;

  /** The market level the estimate reflects (the valuation date, or the model's last training sale date when later). */
  @Column({ name: 'market_date', type: 'date' })
  marketDate!: string;

  @Column({ name: 'estimate_cents', type: 'bigint', transformer: numericTransformer })
  estimateCents!: number;

  @Column({ name: 'low_cents', type: 'bigint', transformer: numericTransformer })
  lowCents!: number;

  @Column({ name: 'high_cents', type: 'bigint', transformer: numericTransformer })
  highCents!: number;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ name: 'range_coverage', type: 'real' })
  rangeCoverage!: number;

  @Column({ type: 'text' })
  confidence!: ConfidenceLevel;

  @Column({ name: 'confidence_score', type: 'real' })
  confidenceScore!: number;

  @Column({ name: 'comparable_estimate_cents', type: 'bigint', transformer: numericTransformer })
  comparableEstimateCents!: number;

  @Column({ name: 'hedonic_estimate_cents', type: 'bigint', transformer: numericTransformer })
  hedonicEstimateCents!: number;

  @Column({ name: 'blend_weight', type: 'real' })
  blendWeight!: number;

  @Column({ type: 'jsonb' })
  comparables!: ComparableView[];

  @Column({ type: 'jsonb' })
  attributes!: ValuedAttributesView;

  @Column({ type: 'jsonb' })
  assumed!: string[];

  @Column({ name: 'model_id', type: 'uuid' })
  modelId!: string;

  @Column({ name: 'model_version', type: 'text' })
  modelVersion!: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
