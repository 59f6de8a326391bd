/**
 * The conversation on a case as the citizen sees it, read from the timeline: messages both ways and the
 * referrals sent (each a snapshot of the partner as it was sent). Pure: no Nest, no database.
 */

export const MAX_MESSAGE_LENGTH = 5000;

export const MESSAGE_EMPTY = 'Typ eerst uw bericht.';

export function messageTooLong(length: number): string {
  return `Uw bericht is ${length.toLocaleString('nl-NL')} tekens lang. Maak het korter: hoogstens ${MAX_MESSAGE_LENGTH.toLocaleString('nl-NL')} tekens.`;
}

/** Line breaks as one kind, no blank lines or spaces around the message. */
export function normalizeMessage(body: string): string {
  return body.replace(/\r\n?/g, '\n').trim();
}

/** What is wrong with a message body, in plain Dutch; null when it can be sent. */
export function messageBodyError(body: string): string | null {
  const text = normalizeMessage(body);
  if (!text) return MESSAGE_EMPTY;
  if (text.length > MAX_MESSAGE_LENGTH) return messageTooLong(text.length);
  return null;
}

/** A timeline entry as stored (see src/objections/timeline.ts). */
export interface TimelineEntry {
  at: Date;
  kind: string;
  data: Record<string, unknown>;
}

/** Timeline kinds the citizen may see; assignments and signals are the municipality's own business. */
export const CITIZEN_EVENT_KINDS: readonly string[] = [
  'filed',
  'status_changed',
  'message_to_citizen',
  'message_from_citizen',
  'referral_sent',
  'conversation',
  'agreement_confirmed',
  'repair_requested',
  'repair_received',
  'hearing_planned',
  'hearing_held',
  'decision_term_extended',
  'decision_term_postponed',
];

export interface CaseMessage {
  at: Date;
  from: 'citizen' | 'municipality';
  body: string;
}

export function caseMessages(events: readonly TimelineEntry[]): CaseMessage[] {
  return events.flatMap((event): CaseMessage[] => {
    const from =
      event.kind === 'message_from_citizen'
        ? 'citizen'
        : event.kind === 'message_to_citizen'
          ? 'municipality'
          : null;
    const body = from ? text(event.data?.body) : null;
    return from && body ? [{ at: event.at, from, body }] : [];
  });
}

export interface SentReferral {
  at: Date;
  partnerCode: string | null;
  name: string;
  kind: string | null;
  description: string;
  phone: string | null;
  email: string | null;
  website: string | null;
  /** The handler's own words with the referral. */
  note: string | null;
}

export function sentReferrals(events: readonly TimelineEntry[]): SentReferral[] {
  return events.flatMap((event): SentReferral[] => {
    if (event.kind !== 'referral_sent') return [];
    const d = event.data ?? {};
    const name = text(d.partnerName);
    if (!name) return [];
    return [
      {
        at: event.at,
        partnerCode: text(d.partnerCode),
        name,
        kind: text(d.kind),
        description: text(d.description) ?? '',
        phone: text(d.phone),
        email: text(d.email),
        website: text(d.website),
        note: text(d.note),
      },
    ];
  });
}

/** What the signals read after a citizen message: the grounds and then every message, in order. */
export function citizenText(groundsText: string | undefined, messages: readonly string[]): string {
  return [groundsText ?? '', ...messages].filter((part) => part.trim()).join('\n\n');
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value : null;
}
