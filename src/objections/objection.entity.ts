import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export const OBJECTION_STATUSES = [
  'received',
  'informal_contact',
  'formal_procedure',
  'decided',
  'withdrawn',
  'closed',
] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

/** An objection (bezwaarschrift) as a case; filing fills in the rest of its shape. */
@Entity('objections')
export class Objection {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  reference!: string;

  @Column({ name: 'regulation_id', type: 'uuid' })
  regulationId!: string;

  @Column({ type: 'text', default: 'received' })
  status!: ObjectionStatus;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ name: 'decision_term_ends', type: 'date', nullable: true })
  decisionTermEnds!: string | null;

  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId!: string | null;
}
