import { EntityManager } from 'typeorm';
import { EmailPayload, OutboxMessage } from './outbox-message.entity';

/** Queues an e-mail inside the caller's unit of work: it is sent only if that work commits. */
export async function enqueueEmail(
  db: EntityManager,
  tenantId: string,
  payload: EmailPayload,
): Promise<void> {
  await db
    .getRepository(OutboxMessage)
    .insert({ tenantId, kind: 'email', payload, nextAttemptAt: new Date() });
}

/** Retry after 30 s, 1, 2, 4 … minutes, at most an hour apart. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}
