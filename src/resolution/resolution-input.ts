import { FieldError, ProblemError } from '../common/problems/problem.error';
import { parseContactMoment } from './contact-moment';
import {
  AGREED_ROUTES,
  AgreedRoute,
  CONTACT_CHANNELS,
  ContactChannel,
  WITHDRAWAL_WAYS,
  WithdrawalWay,
} from './informal-route';

/**
 * The inputs of the informal approach, checked in one place for the API and for staff pages alike: every bad
 * field is reported at once with a Dutch message. Values come as JSON or as form fields (strings).
 */

export interface ContactInput {
  at: Date;
  channel: ContactChannel;
  reached: boolean;
  note?: string;
}

export interface ConversationInput {
  at: Date;
  channel: ContactChannel;
  notes: string;
  realIssue?: string;
  agreedRoute: AgreedRoute;
  /** Absent only for the formal procedure. */
  agreement?: string;
  /** Send the objector a letter confirming what was agreed (default). */
  confirm: boolean;
}

export interface WithdrawalInput {
  how: WithdrawalWay;
  note?: string;
}

export interface CorrectionInput {
  newDecisionReference: string;
  note?: string;
}

export type RawInput<T> = Partial<Record<keyof T, unknown>>;

export const MAX_NOTE = 2000;
export const MAX_NOTES = 10_000;
export const MAX_AGREEMENT = 5000;
export const MAX_REFERENCE = 100;
/** Clocks of a handler's computer and the server differ a little; a moment this far ahead is still "now". */
export const CLOCK_SKEW_MS = 2 * 60_000;

const CHANNEL_CHOICE =
  'Kies hoe het contact was: phone (telefoon), email (e-mail), visit (bezoek) of video (videogesprek).';
const ROUTE_CHOICE =
  'Kies de afgesproken oplossing: explanation (uitleg), correction (besluit aanpassen), referral (verwijzing naar hulp), withdrawal (intrekken) of formal_procedure (formele procedure).';

/** Collects field errors while reading a raw input. */
class Reader<T> {
  readonly errors: FieldError[] = [];

  constructor(private readonly raw: RawInput<T>) {}

  fail(field: keyof T & string, message: string): undefined {
    this.errors.push({ field, message });
    return undefined;
  }

  /** Trimmed text (line breaks kept), undefined when absent or blank. */
  text(field: keyof T & string, max: number, label: string): string | undefined {
    const value = this.raw[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') return this.fail(field, `${label} moet tekst zijn.`);
    const text = value.replace(/\r\n?/g, '\n').trim();
    if (text.length > max) return this.fail(field, `${label} is te lang (hoogstens ${max} tekens).`);
    return text === '' ? undefined : text;
  }

  required(field: keyof T & string, max: number, label: string, missing: string): string | undefined {
    const before = this.errors.length;
    const text = this.text(field, max, label);
    return text === undefined && this.errors.length === before ? this.fail(field, missing) : text;
  }

  oneOf<V extends string>(field: keyof T & string, allowed: readonly V[], message: string): V | undefined {
    const value = this.raw[field];
    return typeof value === 'string' && (allowed as readonly string[]).includes(value)
      ? (value as V)
      : this.fail(field, message);
  }

  /** true/false, also as the strings a form sends; `fallback` when absent. */
  boolean(field: keyof T & string, message: string, fallback?: boolean): boolean | undefined {
    const value = this.raw[field];
    if ((value === undefined || value === null || value === '') && fallback !== undefined) return fallback;
    if (value === true || value === 'true') return true;
    if (value === false || value === 'false') return false;
    return this.fail(field, message);
  }

  /** A moment no later than now; now when absent. */
  moment(field: keyof T & string, now: Date): Date | undefined {
    const value = this.raw[field];
    if (value === undefined || value === null || value === '') return now;
    const at =
      value instanceof Date
        ? Number.isNaN(value.getTime())
          ? null
          : value
        : typeof value === 'string'
          ? parseContactMoment(value)
          : null;
    if (!at) {
      return this.fail(
        field,
        'Vul datum en tijd in als 2026-12-03T10:30 (tijd in Nederland) of met tijdzone, zoals 2026-12-03T10:30:00+01:00.',
      );
    }
    if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) {
      return this.fail(field, 'Dit moment ligt in de toekomst. Vul in wanneer het contact was.');
    }
    return at;
  }

  done(): void {
    if (this.errors.length) throw ProblemError.invalid(this.errors);
  }
}

export function parseContactInput(raw: RawInput<ContactInput>, now: Date): ContactInput {
  const r = new Reader(raw);
  const at = r.moment('at', now);
  const channel = r.oneOf('channel', CONTACT_CHANNELS, CHANNEL_CHOICE);
  const reached = r.boolean('reached', 'Geef aan of u de indiener heeft bereikt: true (ja) of false (nee).');
  const note = r.text('note', MAX_NOTE, 'De notitie');
  r.done();
  return { at: at!, channel: channel!, reached: reached!, ...(note ? { note } : {}) };
}

export function parseConversationInput(raw: RawInput<ConversationInput>, now: Date): ConversationInput {
  const r = new Reader(raw);
  const at = r.moment('at', now);
  const channel = r.oneOf('channel', CONTACT_CHANNELS, CHANNEL_CHOICE);
  const notes = r.required(
    'notes',
    MAX_NOTES,
    'Het verslag',
    'Schrijf op wat er in het gesprek is besproken.',
  );
  const realIssue = r.text('realIssue', MAX_NOTE, 'Wat er echt speelt');
  const agreedRoute = r.oneOf('agreedRoute', AGREED_ROUTES, ROUTE_CHOICE);
  const agreement =
    agreedRoute === 'formal_procedure'
      ? r.text('agreement', MAX_AGREEMENT, 'De afspraak')
      : r.required(
          'agreement',
          MAX_AGREEMENT,
          'De afspraak',
          'Schrijf op wat u met de indiener heeft afgesproken. Dit komt in de brief die de indiener krijgt.',
        );
  const confirm = r.boolean(
    'confirm',
    'Geef aan of de indiener een bevestigingsbrief krijgt: true of false.',
    true,
  );
  r.done();
  return {
    at: at!,
    channel: channel!,
    notes: notes!,
    ...(realIssue ? { realIssue } : {}),
    agreedRoute: agreedRoute!,
    ...(agreement ? { agreement } : {}),
    confirm: confirm!,
  };
}

export function parseWithdrawalInput(raw: RawInput<WithdrawalInput>): WithdrawalInput {
  const r = new Reader(raw);
  const how = r.oneOf(
    'how',
    WITHDRAWAL_WAYS,
    'Kies hoe het bezwaar is ingetrokken: written (schriftelijk) of confirmed_by_objector (bevestigd door de indiener).',
  );
  const note =
    how === 'confirmed_by_objector'
      ? r.required(
          'note',
          MAX_NOTE,
          'De notitie',
          'Schrijf op hoe de indiener het intrekken heeft bevestigd, bijvoorbeeld: "Telefonisch op 3 december, daarna per e-mail bevestigd."',
        )
      : r.text('note', MAX_NOTE, 'De notitie');
  r.done();
  return { how: how!, ...(note ? { note } : {}) };
}

export function parseCorrectionInput(raw: RawInput<CorrectionInput>): CorrectionInput {
  const r = new Reader(raw);
  const reference = r.required(
    'newDecisionReference',
    MAX_REFERENCE,
    'Het kenmerk van het nieuwe besluit',
    'Vul het kenmerk van het nieuwe (aangepaste) besluit in.',
  );
  const note = r.text('note', MAX_NOTE, 'De notitie');
  r.done();
  // A reference is one line.
  return { newDecisionReference: reference!.replace(/\s+/g, ' '), ...(note ? { note } : {}) };
}
