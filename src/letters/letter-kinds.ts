import Handlebars from 'handlebars';

/** Every letter the platform sends; each has a template `templates/letters/<kind>.hbs`. */
export const LETTER_KINDS = [
  'receipt',
  'repair_request',
  'hearing_invitation',
  'hearing_report',
  'extension',
  'informal_agreement',
  'decision',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/**
 * The values a template of each kind must show: without them the letter is not what the law asks of it (the
 * receipt's terms, 6:14; the repair term, 6:6; the 7:4 dates of a hearing; the new term of a verdaging, 7:10;
 * the outcome, reasons, hearing or its 7:3 ground and the appeal clause of a decision, 7:12 and 6:23).
 * A default or tenant template that does not use one of these fails validation.
 */
export const REQUIRED_PARTS: Record<LetterKind, readonly string[]> = {
  receipt: ['reference', 'objectionTermEnds', 'decisionTermEnds'],
  repair_request: ['reference', 'missing', 'repairTermEnds'],
  hearing_invitation: [
    'reference',
    'hearingDate',
    'hearingTime',
    'location',
    'documentsUntil',
    'fileOpenFrom',
  ],
  hearing_report: ['reference', 'hearingDate', 'hearer', 'report'],
  extension: ['reference', 'previousDecisionTermEnds', 'newDecisionTermEnds', 'reason'],
  informal_agreement: ['reference', 'agreedRoute', 'agreement'],
  decision: [
    'reference',
    'outcomeText',
    'reasoning',
    'hearingText',
    'appealWho',
    'appealCourt',
    'appealTermEnds',
    'appealHow',
  ],
};

/** The value names a template refers to, at any depth of its blocks (`{{#if x}}`, `{{#each x}}` included). */
export function referencedNames(source: string): Set<string> {
  const names = new Set<string>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; original?: string; parts?: string[] };
    if (n.type === 'PathExpression' && n.parts?.length) names.add(n.parts[0]);
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') visit(value);
    }
  };
  visit(Handlebars.parse(source));
  return names;
}

/** The required parts a template of this kind leaves out; empty when it is complete. */
export function missingParts(kind: LetterKind, source: string): string[] {
  const used = referencedNames(source);
  return REQUIRED_PARTS[kind].filter((part) => !used.has(part));
}
