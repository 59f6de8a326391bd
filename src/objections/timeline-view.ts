import { DECISION_OUTCOMES, OUTCOME_WORDS } from '../decisions/decision-outcome';
import { isLocalDate } from '../deadlines/local-date';
import { writtenDate, writtenDateTime } from '../letters/addressee';
import { HEARING_GROUND_LABELS, isHearingWaiverGround } from '../procedure/hearing-grounds';
import { AGREED_ROUTES, CHANNEL_WORDS, CONTACT_CHANNELS, ROUTE_WORDS } from '../resolution/informal-route';
import { LIFE_DOMAIN_LABELS, SENTIMENT_LABELS } from '../signals/life-domain-code';
import { isObjectionStatus, STATUS_LABELS } from './case-status';
import { MISSING_ELEMENT_LABELS, MissingElement } from './filing-rules';

/** One line of a case's timeline as a handler reads it. */
export interface TimelineEntry {
  at: string;
  actor: { kind: 'citizen' | 'system' | 'staff'; name: string };
  kind: string;
  /** Dutch, one line. */
  summary: string;
  data: Record<string, unknown>;
}

export interface TimelineEvent {
  at: Date;
  actor: string;
  kind: string;
  data: Record<string, unknown>;
}

const UNKNOWN_STAFF = 'Onbekende medewerker';

/**
 * The timeline oldest first (events of the same moment keep their stored order), each event with its actor's
 * name and a one-line Dutch summary. `staffNames` maps staff user ids to names; the data is passed through
 * unchanged so a page can show details such as a status note or a referral's contact details.
 */
export function timelineView(
  events: TimelineEvent[],
  staffNames: ReadonlyMap<string, string>,
): TimelineEntry[] {
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => a.event.at.getTime() - b.event.at.getTime() || a.index - b.index)
    .map(({ event }) => ({
      at: event.at.toISOString(),
      actor: actorOf(event.actor, staffNames),
      kind: event.kind,
      summary: oneLine(summaryOf(event, staffNames)),
      data: event.data,
    }));
}

/** Ids of the staff members a list of events mentions (actors and assignees), to look their names up. */
export function staffIdsIn(events: Pick<TimelineEvent, 'actor' | 'data'>[]): string[] {
  const ids = new Set<string>();
  for (const { actor, data } of events) {
    if (actor.startsWith('staff:')) ids.add(actor.slice('staff:'.length));
    for (const key of ['assigneeId', 'previousAssigneeId']) {
      const value = data[key];
      if (typeof value === 'string') ids.add(value);
    }
  }
  return [...ids];
}

function actorOf(actor: string, staffNames: ReadonlyMap<string, string>): TimelineEntry['actor'] {
  if (actor === 'citizen') return { kind: 'citizen', name: 'Inwoner' };
  if (actor.startsWith('staff:')) {
    return { kind: 'staff', name: staffNames.get(actor.slice('staff:'.length)) ?? UNKNOWN_STAFF };
  }
  return { kind: 'system', name: 'Systeem' };
}

function summaryOf({ kind, data }: TimelineEvent, staffNames: ReadonlyMap<string, string>): string {
  switch (kind) {
    case 'filed': {
      const parts = [data.timely === false ? 'te laat' : 'op tijd'];
      const missing = stringList(data.missingElements);
      if (missing.length) {
        const labels = missing.map((m) => MISSING_ELEMENT_LABELS[m as MissingElement] ?? m);
        parts.push(`ontbreekt: ${labels.join(', ')}`);
      }
      const attachments = typeof data.attachments === 'number' ? data.attachments : 0;
      if (attachments) parts.push(attachments === 1 ? '1 bijlage' : `${attachments} bijlagen`);
      return `Bezwaar ontvangen (${parts.join('; ')})`;
    }
    case 'assigned': {
      // The name as it was when assigned; the directory only if the event lacks it.
      const name = (id: unknown, snapshot: unknown) =>
        text(snapshot) ?? (typeof id === 'string' ? staffNames.get(id) : undefined) ?? UNKNOWN_STAFF;
      if (data.assigneeId) return `Toegewezen aan ${name(data.assigneeId, data.assigneeName)}`;
      return data.previousAssigneeId
        ? `Niet meer toegewezen aan ${name(data.previousAssigneeId, undefined)}`
        : 'Niet meer toegewezen';
    }
    case 'status_changed':
      return `Status: ${statusLabel(data.from)} → ${statusLabel(data.to)}`;
    case 'referral_sent':
      return `Doorverwezen naar ${text(data.partnerName) ?? text(data.partnerCode) ?? 'een hulporganisatie'}`;
    case 'message_to_citizen':
      return 'Bericht aan inwoner';
    case 'message_from_citizen':
      return 'Bericht van inwoner';
    case 'signals_updated': {
      const sentiment = text(data.sentiment);
      const label =
        sentiment && sentiment in SENTIMENT_LABELS
          ? SENTIMENT_LABELS[sentiment as keyof typeof SENTIMENT_LABELS]
          : (sentiment ?? 'neutraal');
      const domains = stringList(data.lifeDomains).map(
        (code) => LIFE_DOMAIN_LABELS[code as keyof typeof LIFE_DOMAIN_LABELS] ?? code,
      );
      return `Signalen bijgewerkt: ${label}${domains.length ? `; ${domains.join(', ')}` : ''}`;
    }
    case 'contact_attempt':
      return `Contactpoging ${channel(data.channel)}: ${data.reached === true ? 'bereikt' : 'niet bereikt'}`;
    case 'conversation':
      return `Gesprek ${channel(data.channel)}; afgesproken: ${route(data.agreedRoute)}`;
    case 'agreement_confirmed':
      return `Afspraak bevestigd per brief (${route(data.route)})`;
    case 'withdrawn':
      return data.how === 'written'
        ? 'Bezwaar schriftelijk ingetrokken'
        : 'Intrekking bevestigd door de indiener';
    case 'decision_corrected':
      return `Besluit informeel gecorrigeerd (nieuw besluit ${text(data.newDecisionReference) ?? '?'})`;
    case 'repair_requested': {
      const labels = stringList(data.elements).map((m) => MISSING_ELEMENT_LABELS[m as MissingElement] ?? m);
      return `Om herstel gevraagd: ${labels.join(', ')}; termijn tot en met ${date(data.repairTermEnds)}`;
    }
    case 'repair_received': {
      const labels = stringList(data.elements).map((m) => MISSING_ELEMENT_LABELS[m as MissingElement] ?? m);
      const received = labels.length
        ? `Herstel ontvangen: ${labels.join(', ')}`
        : 'Hersteltermijn afgesloten zonder aanvulling';
      return data.pause
        ? `${received}; beslistermijn nu tot en met ${date(data.decisionTermEnds)}`
        : received;
    }
    case 'hearing_planned':
      return `Hoorzitting gepland op ${dateTime(data.at)} (${text(data.location) ?? 'via video'}), hoorder ${text(data.hearerName) ?? UNKNOWN_STAFF}`;
    case 'hearing_waived':
      return `Afgezien van horen: ${isHearingWaiverGround(data.ground) ? HEARING_GROUND_LABELS[data.ground] : '?'}`;
    case 'hearing_held':
      return `Hoorzitting gehouden op ${dateTime(data.heldAt)}; verslag gemaakt`;
    case 'decision_term_extended':
      return `Beslistermijn verdaagd met ${String(data.weeks)} weken: tot en met ${date(data.newEnd)} (was ${date(data.previousEnd)})`;
    case 'decision_term_postponed':
      return `Uitstel met instemming: beslistermijn tot en met ${date(data.until)} (was ${date(data.previousEnd)})`;
    case 'notice_of_default':
      return `Ingebrekestelling ontvangen op ${date(data.receivedOn)}; dwangsom loopt vanaf ${date(data.penaltyStartsOn)}`;
    case 'penalty_fixed':
      return `Dwangsom vastgesteld: € ${euros(data.amountCents)} (${String(data.days)} dagen)`;
    case 'decided': {
      const outcome = DECISION_OUTCOMES.find((o) => o === data.outcome);
      return `Beslist: ${outcome ? OUTCOME_WORDS[outcome] : '?'}`;
    }
    default: {
      // An event kind this view does not know yet still reads as something.
      const words = kind.replace(/[_-]+/g, ' ').trim();
      return words ? words[0].toUpperCase() + words.slice(1) : 'Gebeurtenis';
    }
  }
}

function channel(value: unknown): string {
  const code = CONTACT_CHANNELS.find((c) => c === value);
  return code ? CHANNEL_WORDS[code] : '';
}

function route(value: unknown): string {
  const code = AGREED_ROUTES.find((r) => r === value);
  return code ? ROUTE_WORDS[code].toLowerCase() : '?';
}

function date(value: unknown): string {
  return isLocalDate(value) ? writtenDate(value) : '?';
}

function dateTime(value: unknown): string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value))
    ? writtenDateTime(new Date(value))
    : '?';
}

function euros(cents: unknown): string {
  return typeof cents === 'number' ? (cents / 100).toFixed(2).replace('.', ',') : '?';
}

function statusLabel(value: unknown): string {
  return isObjectionStatus(value) ? STATUS_LABELS[value] : (text(value) ?? '?');
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function oneLine(summary: string): string {
  return summary.replace(/\s+/g, ' ').trim();
}
