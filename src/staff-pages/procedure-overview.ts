import { DECISION_OUTCOMES, OUTCOME_WORDS } from '../decisions/decision-outcome';
import { PENALTY_MAX_CENTS } from '../deadlines/penalty';
import type { FirstContact } from '../inbox/first-contact';
import { isOpen, ObjectionStatus } from '../objections/case-status';
import { HEARING_GROUND_LABELS, isHearingWaiverGround } from '../procedure/hearing-grounds';
import { RESOLVED_INFORMALLY } from '../resolution/informal-route';
import { dateText, dateTimeText, euros } from './case-text';
import type { StaffCaseJson } from './staff-case-view';

/**
 * What a handler must see at once on a case of issue 5: the decision term and how it came about, first
 * contact against its norm, the penalty a late decision costs, and the hearing and decision as recorded.
 */

export interface Row {
  label: string;
  value: string;
}

const PAUSE_REASONS: Record<string, string> = {
  repair_term: 'hersteltermijn',
};

/** The decision term as it stands and why: as filed, pauses, the extension, a postponement → the end now. */
export function decisionTermView(kase: StaffCaseJson) {
  const term = kase.decisionTerm;
  if (!term.ends && !term.base) return undefined;
  const rows: Row[] = [];
  if (term.base) {
    rows.push({
      label: 'Zoals ingediend',
      value: `${dateText(term.base)}${kase.regulation.advisoryCommittee ? ' (adviescommissie: 12 weken)' : ''}`,
    });
  }
  for (const pause of term.pauses ?? []) {
    const reason = PAUSE_REASONS[pause.reason] ?? 'opgeschort';
    rows.push({
      label: 'Stilgestaan',
      value: `${dateText(pause.from)} tot en met ${dateText(pause.to)} (${reason})`,
    });
  }
  if (term.extensionWeeks) {
    rows.push({
      label: 'Verdaagd',
      value: `met ${term.extensionWeeks} ${term.extensionWeeks === 1 ? 'week' : 'weken'}`,
    });
  }
  if (term.postponedUntil) {
    rows.push({ label: 'Uitstel met instemming', value: `tot en met ${dateText(term.postponedUntil)}` });
  }
  return {
    rows,
    ends: term.ends ? dateText(term.ends) : undefined,
    endsIso: term.ends ?? undefined,
    advisoryCommittee: kase.regulation.advisoryCommittee,
  };
}

/** "3 december 2026 om 10:30", or "nog geen contact; norm: 8 december 2026", marked when late. */
export function firstContactView(kase: StaffCaseJson, firstContact: FirstContact) {
  if (kase.firstContactAt) return { text: dateTimeText(kase.firstContactAt), late: false };
  if (!isOpen(kase.status as ObjectionStatus)) return { text: 'geen contact vastgelegd', late: false };
  return { text: `nog geen contact; norm: ${dateText(firstContact.dueOn)}`, late: firstContact.late };
}

/** The penalty of a late decision (4:17) as the case stands, or undefined without a notice that took effect. */
export function penaltyView(kase: StaffCaseJson) {
  const p = kase.penalty;
  if (!p) return undefined;
  const max = euros(p.maxCents ?? PENALTY_MAX_CENTS);
  const fixed = kase.timeline.find((e) => e.kind === 'penalty_fixed');
  const fixedText =
    fixed && typeof fixed.data.amountCents === 'number'
      ? ` Vastgesteld op ${euros(fixed.data.amountCents)}.`
      : '';
  switch (p.status) {
    case 'not-yet-running':
      return {
        urgent: false,
        text: `Dwangsom gaat lopen op ${dateText(p.startsOn)} als er dan nog geen beslissing is: maximaal ${max}.`,
      };
    case 'running':
      return {
        urgent: true,
        text: `Dwangsom loopt sinds ${dateText(p.startsOn)}: ${euros(p.amountCentsSoFar)} tot nu, maximaal ${max} (op ${dateText(p.lastDay)}).`,
      };
    case 'maximum-reached':
      return {
        urgent: true,
        text: `Dwangsom loopt sinds ${dateText(p.startsOn)}: het maximum van ${max} is bereikt.${fixedText}`,
      };
    case 'decided':
      return {
        urgent: false,
        text: `Dwangsom: ${p.daysRunning} ${p.daysRunning === 1 ? 'dag' : 'dagen'}, ${euros(p.amountCentsSoFar)} (tot de beslissing).${fixedText}`,
      };
    default:
      return undefined;
  }
}

/** The hearing as recorded: planned (where, who hears), held, or left out on a 7:3 ground. */
export function hearingRows(kase: StaffCaseJson): Row[] {
  const h = kase.hearing;
  if (!h) return [];
  const rows: Row[] = [];
  if (h.plannedAt) {
    const where = h.location ?? (h.videoLink ? `via video: ${h.videoLink}` : '');
    rows.push({
      label: 'Hoorzitting gepland',
      value: `${dateTimeText(h.plannedAt)}${where ? `, ${where}` : ''}`,
    });
  }
  if (h.hearerName) rows.push({ label: 'Hoorder', value: h.hearerName });
  if (h.heldAt) rows.push({ label: 'Hoorzitting gehouden', value: dateTimeText(h.heldAt) });
  if (!h.heldAt && isHearingWaiverGround(h.waiverGround)) {
    rows.push({ label: 'Afgezien van horen', value: HEARING_GROUND_LABELS[h.waiverGround] });
  }
  return rows;
}

/** The decision as recorded, or how the case ended without one. */
export function decisionRows(kase: StaffCaseJson): Row[] {
  const outcome = DECISION_OUTCOMES.find((o) => o === kase.outcome);
  const rows: Row[] = [];
  if (outcome) rows.push({ label: 'Beslissing', value: OUTCOME_WORDS[outcome] });
  if (kase.decidedAt) rows.push({ label: 'Beslist op', value: dateTimeText(kase.decidedAt) });
  if (outcome && kase.costsCents) rows.push({ label: 'Kostenvergoeding', value: euros(kase.costsCents) });
  if (kase.status === 'closed' && kase.closedReason === RESOLVED_INFORMALLY) {
    const corrected = kase.timeline.find((e) => e.kind === 'decision_corrected');
    const newReference = corrected?.data.newDecisionReference;
    rows.push({
      label: 'Afgesloten',
      value: `informeel opgelost: het besluit is aangepast${typeof newReference === 'string' ? ` (nieuw besluit ${newReference})` : ''}`,
    });
  }
  return rows;
}

/** The case's procedure at a glance, for the top of the case page. */
export function procedureOverview(kase: StaffCaseJson, firstContact: FirstContact) {
  const term = decisionTermView(kase);
  return {
    informalRunning:
      kase.status === 'informal_contact'
        ? `De beslistermijn loopt door tijdens informeel contact${term?.ends ? `: beslis uiterlijk ${term.ends}` : ''}.`
        : undefined,
    firstContact: firstContactView(kase, firstContact),
    penalty: penaltyView(kase),
    decisionTerm: term,
    hearing: hearingRows(kase),
    decision: decisionRows(kase),
  };
}
