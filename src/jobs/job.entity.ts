import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export const JOB_STATES = ['queued', 'running', 'done', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

/**
 * One piece of background work. `queued` until a worker claims it; `running` while a worker holds its lease
 * (locked_until); `done` or `failed` at the end. `attempts` counts claims, so a run cut short by a crash counts.
 */
@Entity('jobs')
export class Job {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'batch_id', type: 'uuid', nullable: true })
  batchId!: string | null;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'jsonb' })
  payload!: unknown;

  @Column({ type: 'text', default: 'queued' })
  state!: JobState;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'run_after', type: 'timestamptz' })
  runAfter!: Date;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  @Column({ type: 'jsonb', nullable: true })
  result!: unknown;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
