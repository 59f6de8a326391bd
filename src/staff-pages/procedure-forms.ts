import type { FieldError } from '../common/problems/problem.error';
import type { DecisionInput } from '../decisions/dto/decision.dto';
import { DECISION_OUTCOMES, DecisionOutcome, OUTCOME_WORDS } from '../decisions/decision-outcome';
import { PENALTY_MAX_CENTS, PENALTY_MAX_DAYS } from '../deadlines/penalty';
import { isLocalDate } from '../deadlines/local-date';
import { MISSING_ELEMENT_LABELS } from '../objections/filing-rules';
import {
  GROUND_FITS,
  HEARING_GROUND_LABELS,
  HEARING_WAIVER_GROUNDS,
  HearingWaiverGround,
  isHearingWaiverGround,
} from '../procedure/hearing-grounds';
import type { HearingReportInput, PlanHearingInput } from '../procedure/hearing.service';
import { REPAIR_TERM_DAYS } from '../procedure/procedure-dates';
import type { RepairRequestInput } from '../procedure/repair.service';
import { parseContactMoment } from '../resolution/contact-moment';
import { AGREED_ROUTES, CONTACT_CHANNELS, WITHDRAWAL_WAYS } from '../resolution/informal-route';
import type {
  ContactInput,
  ConversationInput,
  CorrectionInput,
  RawInput,
  WithdrawalInput,
} from '../resolution/resolution-input';
import { HELD, NO, ProcedureAction, YES } from './procedure-form-fields';

/**
 * The forms of issue 5 on a case page, each posting to `…/zaken/<reference>/<action>`: the informal approach,
 * the formal procedure and the decision. What a page can check itself (a choice left open, a date or number
 * that is none) is checked here in words that fit a form; everything else is for the services to say.
 */

export type ProcedureCommand =
  | { action: 'contactpoging'; input: RawInput<ContactInput> }
  | { action: 'gesprek'; input: RawInput<ConversationInput> }
  | { action: 'intrekken'; input: RawInput<WithdrawalInput> }
  | { action: 'correctie'; input: RawInput<CorrectionInput> }
  | { action: 'herstel-vragen'; input: RepairRequestInput }
  | { action: 'herstel-ontvangen'; elements: string[] }
  | { action: 'hoorzitting'; input: PlanHearingInput }
  | { action: 'afzien-horen'; ground: HearingWaiverGround }
  | { action: 'verslag'; input: HearingReportInput }
  | { action: 'verdagen'; input: { weeks: number; reason: string } }
  | { action: 'uitstel'; input: { until: string; consent: string } }
  | { action: 'ingebrekestelling'; input: { receivedOn: string } }
  | { action: 'dwangsom'; input: { amountCents?: number; days?: number } }
  | { action: 'beslissen'; input: DecisionInput };

type Values = Record<string, string>;

/** Collects the problems of one form. */
class Check {
  readonly errors: FieldError[] = [];

  constructor(private readonly values: Values) {}

  fail(field: string, message: string): undefined {
    this.errors.push({ field, message });
    return undefined;
  }

  text(name: string): string {
    return (this.values[name] ?? '').trim();
  }

  required(name: string, max: number, missing: string, tooLong: string): string | undefined {
    const text = this.text(name);
    if (!text) return this.fail(name, missing);
    return text.length > max ? this.fail(name, tooLong) : text;
  }

  optional(name: string, max: number, tooLong: string): string | undefined {
    const text = this.text(name);
    if (text.length > max) return this.fail(name, tooLong);
    return text || undefined;
  }

  choice<T extends string>(name: string, allowed: readonly T[], message: string): T | undefined {
    const value = this.text(name);
    return (allowed as readonly string[]).includes(value) ? (value as T) : this.fail(name, message);
  }

  list(name: string): string[] {
    return this.text(name)
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
  }

  integer(name: string, min: number, max: number, message: string): number | undefined {
    const text = this.text(name);
    const n = /^\d{1,6}$/.test(text) ? Number(text) : NaN;
    return n >= min && n <= max ? n : this.fail(name, message);
  }

  date(name: string, missing: string): string | undefined {
    const text = this.text(name);
    if (!text) return this.fail(name, missing);
    return isLocalDate(text) ? text : this.fail(name, `${missing} Schrijf de datum als 2027-03-01.`);
  }

  /** A date and time in the Netherlands (a datetime-local field), as an instant with its zone. */
  moment(name: string, missing: string | null): string | undefined {
    const text = this.text(name).replace(' ', 'T');
    if (!text) return missing ? this.fail(name, missing) : undefined;
    const at = parseContactMoment(text);
    if (!at) {
      return this.fail(name, 'Vul datum en tijd in als 2027-01-14T10:00 (tijd in Nederland).');
    }
    return at.toISOString();
  }

  result<T>(command: T): T | FieldError[] {
    return this.errors.length ? this.errors : command;
  }
}

/**
 * What a procedure form asks for, or the problems a handler can fix before anything is sent. Texts go to the
 * informal-resolution service as typed (it reads form input itself, with its own Dutch messages).
 */
export function readProcedureCommand(
  action: ProcedureAction,
  values: Values,
): ProcedureCommand | FieldError[] {
  const c = new Check(values);
  switch (action) {
    case 'contactpoging': {
      c.choice('kanaal', CONTACT_CHANNELS, 'Kies hoe het contact was.');
      const reached = c.choice('bereikt', [YES, NO], 'Geef aan of u de indiener heeft bereikt.');
      return c.result({
        action,
        input: {
          at: momentText(values.moment),
          channel: values.kanaal,
          reached: reached === YES ? 'true' : 'false',
          note: values.notitie,
        },
      });
    }
    case 'gesprek':
      c.choice('kanaal', CONTACT_CHANNELS, 'Kies hoe het gesprek was.');
      c.choice('route', AGREED_ROUTES, 'Kies wat u met de indiener heeft afgesproken.');
      return c.result({
        action,
        input: {
          at: momentText(values.moment),
          channel: values.kanaal,
          notes: values.verslag,
          realIssue: values.speelt,
          agreedRoute: values.route,
          agreement: values.afspraak,
          confirm: values.bevestigen === YES ? 'true' : 'false',
        },
      });
    case 'intrekken':
      c.choice('hoe', WITHDRAWAL_WAYS, 'Kies hoe het bezwaar is ingetrokken.');
      return c.result({ action, input: { how: values.hoe, note: values.notitie } });
    case 'correctie':
      return c.result({ action, input: { newDecisionReference: values.kenmerk, note: values.notitie } });
    case 'herstel-vragen': {
      const elements = c.list('onderdelen');
      if (!elements.length) c.fail('onderdelen', 'Kies wat de indiener moet aanvullen.');
      const known = elements.every((e) => e in MISSING_ELEMENT_LABELS);
      if (elements.length && !known) c.fail('onderdelen', 'Kies alleen onderdelen uit de lijst.');
      const termDays = c.integer(
        'termijn',
        REPAIR_TERM_DAYS.min,
        REPAIR_TERM_DAYS.max,
        `Geef de hersteltermijn in hele dagen, van ${REPAIR_TERM_DAYS.min} tot en met ${REPAIR_TERM_DAYS.max}.`,
      );
      return c.result({ action, input: { elements, termDays } });
    }
    case 'herstel-ontvangen':
      // Nothing ticked: the term ran out without the repair; the service records that.
      return c.result({ action, elements: c.list('onderdelen') });
    case 'hoorzitting': {
      const at = c.moment('moment', 'Vul datum en tijd van de hoorzitting in.');
      const location = c.optional('plaats', 300, 'De plaats is te lang (hoogstens 300 tekens).');
      const videoLink = c.optional('videolink', 500, 'De videolink is te lang (hoogstens 500 tekens).');
      if (videoLink && !isHttpsUrl(videoLink))
        c.fail('videolink', 'Geef een videolink die begint met https://.');
      const hearerId = c.text('hoorder') || c.fail('hoorder', 'Kies wie de indiener hoort.');
      const primaryDecisionBy = c.text('besluitnemer') || undefined;
      return c.result({
        action,
        input: {
          at: at!,
          ...(location ? { location } : {}),
          ...(videoLink ? { videoLink } : {}),
          hearerId: hearerId!,
          ...(primaryDecisionBy ? { primaryDecisionBy } : {}),
        },
      });
    }
    case 'afzien-horen': {
      const ground = c.choice(
        'grond',
        HEARING_WAIVER_GROUNDS,
        'Kies de grond om de indiener niet te horen (artikel 7:3 Awb).',
      );
      return c.result({ action, ground: ground! });
    }
    case 'verslag': {
      const heldAt = c.moment('gehouden', null);
      const attendees = c
        .text('aanwezigen')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
      if (!attendees.length) c.fail('aanwezigen', 'Noem wie er aanwezig waren, één naam per regel.');
      else if (attendees.length > 50) c.fail('aanwezigen', 'Noem hoogstens 50 aanwezigen.');
      else if (attendees.some((a) => a.length > 200)) {
        c.fail('aanwezigen', 'Een naam is te lang (hoogstens 200 tekens per regel).');
      }
      const report = c.required(
        'verslag',
        20_000,
        'Schrijf het verslag van de hoorzitting.',
        'Het verslag is te lang (hoogstens 20.000 tekens).',
      );
      return c.result({ action, input: { ...(heldAt ? { heldAt } : {}), attendees, report: report! } });
    }
    case 'verdagen': {
      const weeks = c.integer(
        'weken',
        1,
        6,
        'Kies met hoeveel weken: 1 tot en met 6 (artikel 7:10, lid 3, Awb).',
      );
      const reason = c.required(
        'reden',
        2000,
        'Schrijf waarom de beslissing later komt; dat staat in de brief.',
        'De reden is te lang (hoogstens 2000 tekens).',
      );
      return c.result({ action, input: { weeks: weeks!, reason: reason! } });
    }
    case 'uitstel': {
      const until = c.date('tot', 'Vul de datum in tot wanneer de indiener uitstel geeft.');
      const consent = c.required(
        'instemming',
        2000,
        'Beschrijf hoe en wanneer de indiener instemde (artikel 7:10, lid 4, Awb).',
        'De beschrijving is te lang (hoogstens 2000 tekens).',
      );
      return c.result({ action, input: { until: until!, consent: consent! } });
    }
    case 'ingebrekestelling': {
      const receivedOn = c.date('ontvangen', 'Vul de datum in waarop de ingebrekestelling binnenkwam.');
      return c.result({ action, input: { receivedOn: receivedOn! } });
    }
    case 'dwangsom': {
      const days = c.text('dagen')
        ? c.integer('dagen', 0, PENALTY_MAX_DAYS, 'Geef het aantal dagen als heel getal van 0 tot en met 42.')
        : undefined;
      let amountCents: number | undefined;
      if (c.text('bedrag')) {
        const cents = euroCents(c.text('bedrag'));
        if (cents === null) c.fail('bedrag', 'Geef het bedrag in euro, bijvoorbeeld 230 of 230,50.');
        else if (cents > PENALTY_MAX_CENTS)
          c.fail('bedrag', 'De dwangsom is hoogstens € 1.442 (artikel 4:17 Awb).');
        else amountCents = cents;
      }
      return c.result({
        action,
        input: {
          ...(days !== undefined ? { days } : {}),
          ...(amountCents !== undefined ? { amountCents } : {}),
        },
      });
    }
    case 'beslissen':
      return readDecision(c, values);
  }
}

function readDecision(c: Check, values: Values): ProcedureCommand | FieldError[] {
  const outcome = c.choice<DecisionOutcome>(
    'uitkomst',
    DECISION_OUTCOMES,
    'Kies de beslissing op het bezwaar.',
  );
  const hearing = c.text('hoorzitting');
  if (hearing && hearing !== HELD && !isHearingWaiverGround(hearing)) {
    c.fail('hoorzitting', 'Kies uit de lijst of de indiener is gehoord, of op welke grond niet.');
  }
  const reimbursed = c.text('kosten-vergoed');
  if (reimbursed && reimbursed !== YES && reimbursed !== NO) {
    c.fail('kosten-vergoed', 'Kies of de kosten worden vergoed.');
  }
  const revoked = c.text('herroepen');
  const sendOn = c.text('verzenddatum');
  const input = {
    outcome: outcome!,
    // As typed: the decision service says what is wrong with it.
    reasoning: values.motivering ?? '',
    ...(hearing === HELD ? { hearing: { held: true as const } } : {}),
    ...(isHearingWaiverGround(hearing) ? { hearing: { ground: hearing } } : {}),
    costs: {
      requested: values['kosten-gevraagd'] === YES,
      ...(reimbursed === YES || reimbursed === NO ? { reimbursed: reimbursed === YES } : {}),
    },
    ...(revoked ? { revokedAndReplaced: revoked } : {}),
    ...(sendOn ? { sendOn } : {}),
  };
  return c.result({ action: 'beslissen' as const, input: input as DecisionInput });
}

/** A datetime-local value as the resolution service reads it; a blank is "now" there. */
function momentText(value: string | undefined): string {
  return (value ?? '').trim().replace(' ', 'T');
}

function isHttpsUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && Boolean(url.hostname);
  } catch {
    return false;
  }
}

/** "230", "230,50", "1.442", "€ 1.023,5" → cents; null when it is no amount. */
export function euroCents(text: string): number | null {
  let amount = text.replace(/[€\s]/g, '');
  if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(amount)) amount = amount.replace(/\./g, '');
  amount = amount.replace(',', '.');
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(amount)) return null;
  return Math.round(Number(amount) * 100);
}

/**
 * The decision's hearing problem in the words of the form (the service names its JSON fields): which choices
 * fit the outcome, by their labels.
 */
export function hearingChoiceMessage(outcome: string, chosen: string): string {
  const fits = DECISION_OUTCOMES.find((o) => o === outcome);
  if (!fits) return 'Kies eerst de beslissing; daarna of de indiener is gehoord, of op welke grond niet.';
  const grounds = HEARING_WAIVER_GROUNDS.filter((g) => GROUND_FITS[g].includes(fits)).map(
    (g) => HEARING_GROUND_LABELS[g],
  );
  const options = `"De indiener is gehoord" of: ${grounds.join('; ')}`;
  if (isHearingWaiverGround(chosen) && !GROUND_FITS[chosen].includes(fits)) {
    return `De grond "${HEARING_GROUND_LABELS[chosen]}" past niet bij een ${OUTCOME_WORDS[fits]} bezwaar. Kies ${options}.`;
  }
  return `Er is geen hoorzitting vastgelegd en geen grond om niet te horen. Kies ${options}.`;
}

/** A service's message for a procedure form, in the form's words where the service speaks JSON. */
export function procedureMessage(
  action: ProcedureAction,
  input: string,
  message: string,
  values: Values,
): string {
  if (action === 'beslissen' && input === 'hoorzitting') {
    return hearingChoiceMessage(values.uitkomst ?? '', values.hoorzitting ?? '');
  }
  return message;
}
