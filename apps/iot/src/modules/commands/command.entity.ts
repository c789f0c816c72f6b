import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CommandStatus } from '@quartier/contracts-iot';

@Entity({ name: 'commands' })
export class CommandEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'device_id', type: 'uuid' }) deviceId!: string;
  @Column({ type: 'text' }) command!: string;
  @Column({ type: 'jsonb', default: () => "'{}'" }) params!: Record<string, unknown>;
  @Column({ type: 'text', default: 'pending' }) status!: CommandStatus;
  @Column({ name: 'rule_id', type: 'uuid', nullable: true }) ruleId!: string | null;
  @Column({ type: 'jsonb', nullable: true }) response!: Record<string, unknown> | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt!: Date | null;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt!: Date | null;
}
