import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type {
  ContactAddressDto,
  ContactEmailResponse,
  ContactKind,
  ContactPhoneResponse,
  ContactSource,
  ContactStatus,
  ContactType,
  LeadGrade,
  SearchProfileDto,
} from '@quartier/contracts-portfolio';
import { OrgOwned } from '@quartier/db';
import type { LeadScoreReason } from '../lead-scoring/lead-score';

@Entity({ name: 'contacts' })
export class ContactEntity implements OrgOwned {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ type: 'text' }) type!: ContactType;
  @Column({ type: 'text', nullable: true }) salutation!: string | null;
  @Column({ name: 'first_name', type: 'text', nullable: true }) firstName!: string | null;
  @Column({ name: 'last_name', type: 'text', nullable: true }) lastName!: string | null;
  @Column({ name: 'company_name', type: 'text', nullable: true }) companyName!: string | null;
  /** Derived from the name parts; what lists sort and search by. */
  @Column({ name: 'display_name', type: 'text' }) displayName!: string;
  @Column({ type: 'jsonb' }) emails!: ContactEmailResponse[];
  @Column({ type: 'jsonb' }) phones!: ContactPhoneResponse[];
  @Column({ type: 'jsonb', nullable: true }) address!: ContactAddressDto | null;
  @Column({ type: 'text', array: true }) kinds!: ContactKind[];
  @Column({ type: 'text', array: true }) tags!: string[];
  @Column({ type: 'text', nullable: true }) source!: ContactSource | null;
  @Column({ name: 'owner_id', type: 'uuid', nullable: true }) ownerId!: string | null;
  @Column({ type: 'text' }) status!: ContactStatus;
  @Column({ name: 'search_profile', type: 'jsonb', nullable: true }) searchProfile!: SearchProfileDto | null;
  @Column({ name: 'marketing_consent', type: 'boolean' }) marketingConsent!: boolean;
  @Column({ name: 'marketing_consent_at', type: 'timestamptz', nullable: true }) marketingConsentAt!: Date | null;
  @Column({ name: 'marketing_consent_source', type: 'text', nullable: true }) marketingConsentSource!: string | null;
  @Column({ type: 'text', nullable: true }) notes!: string | null;
  @Column({ name: 'interested_property_ids', type: 'uuid', array: true }) interestedPropertyIds!: string[];
  @Column({ name: 'interested_unit_ids', type: 'uuid', array: true }) interestedUnitIds!: string[];
  @Column({ name: 'last_contacted_at', type: 'timestamptz', nullable: true }) lastContactedAt!: Date | null;
  @Column({ name: 'lead_score', type: 'integer' }) leadScore!: number;
  @Column({ name: 'lead_grade', type: 'char', length: 1 }) leadGrade!: LeadGrade;
  @Column({ name: 'lead_score_reasons', type: 'jsonb' }) leadScoreReasons!: LeadScoreReason[];
  @Column({ name: 'lead_scored_at', type: 'timestamptz', nullable: true }) leadScoredAt!: Date | null;
  /** The inventory fingerprint the score was computed against; a different one means the score is stale. */
  @Column({ name: 'lead_inventory_version', type: 'text', nullable: true }) leadInventoryVersion!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
