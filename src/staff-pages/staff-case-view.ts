import type { LocalDate } from '../deadlines/local-date';
import type { StoredDocument } from '../documents/stored-document.entity';
import type { FirstContact } from '../inbox/first-contact';
import type { staffCaseJson } from '../objections/case-view.service';
import { FLAG_LABELS } from '../objections/case-flags';
import { isOpen, ObjectionStatus, STATUS_LABELS } from '../objections/case-status';
import type { DeadlineKind } from '../objections/next-deadline';
import { phoneHref, safeWebsite } from '../portal/contact-links';
import { fileSize } from '../portal/case-page';
import { SENTIMENT_LABELS } from '../signals/life-domain-code';
import { CaseAction, FormProblem, NOBODY } from './case-forms';
import { dateText, dateTimeText } from './case-text';
import { deadlineView } from './deadline-text';
import { caseFormFields } from './form-fields';
import { procedureDone } from './procedure-done';
import { procedureOverview } from './procedure-overview';
import { isProcedureAction } from './procedure-form-fields';
import { procedureForms, procedureFormShown } from './procedure-view';
import { staffHome } from './request-checks';

export { dateTimeText } from './case-text';

export type StaffCaseJson = ReturnType<typeof staffCaseJson>;

export interface PartnerOption {
  code: string;
  name: string;
  definition: { kind: string; description: string; phone?: string; email?: string; website?: string };
}

export interface CaseViewContext {
  tenantSlug: string;
  viewerId: string;
  /** The regulation's argument hints, to show the chosen ones by title. */
  hints: { code: string; title: string }[];
  documents: StoredDocument[];
  nextDeadline: {
    date: string;
    kind: DeadlineKind;
    workingDaysLeft: number;
    overdue: boolean;
    atRisk: boolean;
  } | null;
  handlers: { id: string; name: string }[];
  /** All active staff (who took the contested decision); the handlers when not given. */
  staff?: { id: string; name: string }[];
  partners: PartnerOption[];
  /** Today in the Netherlands: which steps still fit (an extension only while the term runs). */
  today: LocalDate;
  /** First contact against the tenant's norm (src/inbox/first-contact.ts). */
  firstContact: FirstContact;
  /** What was just done (the `gedaan` flag after a form's redirect). */
  done?: CaseAction;
  problem?: FormProblem;
}

export const REFERRAL_KIND_LABELS: Record<string, string> = {
  debt_counselling: 'schuldhulpverlening',
  social_work: 'maatschappelijk werk',
  budget_coach: 'budgetcoaching',
  legal_aid: 'juridisch advies',
  social_counsellors: 'sociaal raadslieden',
  other: 'andere hulp',
};

const CONTACT_PREFERENCES: Record<string, string> = {
  phone: 'telefoon',
  email: 'e-mail',
  letter: 'brief',
  portal: 'berichten in het portaal',
};

const DOCUMENT_KINDS: Record<string, string> = {
  receipt: 'Ontvangstbevestiging',
  attachment: 'Bijlage van de indiener',
  letter: 'Brief',
};

/** The case page: the filing, the signals with their evidence, the forms to work the case and the timeline. */
export function staffCaseView(kase: StaffCaseJson, context: CaseViewContext) {
  const caseHref = `${staffHome(context.tenantSlug)}/zaken/${encodeURIComponent(kase.reference)}`;
  const problem = context.problem;
  const fields = caseFormFields(problem);
  const { field } = fields;
  const valueOf = (action: CaseAction, name: string, fallback = '') => field(action, name, fallback).value;

  const objector = kase.objector;
  const address = objector.address;
  const evidence = kase.flagEvidence;
  const assigneeId = kase.assignee?.id ?? null;
  const chosenAssignee = valueOf('toewijzen', 'behandelaar', assigneeId ?? '');
  const chosenStatus = valueOf('status', 'status');
  const chosenPartner = valueOf('doorverwijzen', 'organisatie');
  const statusField = field('status', 'status');
  const viewerIsHandler = context.handlers.some((h) => h.id === context.viewerId);
  const open = isOpen(kase.status as ObjectionStatus);
  const formShown = (action: CaseAction) =>
    isProcedureAction(action) ? procedureFormShown(action, kase, context.today) : open;

  return {
    reference: kase.reference,
    /** Still being worked: the page offers its forms. A closed case is only read. */
    open,
    procedure: procedureOverview(kase, context.firstContact),
    ...procedureForms(kase, {
      caseHref,
      today: context.today,
      handlers: context.handlers,
      staff: context.staff ?? context.handlers,
      fields,
    }),
    regulation: kase.regulation.name,
    objectorName: objector.name,
    inboxHref: staffHome(context.tenantSlug),
    done: context.done ? doneMessage(context.done, kase) : undefined,
    // A form the page no longer shows (posted from a stale page): its message without a link to it.
    errors: (problem?.summary ?? []).map((entry) =>
      formShown(problem!.action) ? entry : { message: entry.message },
    ),
    summary: {
      status: STATUS_LABELS[kase.status as ObjectionStatus] ?? kase.status,
      assignee: kase.assignee?.name,
      receivedAt: dateTimeText(kase.receivedAt),
      timely: kase.timely,
      nextDeadline: deadlineView(context.nextDeadline, {
        overdue: context.nextDeadline?.overdue ?? false,
        atRisk: context.nextDeadline?.atRisk ?? false,
      }),
      flags: kase.flags.map((flag) => FLAG_LABELS[flag] ?? flag),
    },
    signals: {
      sentiment: evidence.sentiment
        ? {
            label: evidence.sentiment.label,
            score: evidence.sentiment.score.toLocaleString('nl-NL', { maximumFractionDigits: 2 }),
            evidence: evidence.sentiment.evidence,
          }
        : undefined,
      neutral: !evidence.sentiment && kase.signals ? SENTIMENT_LABELS.neutral : undefined,
      lifeDomains: evidence.lifeDomains.map((d) => ({ label: d.label, evidence: d.evidence })),
      lifeDomainText: evidence.lifeDomains.map((d) => d.label).join(', '),
      multiProblem: kase.flags.includes('multi_problem'),
      repeatObjector: kase.flags.includes('repeat_objector'),
      late: !kase.timely,
      missing: kase.missingElements.map((m) => m.label),
      analysed: Boolean(kase.signals),
    },
    objector: {
      name: objector.name,
      email: objector.email,
      phone: objector.phone,
      phoneHref: objector.phone ? phoneHref(objector.phone) : undefined,
      address: address
        ? `${address.street} ${address.houseNumber}, ${address.postalCode} ${address.city}`
        : undefined,
      contactPreference: kase.contactPreference
        ? (CONTACT_PREFERENCES[kase.contactPreference] ?? kase.contactPreference)
        : undefined,
      wantsHearing: kase.wantsHearing === null ? undefined : kase.wantsHearing ? 'ja' : 'nee',
    },
    representative: kase.representative ?? undefined,
    decision: {
      reference: kase.decision.reference,
      date: dateText(kase.decision.date),
      description: kase.decision.description,
    },
    grounds: {
      hints: kase.grounds.hints.map((code) => context.hints.find((h) => h.code === code)?.title ?? code),
      text: kase.grounds.text?.trim() || undefined,
    },
    terms: [
      { label: 'Bezwaartermijn eindigt', value: dateText(kase.objectionTermEnds) },
      { label: 'Beslistermijn eindigt', value: dateText(kase.decisionTermEnds) },
      { label: 'Hersteltermijn eindigt', value: dateText(kase.repairTermEnds) },
      { label: 'Dwangsom loopt vanaf', value: dateText(kase.penaltyStartsOn) },
    ].filter((term) => term.value),
    documents: context.documents.map((d) => ({
      href: `${caseHref}/documenten/${encodeURIComponent(d.id)}`,
      kind: DOCUMENT_KINDS[d.kind] ?? 'Document',
      filename: d.filename,
      size: fileSize(d.size),
    })),
    assignForm: {
      action: `${caseHref}/toewijzen`,
      field: field('toewijzen', 'behandelaar'),
      options: [
        { value: '', label: 'Kies een behandelaar', selected: chosenAssignee === '' },
        ...context.handlers.map((h) => ({
          value: h.id,
          label: h.id === context.viewerId ? `${h.name} (uzelf)` : h.name,
          selected: h.id === chosenAssignee,
        })),
        { value: NOBODY, label: 'Niemand (toewijzing weghalen)', selected: chosenAssignee === NOBODY },
      ],
      toMe: viewerIsHandler && assigneeId !== context.viewerId ? context.viewerId : undefined,
    },
    statusForm: {
      action: `${caseHref}/status`,
      error: statusField.error,
      // Withdrawal has its own form, which records how the objector withdrew.
      options: kase.allowedNext
        .filter((status) => status !== 'withdrawn')
        .map((status, index) => ({
          id: index === 0 ? statusField.id : `status-${status}`,
          value: status,
          label: STATUS_LABELS[status],
          checked: status === chosenStatus,
        })),
      note: field('status', 'toelichting'),
    },
    messageForm: { action: `${caseHref}/bericht`, field: field('bericht', 'bericht') },
    referralForm: {
      action: `${caseHref}/doorverwijzen`,
      field: field('doorverwijzen', 'organisatie'),
      options: [
        { value: '', label: 'Kies een organisatie', selected: chosenPartner === '' },
        ...context.partners.map((p) => ({
          value: p.code,
          label: `${p.name} (${REFERRAL_KIND_LABELS[p.definition.kind] ?? p.definition.kind})`,
          selected: p.code === chosenPartner,
        })),
      ],
      partners: context.partners.map((p) => ({
        name: p.name,
        description: p.definition.description,
        phone: p.definition.phone,
        email: p.definition.email,
        website: safeWebsite(p.definition.website),
      })),
      note: field('doorverwijzen', 'toelichting'),
    },
    timeline: kase.timeline.map((entry) => ({
      iso: entry.at,
      when: dateTimeText(entry.at),
      who: entry.actor.name,
      summary: entry.summary,
      details: timelineDetails(entry.kind, entry.data),
    })),
  };
}

/** The text behind a timeline line that a handler needs to read in full: a message, a note, a report. */
export function timelineDetails(kind: string, data: Record<string, unknown>): string | undefined {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : undefined);
  const labelled = (parts: [string, unknown][]) =>
    parts
      .map(([label, value]) => (text(value) ? `${label}: ${text(value)}` : ''))
      .filter(Boolean)
      .join('\n\n') || undefined;
  switch (kind) {
    case 'message_to_citizen':
    case 'message_from_citizen':
      return text(data.body);
    case 'conversation':
      return labelled([
        ['Verslag', data.notes],
        ['Wat er echt speelt', data.realIssue],
        ['Afspraak', data.agreement],
      ]);
    case 'decision_term_extended':
      return labelled([['Reden', data.reason]]);
    case 'decision_term_postponed':
      return labelled([['Instemming', data.consent]]);
    case 'decided':
      return labelled([['Herroepen en vervangen door', data.revokedAndReplaced]]);
    case 'status_changed':
    case 'referral_sent':
    case 'contact_attempt':
    case 'withdrawn':
    case 'decision_corrected':
      return text(data.note);
    default:
      return undefined;
  }
}

function doneMessage(action: CaseAction, kase: StaffCaseJson): string {
  switch (action) {
    case 'toewijzen':
      return kase.assignee
        ? `De zaak is toegewezen aan ${kase.assignee.name}.`
        : 'De zaak is aan niemand toegewezen.';
    case 'status':
      return `De status is nu: ${STATUS_LABELS[kase.status as ObjectionStatus] ?? kase.status}.`;
    case 'bericht':
      return 'Uw bericht is verstuurd. De indiener ziet het op de eigen zaakpagina en krijgt een e-mail als er een e-mailadres bekend is.';
    case 'doorverwijzen':
      return 'De doorverwijzing is verstuurd. De indiener ziet de gegevens van de organisatie op de eigen zaakpagina.';
    default:
      return procedureDone(action, kase);
  }
}
