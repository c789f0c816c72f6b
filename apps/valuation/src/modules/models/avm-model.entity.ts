import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AvmModel, ValidationReport } from './avm';

@Entity({ name: 'avm_models' })
export class AvmModelEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** NULL: a platform model fitted on platform market data. */
  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId!: string | null;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'fitted_at', type: 'timestamptz' })
  fittedAt!: Date;

  @Column({ name: 'training_from', type: 'date' })
  trainingFrom!: string;

  @Column({ name: 'training_to', type: 'date' })
  trainingTo!: string;

  @Column({ name: 'sample_size', type: 'integer' })
  sampleSize!: number;

  @Column({ name: 'fit_seconds', type: 'real' })
  fitSeconds!: number;

  /** The whole fitted model: coefficients, postal-code and month effects, blend weight, range calibration. */
  @Column({ type: 'jsonb' })
  parameters!: AvmModel;

  @Column({ type: 'jsonb' })
  validation!: ValidationReport;
}
