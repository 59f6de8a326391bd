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
  contact: { phone: string; email: string; website: string; postalAddress: Address };
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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
