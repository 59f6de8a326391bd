import { DECISION_OUTCOMES, OUTCOME_WORDS } from '../decisions/decision-outcome';
import { STATUS_LABELS, ObjectionStatus } from '../objections/case-status';
import { HEARING_GROUND_LABELS, isHearingWaiverGround } from '../procedure/hearing-grounds';
import { dateText, dateTimeText, euros } from './case-text';
import type { ProcedureAction } from './procedure-form-fields';
import type { StaffCaseJson } from './staff-case-view';

const LETTER = 'De brief staat bij de documenten en de indiener krijgt er bericht over.';

/** The confirmation after a procedure form, read from the case as it now is. */
export function procedureDone(action: ProcedureAction, kase: StaffCaseJson): string {
  const status = STATUS_LABELS[kase.status as ObjectionStatus] ?? kase.status;
  const last = (kind: string) => [...kase.timeline].reverse().find((e) => e.kind === kind);
  switch (action) {
    case 'contactpoging':
      return last('contact_attempt')?.data.reached === true
        ? 'De contactpoging is vastgelegd: u heeft de indiener bereikt.'
        : 'De contactpoging is vastgelegd: de indiener is niet bereikt.';
    case 'gesprek':
      return `Het gesprek is vastgelegd. De status is nu: ${status}.${lastIs(kase, 'agreement_confirmed') ? ' De bevestigingsbrief staat bij de documenten.' : ''}`;
    case 'intrekken':
      return 'De intrekking is vastgelegd. Het bezwaar is afgehandeld zonder beslissing.';
    case 'correctie':
      return 'Het aangepaste besluit is vastgelegd. Het bezwaar is informeel opgelost en afgesloten.';
    case 'herstel-vragen':
      return `Het verzoek om aan te vullen is verstuurd, met een termijn tot en met ${dateText(kase.repairTermEnds)}. ${LETTER}`;
    case 'herstel-ontvangen':
      return `Het herstel is vastgelegd. De beslistermijn loopt nu tot en met ${dateText(kase.decisionTerm.ends)}.`;
    case 'hoorzitting':
      return `De hoorzitting is gepland${kase.hearing?.plannedAt ? ` op ${dateTimeText(kase.hearing.plannedAt)}` : ''}. De uitnodiging staat bij de documenten en de indiener krijgt er bericht over.`;
    case 'afzien-horen': {
      const ground = kase.hearing?.waiverGround;
      return `Vastgelegd: de indiener wordt niet gehoord${isHearingWaiverGround(ground) ? ` (${HEARING_GROUND_LABELS[ground]})` : ''}.`;
    }
    case 'verslag':
      return `Het verslag van de hoorzitting is vastgelegd. ${LETTER}`;
    case 'verdagen':
      return `De beslistermijn is verdaagd tot en met ${dateText(kase.decisionTerm.ends)}. ${LETTER}`;
    case 'uitstel':
      return `Het uitstel is vastgelegd. De beslistermijn loopt nu tot en met ${dateText(kase.decisionTerm.ends)}.`;
    case 'ingebrekestelling':
      return `De ingebrekestelling is geregistreerd.${kase.penaltyStartsOn ? ` De dwangsom loopt vanaf ${dateText(kase.penaltyStartsOn)} als er dan nog geen beslissing is.` : ''}`;
    case 'dwangsom': {
      const amount = last('penalty_fixed')?.data.amountCents;
      return `De dwangsom is vastgesteld${typeof amount === 'number' ? ` op ${euros(amount)}` : ''}.`;
    }
    case 'beslissen': {
      const outcome = DECISION_OUTCOMES.find((o) => o === kase.outcome);
      return `De beslissing is vastgelegd${outcome ? `: ${OUTCOME_WORDS[outcome]}` : ''}. De beslissing op bezwaar staat bij de documenten en de indiener krijgt er bericht over.`;
    }
  }
}

/** Whether the newest timeline entry is of this kind (the letter of the conversation just recorded). */
function lastIs(kase: StaffCaseJson, kind: string): boolean {
  return kase.timeline[kase.timeline.length - 1]?.kind === kind;
}
