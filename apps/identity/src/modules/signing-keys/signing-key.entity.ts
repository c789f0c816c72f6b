import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { JWK } from 'jose';

/**
 * An ES256 key pair that signs access tokens. Exactly one is active (retired_at null); retired
 * ones stay published until `expires_at`, then are deleted. Shared by every replica.
 */
@Entity({ name: 'signing_keys' })
export class SigningKeyEntity {
  @PrimaryColumn({ type: 'text' })
  kid!: string;

  @Column({ type: 'text' })
  algorithm!: string;

  @Column({ name: 'public_jwk', type: 'jsonb' })
  publicJwk!: JWK;

  /** Sealed (AES-256-GCM) when SIGNING_KEY_ENCRYPTION_SECRET is set; never selected unless asked for. */
  @Column({ name: 'private_key', type: 'text', select: false })
  privateKey!: string;

  @Column({ name: 'activated_at', type: 'timestamptz' })
  activatedAt!: Date;

  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt!: Date | null;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
