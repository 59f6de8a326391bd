import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { LocalDate } from '../../deadlines/local-date';
import type { LicenceState } from '../../tenancy/tenant.entity';

/**
 * One change of a municipality's licence state, never rewritten. With an operator it is a hold: a suspension
 * stays until an operator lifts it; a reactivation holds until hold_until.
 */
@Entity('licence_state_changes')
export class LicenceStateChange {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'from_state', type: 'text' })
  fromState!: LicenceState;

  @Column({ name: 'to_state', type: 'text' })
  toState!: LicenceState;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'operator_id', type: 'uuid', nullable: true })
  operatorId!: string | null;

  @Column({ name: 'hold_until', type: 'date', nullable: true })
  holdUntil!: LocalDate | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
