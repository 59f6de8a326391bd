import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { LocalDate } from '../../deadlines/local-date';
import { LicencePlan } from './licence-plan.entity';

/** A municipality's licence from a date (until one, or open). A change of plan is a new row: history stays. */
@Entity('tenant_licences')
export class TenantLicence {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  @ManyToOne(() => LicencePlan, { eager: true })
  @JoinColumn({ name: 'plan_id' })
  plan!: LicencePlan;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn!: LocalDate;

  @Column({ name: 'ends_on', type: 'date', nullable: true })
  endsOn!: LocalDate | null;

  @Column({ name: 'discount_basis_points', type: 'integer', default: 0 })
  discountBasisPoints!: number;

  @Column({ name: 'discount_reason', type: 'text', nullable: true })
  discountReason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
