import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { RuleActionDto, RuleConditionDto, RuleTriggerDto, RuleTriggerType } from '@quartier/contracts-iot';

@Entity({ name: 'automation_rules' })
export class RuleEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @Column({ type: 'boolean', default: true }) enabled!: boolean;
  @Column({ name: 'trigger_type', type: 'text' }) triggerType!: RuleTriggerType;
  @Column({ name: 'trigger_device_id', type: 'uuid', nullable: true }) triggerDeviceId!: string | null;
  @Column({ type: 'jsonb' }) trigger!: RuleTriggerDto;
  @Column({ type: 'jsonb', default: () => "'[]'" }) conditions!: RuleConditionDto[];
  @Column({ type: 'jsonb' }) actions!: RuleActionDto[];
  @Column({ type: 'boolean', default: false }) firing!: boolean;
  @Column({ name: 'pending_since', type: 'timestamptz', nullable: true }) pendingSince!: Date | null;
  @Column({ name: 'last_fired_at', type: 'timestamptz', nullable: true }) lastFiredAt!: Date | null;
  @Column({ name: 'fire_count', type: 'integer', default: 0 }) fireCount!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
