import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { NotificationSettingsDto, PreferencesDto } from '@quartier/contracts-identity';

/** A person who signs in. Users are global; what they may see follows from their memberships. */
@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lower-cased; unique case-insensitively. */
  @Column({ type: 'text' })
  email!: string;

  /** argon2id; null for users who only sign in through Authelia. */
  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false })
  passwordHash!: string | null;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ type: 'text' })
  locale!: string;

  @Column({ type: 'bytea', nullable: true, select: false })
  avatar!: Buffer | null;

  @Column({ name: 'avatar_content_type', type: 'text', nullable: true })
  avatarContentType!: string | null;

  @Column({ type: 'jsonb' })
  preferences!: PreferencesDto;

  @Column({ name: 'notification_settings', type: 'jsonb' })
  notificationSettings!: NotificationSettingsDto;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
