import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { PlanTerms } from '../licence-plan';
import { CENTS } from './cents.transformer';

/** A band as stored (jsonb): cents as a JSON number. */
export interface StoredBand {
  upToInhabitants: number | null;
  yearlyFeeCents: number;
}

/** A licence plan of the platform (platform data, no tenant). Plans are retired, never deleted. */
@Entity('licence_plans')
export class LicencePlan {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'implementation_fee_cents', type: 'bigint', transformer: CENTS })
  implementationFeeCents!: bigint;

  @Column({ type: 'jsonb' })
  bands!: StoredBand[];

  @Column({ name: 'included_objections', type: 'integer' })
  includedObjections!: number;

  @Column({ name: 'extra_objection_cents', type: 'bigint', transformer: CENTS })
  extraObjectionCents!: bigint;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

export function planTermsOf(plan: LicencePlan): PlanTerms {
  return {
    code: plan.code,
    name: plan.name,
    implementationFeeCents: plan.implementationFeeCents,
    bands: plan.bands.map((b) => ({
      upToInhabitants: b.upToInhabitants,
      yearlyFeeCents: BigInt(b.yearlyFeeCents),
    })),
    includedObjections: plan.includedObjections,
    extraObjectionCents: plan.extraObjectionCents,
  };
}

export function storedBands(terms: PlanTerms): StoredBand[] {
  return terms.bands.map((b) => ({
    upToInhabitants: b.upToInhabitants,
    yearlyFeeCents: Number(b.yearlyFeeCents),
  }));
}
