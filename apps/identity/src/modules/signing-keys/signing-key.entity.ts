import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { JWK } from 'jose';

/** The ES256 key pair that signs access tokens; one per slot, shared by every replica. */
@Entity({ name: 'signing_keys' })
export class SigningKeyEntity {
  @PrimaryColumn({ type: 'text' })
  kid!: string;

  @Column({ type: 'text' })
  slot!: string;

  @Column({ type: 'text' })
  algorithm!: string;

  @Column({ name: 'public_jwk', type: 'jsonb' })
  publicJwk!: JWK;

  @Column({ name: 'private_jwk', type: 'jsonb', select: false })
  privateJwk!: JWK;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
