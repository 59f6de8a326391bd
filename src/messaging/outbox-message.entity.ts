import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export interface EmailPayload {
  to: string[];
  cc?: string[];
  subject: string;
  text: string;
  /** Documents of the case to attach, read when the message is sent. */
  documentIds?: string[];
}

/** An e-mail waiting to be sent; written in the same transaction as the change it reports. */
@Entity('outbox_messages')
export class OutboxMessage {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  kind!: 'email';

  @Column({ type: 'jsonb' })
  payload!: EmailPayload;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
