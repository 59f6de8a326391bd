import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** One entry of a case's timeline; append-only (the app role may not update or delete). */
@Entity('objection_events')
export class ObjectionEvent {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'objection_id', type: 'uuid' })
  objectionId!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  /** 'citizen', 'system' or 'staff:<user id>'. */
  @Column({ type: 'text' })
  actor!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;
}
