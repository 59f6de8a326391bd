import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ExtraTerms } from '../signals/text-signals';
import type { CostRates } from './tenant-config.schema';

/** The public face of a municipality: what its portal, letters and staff pages show. */
export interface Address {
  street: string;
  houseNumber: string;
  postalCode: string;
  city: string;
}

export interface TenantProfile {
  inhabitants: number;
  governingBody: string;
  court: { name: string; address: Address };
  contact: {
    phone: string;
    email: string;
    website: string;
    postalAddress: Address;
    visitingAddress?: Address;
  };
  branding: { primaryColor: string; logo?: string };
  settings: {
    atRiskWorkingDays: number;
    firstContactWorkingDays: number;
    /** Flat rates for costs reimbursed under Awb 7:15; absent in profiles stored before they existed. */
    costs?: CostRates;
  };
  /** The tenant's own signal terms, used wherever its citizens' text is analysed. */
  signals?: ExtraTerms;
}

export type TenantStatus = 'active' | 'offboarded';

/** A licence that is not paid goes from active to grace to suspended (see billing/licence-state). */
export const LICENCE_STATES = ['active', 'grace', 'suspended'] as const;
export type LicenceState = (typeof LICENCE_STATES)[number];

@Entity('tenants')
export class Tenant {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  slug!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'jsonb' })
  profile!: TenantProfile;

  /** 'file': as seeded from tenant.yaml; 'admin': changed at run time (or onboarded), so the seed leaves it. */
  @Column({ name: 'profile_origin', type: 'text', default: 'file' })
  profileOrigin!: 'file' | 'admin';

  @Column({ type: 'text', default: 'active' })
  status!: TenantStatus;

  @Column({ name: 'offboarded_at', type: 'timestamptz', nullable: true })
  offboardedAt!: Date | null;

  @Column({ name: 'licence_state', type: 'text', default: 'active' })
  licenceState!: LicenceState;

  @Column({ name: 'licence_state_since', type: 'timestamptz' })
  licenceStateSince!: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
