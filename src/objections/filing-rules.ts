import { AtwCalendar } from '../deadlines/atw-calendar';
import {
  decisionTermEnds,
  isTimelyElectronic,
  objectionTermEnds,
  taxDecisionTermEnds,
} from '../deadlines/legal-terms';
import { amsterdamDateOf, LocalDate, maxLocalDate } from '../deadlines/local-date';

/** Awb 6:5 elements a filing may lack at the door; each must be offered a repair term (6:6) before 6:6 applies. */
export type MissingElement = 'signature' | 'address' | 'grounds' | 'decision_description';

export const MISSING_ELEMENT_LABELS: Record<MissingElement, string> = {
  signature: 'uw handtekening (of inloggen met DigiD)',
  address: 'uw adres',
  grounds: 'de redenen waarom u het niet eens bent met het besluit',
  decision_description: 'een omschrijving of het kenmerk van het besluit',
};

export interface FilingContent {
  objector: { address?: object };
  grounds: { hints: string[]; text?: string };
  decision: { reference?: string; description?: string };
  /** Filed after DigiD login (Awb 2:16 counts that as signed) or with a signature. */
  signed: boolean;
}

/**
 * What the filing lacks under 6:5. A pro forma objection (grounds to follow) is a valid filing: its grounds
 * are asked for in the repair request, never a reason to refuse it at the door.
 */
export function missingElements(content: FilingContent): MissingElement[] {
  const missing: MissingElement[] = [];
  if (!content.signed) missing.push('signature');
  if (!content.objector.address) missing.push('address');
  if (!content.grounds.hints.length && !content.grounds.text?.trim()) missing.push('grounds');
  if (!content.decision.reference?.trim() && !content.decision.description?.trim())
    missing.push('decision_description');
  return missing;
}

export interface FilingTerms {
  objectionTermEnds: LocalDate;
  decisionTermEnds: LocalDate;
  /** Received by the end of the last day, Europe/Amsterdam (6:9, 2:17). */
  timely: boolean;
}

/**
 * The terms at receipt. For a late filing the 7:10 term cannot start before the objection exists, so it is
 * counted from the day of receipt (stated reading; 7:10 only speaks of the end of the objection term).
 * Municipal taxes follow AWR art. 25 (decided within the calendar year of receipt).
 */
export function filingTerms(
  calendar: AtwCalendar,
  regulation: { termModel: 'awb' | 'awr'; advisoryCommittee: boolean },
  decisionDate: LocalDate,
  receivedAt: Date,
): FilingTerms {
  const objectionEnds = objectionTermEnds(calendar, decisionDate);
  const receivedDate = amsterdamDateOf(receivedAt);
  const start = maxLocalDate(objectionEnds, receivedDate);
  const { advisoryCommittee } = regulation;
  return {
    objectionTermEnds: objectionEnds,
    decisionTermEnds:
      regulation.termModel === 'awr'
        ? taxDecisionTermEnds(calendar, { receivedDate, objectionTermEnd: start }, { advisoryCommittee })
        : decisionTermEnds(calendar, start, { advisoryCommittee }),
    timely: isTimelyElectronic(receivedAt, objectionEnds),
  };
}

/** A case reference citizens can read out on the phone: RIV-2026-00042. */
export function caseReference(tenantSlug: string, year: number, sequence: number): string {
  const prefix = tenantSlug
    .replace(/[^a-z]/g, '')
    .slice(0, 3)
    .toUpperCase();
  return `${prefix}-${year}-${String(sequence).padStart(5, '0')}`;
}
