import type { LocalDate } from '../deadlines/local-date';
import { amsterdamDateOf } from '../deadlines/local-date';
import { formatDutchDate } from '../deadlines/dutch-dates';
import type { StoredDocument } from '../documents/stored-document.entity';
import type { CaseFile } from '../objections/case-view.service';
import { MISSING_ELEMENT_LABELS, MissingElement } from '../objections/filing-rules';
import { isObjectionStatus, isOpen, type ObjectionStatus } from '../objections/case-status';
import {
  caseMessages,
  CaseMessage,
  MAX_MESSAGE_LENGTH,
  SentReferral,
  sentReferrals,
} from '../messaging/case-conversation';
import { phoneHref, safeWebsite, websiteLabel } from './contact-links';

/** The citizen's case page in plain Dutch: what the status means, the dates written out, what is still missing. */

export const STATUS: Record<ObjectionStatus, { label: string; text: string }> = {
  received: {
    label: 'Ontvangen',
    text: 'Wij hebben uw bezwaar ontvangen. Een medewerker gaat het bekijken.',
  },
  informal_contact: {
    label: 'In gesprek',
    text: 'Een medewerker neemt contact met u op, of heeft dat al gedaan. Samen zoeken we een oplossing.',
  },
  formal_procedure: {
    label: 'In behandeling',
    text: 'Wij behandelen uw bezwaar. Misschien nodigen wij u uit voor een gesprek: de hoorzitting.',
  },
  decided: {
    label: 'Beslist',
    text: 'Wij hebben over uw bezwaar beslist. De brief met de beslissing staat hieronder bij de documenten.',
  },
  withdrawn: {
    label: 'Ingetrokken',
    text: 'U heeft uw bezwaar ingetrokken. Wij behandelen het niet verder.',
  },
  closed: { label: 'Afgesloten', text: 'Uw bezwaar is afgesloten.' },
};

/** Only events meant for the citizen are shown; internal notes and flags never are. */
const EVENTS: Record<string, string> = {
  filed: 'Uw bezwaar is ontvangen',
  message_to_citizen: 'U heeft een bericht van ons gekregen',
  message_from_citizen: 'U heeft ons een bericht gestuurd',
  referral_sent: 'Wij hebben u doorverwezen naar hulp',
  conversation: 'U heeft een gesprek gehad met een medewerker',
  agreement_confirmed: 'Wij hebben u een brief gestuurd met wat wij hebben afgesproken',
  repair_requested: 'Wij hebben u gevraagd iets aan te vullen',
  repair_received: 'Wij hebben uw aanvulling ontvangen',
  hearing_planned: 'U bent uitgenodigd voor een hoorzitting',
  hearing_held: 'De hoorzitting is geweest',
  decision_term_extended: 'Wij nemen meer tijd om te beslissen',
  decision_term_postponed: 'Wij beslissen later, zoals met u afgesproken',
};

/** A status change reads as the new status. */
function eventLabel(event: { kind: string; data?: Record<string, unknown> }): string | undefined {
  if (event.kind === 'status_changed') {
    const to = event.data?.to;
    return isObjectionStatus(to) ? `Nieuwe status: ${STATUS[to].label}` : undefined;
  }
  return EVENTS[event.kind];
}

/** The reply form: what the citizen typed (kept after an error) and the error beside the field. */
export interface ReplyForm {
  value: string;
  error?: string;
}

export const REPLY_FIELD_ID = 'message-body';

const DOCUMENT_KINDS: Record<string, string> = {
  receipt: 'Ontvangstbevestiging',
  attachment: 'Uw bijlage',
  letter: 'Brief van de gemeente',
};

const DOCUMENT_ORDER: Record<string, number> = { letter: 0, receipt: 1, attachment: 2 };

const MEDIA_TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
};

export function casePageView(
  file: CaseFile,
  context: {
    caseHref: string;
    received: boolean;
    firstContactWorkingDays: number;
    /** Who the citizen writes with, e.g. "Gemeente Rivierstad". */
    tenantName?: string;
    /** Just back from sending a message. */
    messageSent?: boolean;
    reply?: ReplyForm;
  },
) {
  const { objection, regulation } = file;
  const status = STATUS[objection.status] ?? { label: objection.status, text: '' };
  const hasEmail = Boolean(objection.objector.email || objection.representative?.email);
  const open = isObjectionStatus(objection.status) && isOpen(objection.status);
  const reply = context.reply ?? { value: '' };
  return {
    errors: reply.error ? [{ href: `#${REPLY_FIELD_ID}`, message: reply.error }] : [],
    reference: objection.reference,
    regulation: regulation.name,
    received: context.received,
    confirmation: context.received
      ? {
          email: hasEmail,
          firstContactWorkingDays: context.firstContactWorkingDays,
        }
      : undefined,
    status,
    receivedOn: writtenDate(amsterdamDateOf(objection.receivedAt)),
    decisionDate: objection.decision.date ? writtenDate(objection.decision.date) : undefined,
    decisionReference: objection.decision.reference,
    timely: objection.timely,
    objectionTermEnds: objection.objectionTermEnds ? writtenDate(objection.objectionTermEnds) : undefined,
    decisionTermEnds: objection.decisionTermEnds ? writtenDate(objection.decisionTermEnds) : undefined,
    open,
    missing: objection.missingElements.map((code) => MISSING_ELEMENT_LABELS[code as MissingElement] ?? code),
    // Letters from the municipality first, then the receipt, then what the citizen sent.
    documents: [...file.documents]
      .sort((a, b) => (DOCUMENT_ORDER[a.kind] ?? 9) - (DOCUMENT_ORDER[b.kind] ?? 9))
      .map((document) => documentView(document, context.caseHref)),
    timeline: file.events
      .flatMap((event) => {
        const label = eventLabel(event);
        return label ? [{ label, ...moment(event.at) }] : [];
      })
      .reverse(),
    // The conversation reads from top to bottom, oldest first, like a letter exchange.
    messages: caseMessages(file.events).map((message) => messageView(message, context.tenantName)),
    messageSent: Boolean(context.messageSent),
    // A closed case takes no more messages: the form is not shown.
    reply: open
      ? {
          action: `${context.caseHref}/bericht`,
          field: { id: REPLY_FIELD_ID, name: 'body', value: reply.value, error: reply.error },
          hint: `Stel uw vraag of schrijf uw reactie. Hoogstens ${MAX_MESSAGE_LENGTH.toLocaleString('nl-NL')} tekens.`,
          notifyByEmail: hasEmail,
        }
      : undefined,
    // The most recent referral first.
    referrals: sentReferrals(file.events).map(referralView).reverse(),
  };
}

function moment(at: Date) {
  return {
    date: writtenDate(amsterdamDateOf(at)),
    time: new Intl.DateTimeFormat('nl-NL', {
      timeZone: 'Europe/Amsterdam',
      hour: '2-digit',
      minute: '2-digit',
    }).format(at),
    iso: at.toISOString(),
  };
}

/** Paragraphs (blank lines) of lines: the template puts each line out escaped, with a <br> between them. */
function paragraphs(body: string): string[][] {
  return body
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.split('\n'))
    .filter((lines) => lines.some((line) => line.trim()));
}

function messageView(message: CaseMessage, tenantName = 'De gemeente') {
  const fromCitizen = message.from === 'citizen';
  return {
    fromCitizen,
    from: fromCitizen ? 'U schreef' : `${tenantName} schreef`,
    paragraphs: paragraphs(message.body),
    ...moment(message.at),
  };
}

function referralView(referral: SentReferral) {
  return {
    name: referral.name,
    description: referral.description,
    note: referral.note ? paragraphs(referral.note) : undefined,
    phone: referral.phone ?? undefined,
    phoneHref: referral.phone ? phoneHref(referral.phone) : undefined,
    email: referral.email ?? undefined,
    website: safeWebsite(referral.website ?? undefined),
    websiteLabel: referral.website ? websiteLabel(referral.website) : undefined,
    ...moment(referral.at),
  };
}

function documentView(document: StoredDocument, caseHref: string) {
  return {
    href: `${caseHref}/documenten/${encodeURIComponent(document.id)}`,
    kind: DOCUMENT_KINDS[document.kind] ?? 'Document',
    filename: document.filename,
    type: MEDIA_TYPES[document.mediaType] ?? 'bestand',
    size: fileSize(document.size),
  };
}

/** "maandag 14 december 2026" */
export function writtenDate(date: string): string {
  return formatDutchDate(date as LocalDate);
}

/** 812 bytes → "1 kB", 2.5 MB → "2,5 MB". */
export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  return `${(bytes / 1024 / 1024).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} MB`;
}
