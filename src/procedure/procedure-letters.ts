import type { LocalDate } from '../deadlines/local-date';
import { amsterdamDateOf } from '../deadlines/local-date';
import { addresseeLines, addresseeName, writtenDate } from '../letters/addressee';
import type { LetterKind } from '../letters/letter-kinds';
import type { LetterRequest } from '../letters/letters.service';
import type { EmailPayload } from '../messaging/outbox-message.entity';
import { MISSING_ELEMENT_LABELS, type MissingElement } from '../objections/filing-rules';
import type { Objection } from '../objections/objection.entity';
import type { Tenant } from '../tenancy/tenant.entity';
import type { HearingDates } from './procedure-dates';

/** The letters of the formal procedure, and the e-mail that tells the objector one is waiting. */

export interface LetterFacts {
  tenant: Tenant;
  objection: Pick<Objection, 'reference' | 'objector' | 'representative' | 'decision' | 'receivedAt'>;
  regulationName: string;
  /** The day the letter is dated. */
  today: LocalDate;
}

/** What each letter names, whatever its kind. */
function common(facts: LetterFacts) {
  const { tenant, objection } = facts;
  return {
    addresseeName: addresseeName(objection),
    reference: objection.reference,
    regulationName: facts.regulationName,
    decisionLabel:
      [objection.decision.description, objection.decision.reference].filter(Boolean).join(', ') || '—',
    phone: tenant.profile.contact.phone,
    email: tenant.profile.contact.email,
  };
}

function letter(
  facts: LetterFacts,
  kind: LetterKind,
  subject: string,
  context: Record<string, unknown>,
): LetterRequest {
  return {
    tenant: facts.tenant,
    kind,
    reference: facts.objection.reference,
    subject,
    addressee: addresseeLines(facts.objection),
    date: facts.today,
    context: { ...common(facts), ...context },
  };
}

/** Herstel verzuim (6:6): what is missing, until when, and what follows if it is not repaired. */
export function repairRequestLetter(
  facts: LetterFacts,
  input: { elements: MissingElement[]; repairTermEnds: LocalDate },
): LetterRequest {
  return letter(facts, 'repair_request', 'Vul uw bezwaar aan', {
    receivedOn: writtenDate(amsterdamDateOf(facts.objection.receivedAt)),
    missing: input.elements.map((e) => MISSING_ELEMENT_LABELS[e]),
    repairTermEnds: writtenDate(input.repairTermEnds),
  });
}

/** The invitation with the 7:4 dates; a video hearing names the link where a place would be. */
export function hearingInvitationLetter(
  facts: LetterFacts,
  input: { dates: HearingDates; location?: string; videoLink?: string; hearerName: string },
): LetterRequest {
  const { dates } = input;
  return letter(facts, 'hearing_invitation', 'Uitnodiging voor de hoorzitting over uw bezwaar', {
    hearingDate: writtenDate(dates.hearingDate),
    hearingTime: `${dates.hearingTime} uur`,
    location: input.location ?? 'online, via een videoverbinding',
    videoLink: input.videoLink ?? '',
    hearerName: input.hearerName,
    documentsUntil: writtenDate(dates.documentsUntil),
    fileOpenFrom: writtenDate(dates.fileOpenFrom),
  });
}

/** The report of the hearing (7:7), through the same pipeline; the report keeps its paragraphs. */
export function hearingReportLetter(
  facts: LetterFacts,
  input: {
    dates: Pick<HearingDates, 'hearingDate' | 'hearingTime'>;
    location?: string;
    videoLink?: string;
    hearerName: string;
    attendees: string[];
    report: string;
  },
): LetterRequest {
  return letter(facts, 'hearing_report', 'Verslag van de hoorzitting over uw bezwaar', {
    hearingDate: writtenDate(input.dates.hearingDate),
    hearingTime: `${input.dates.hearingTime} uur`,
    location: input.location ?? (input.videoLink ? 'online, via een videoverbinding' : '—'),
    hearer: input.hearerName,
    attendees: input.attendees.join(', '),
    report: paragraphs(input.report),
  });
}

/** Notice of the one verdaging (7:10 lid 3): the old and the new last day, and why. */
export function extensionLetter(
  facts: LetterFacts,
  input: { weeks: number; reason: string; previousEnd: LocalDate; newEnd: LocalDate },
): LetterRequest {
  return letter(facts, 'extension', 'Wij beslissen later over uw bezwaar', {
    previousDecisionTermEnds: writtenDate(input.previousEnd),
    newDecisionTermEnds: writtenDate(input.newEnd),
    weeksText: input.weeks === 1 ? '1 week' : `${input.weeks} weken`,
    reason: input.reason,
  });
}

function paragraphs(text: string): string[] {
  return text
    .replace(/\r\n/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * The e-mail with a letter attached: to the representative (the objector in copy), else to the objector, as the
 * receipt goes; null when nobody gave an e-mail address (the letter then waits on the case page).
 */
export function letterEmail(args: {
  tenant: Pick<Tenant, 'name' | 'profile'>;
  objection: Pick<Objection, 'reference' | 'objector' | 'representative'>;
  subject: string;
  lines: string[];
  documentId: string;
}): EmailPayload | null {
  const { tenant, objection } = args;
  const recipients = [objection.representative?.email, objection.objector.email].filter((e): e is string =>
    Boolean(e),
  );
  if (!recipients.length) return null;
  const text = [
    `Beste ${addresseeName(objection)},`,
    '',
    ...args.lines,
    'In de bijlage vindt u de brief.',
    '',
    `Vragen? Bel ${tenant.profile.contact.phone} of mail ${tenant.profile.contact.email}. Noem dan uw kenmerk ${objection.reference}.`,
    '',
    'Met vriendelijke groet,',
    tenant.name,
  ].join('\n');
  return {
    to: [recipients[0]],
    cc: recipients.slice(1),
    subject: `${args.subject} - bezwaar ${objection.reference} - ${tenant.name}`,
    text,
    documentIds: [args.documentId],
  };
}
