import { channel } from 'node:diagnostics_channel';

/**
 * What the domain announces for the metrics, on Node's diagnostics channels: a publisher needs no dependency
 * on MetricsModule (one line where the thing happens), and with no subscriber a publish costs nothing.
 */
export interface AppEvents {
  /** A new objection was stored (not an idempotent replay). */
  objectionFiled: { tenant: string };
  /** A letter PDF was made (decision, receipt, preview …). */
  letterRendered: { kind: string };
  /** The outbox handed an e-mail to the mail server, or the attempt failed. */
  emailAttempted: { outcome: 'sent' | 'failed' };
}

const channels = {
  objectionFiled: channel('bezwaarplatform:objection-filed'),
  letterRendered: channel('bezwaarplatform:letter-rendered'),
  emailAttempted: channel('bezwaarplatform:email-attempted'),
} satisfies Record<keyof AppEvents, unknown>;

export function announce<E extends keyof AppEvents>(event: E, message: AppEvents[E]): void {
  if (channels[event].hasSubscribers) channels[event].publish(message);
}

/** Subscribes to one event; returns the unsubscribe. */
export function onAppEvent<E extends keyof AppEvents>(
  event: E,
  listener: (message: AppEvents[E]) => void,
): () => void {
  const handler = (message: unknown) => listener(message as AppEvents[E]);
  channels[event].subscribe(handler);
  return () => channels[event].unsubscribe(handler);
}
