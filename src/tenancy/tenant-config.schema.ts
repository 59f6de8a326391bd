import { z } from 'zod';
import type { FieldError } from '../common/problems/problem.error';
import {
  type TreePath,
  type TreeProblem,
  unknownPartner,
  validateDiagnosisTree,
} from '../diagnosis/diagnosis-tree';
import { diagnosisTreeSchema } from '../diagnosis/diagnosis-tree.schema';
import { extraTermsSchema } from '../signals/extra-terms.schema';

/** The shape of `tenants/<slug>/tenant.yaml`: one municipality, its regulations and partners. */

const slug = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{1,62}$/,
    'Gebruik 2 tot 63 kleine letters, cijfers en streepjes (begin niet met een streepje).',
  );
const code = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9_-]*$/,
    'Gebruik kleine letters, cijfers, _ en - (begin met een letter of cijfer).',
  );
const postalCode = z.string().regex(/^[1-9][0-9]{3} ?[A-Z]{2}$/, 'Vul een postcode in zoals 1234 AB.');

const address = z.strictObject({
  street: z.string().min(1),
  houseNumber: z.string().min(1),
  postalCode,
  city: z.string().min(1),
});

const argumentHint = z.strictObject({
  code,
  title: z.string().min(1),
  explanation: z.string().min(1),
  fitsWhen: z.string().min(1),
});

export const REFERRAL_KINDS = [
  'debt_counselling',
  'social_work',
  'budget_coach',
  'legal_aid',
  'social_counsellors',
  'other',
] as const;

const referralPartner = z.strictObject({
  code,
  name: z.string().min(1),
  kind: z.enum(REFERRAL_KINDS),
  description: z.string().min(1),
  phone: z.string().min(1).optional(),
  email: z.email().optional(),
  website: z.url().optional(),
});

export const regulationSchema = z.strictObject({
  code,
  name: z.string().min(1),
  law: z.string().min(1),
  description: z.string().min(1),
  /** awb: Awb 7:10 terms; awr: municipal taxes under the AWR (term from the document date, decided in the year). */
  termModel: z.enum(['awb', 'awr']),
  advisoryCommittee: z.boolean(),
  /** Where an appeal goes on after the rechtbank (social domain: CRvB; taxes: gerechtshof; else Raad van State). */
  appealRoute: z.enum(['general', 'social', 'tax']),
  /** Retention (Selectielijst 2020, process 13; see src/retention): derived from code, law and appealRoute if left out. */
  retention: z.enum(['default', 'financial', 'woz']).optional(),
  argumentHints: z.array(argumentHint).min(1),
  referralPartners: z.array(code).default([]),
  /** The citizens' question tree for this regulation (see src/diagnosis). */
  diagnosis: diagnosisTreeSchema,
});

/**
 * Costs of professional help reimbursed with a decision on an objection (Awb 7:15): a flat rate from the
 * Besluit proceskosten bestuursrecht, points (Bijlage, onderdeel A1: 1 for the objection, 1 for attending the
 * hearing) times the value of a point in the objection phase. The value of a point is indexed every
 * 1 January, so the amounts are configurable per tenant; the defaults are the 2025 rates and must be checked
 * against the Besluit each year.
 */
export const DEFAULT_COST_RATES = { pointValueCents: 64_700, objectionPoints: 1, hearingPoints: 1 } as const;

const points = z.number().min(0).max(10).multipleOf(0.5, 'Gebruik hele of halve punten, zoals 1 of 1,5.');
const costRates = z.strictObject({
  pointValueCents: z.number().int().min(0).max(1_000_000).default(DEFAULT_COST_RATES.pointValueCents),
  objectionPoints: points.default(DEFAULT_COST_RATES.objectionPoints),
  hearingPoints: points.default(DEFAULT_COST_RATES.hearingPoints),
});
export type CostRates = z.infer<typeof costRates>;

const demoStaff = z.strictObject({
  email: z.email(),
  name: z.string().min(1),
  roles: z.array(z.enum(['handler', 'tenant_admin'])).min(1),
});

export const tenantConfigSchema = z
  .strictObject({
    slug,
    name: z.string().min(1),
    inhabitants: z.number().int().positive(),
    governingBody: z.string().min(1),
    court: z.strictObject({ name: z.string().min(1), address }),
    contact: z.strictObject({
      phone: z.string().min(1),
      email: z.email(),
      website: z.url(),
      postalAddress: address,
      visitingAddress: address.optional(),
    }),
    branding: z.strictObject({
      primaryColor: z
        .string()
        .regex(/^#[0-9a-fA-F]{6}$/, 'Vul een kleur in als # met zes tekens, zoals #0B4F71.'),
      logo: z.string().optional(),
    }),
    settings: z
      .strictObject({
        atRiskWorkingDays: z.number().int().min(1).max(30).default(5),
        firstContactWorkingDays: z.number().int().min(1).max(30).default(5),
        costs: costRates.default(DEFAULT_COST_RATES),
      })
      .default({ atRiskWorkingDays: 5, firstContactWorkingDays: 5, costs: DEFAULT_COST_RATES }),
    referralPartners: z.array(referralPartner).default([]),
    /** Signal terms for this population (local names, dialect), added to the built-in lexicons. */
    signals: extraTermsSchema.optional(),
    regulations: z.array(regulationSchema).min(1),
    demoStaff: z.array(demoStaff).default([]),
  })
  .superRefine((tenant, ctx) => {
    const partners = new Set(tenant.referralPartners.map((p) => p.code));
    const unique = (codes: string[], path: (string | number)[]) =>
      codes.forEach((c, i) => {
        if (codes.indexOf(c) !== i)
          ctx.addIssue({ code: 'custom', path: [...path, i], message: `duplicate code "${c}"` });
      });
    unique(
      tenant.regulations.map((r) => r.code),
      ['regulations'],
    );
    unique(
      tenant.referralPartners.map((p) => p.code),
      ['referralPartners'],
    );
    tenant.regulations.forEach((r, i) => {
      for (const problem of regulationReferenceProblems(r, [...partners])) {
        ctx.addIssue({ code: 'custom', path: ['regulations', i, ...problem.path], message: problem.message });
      }
    });
  });

export type TenantConfig = z.infer<typeof tenantConfigSchema>;
export type RegulationConfig = TenantConfig['regulations'][number];
export type ReferralPartnerConfig = TenantConfig['referralPartners'][number];

/**
 * Everything wrong with one regulation (as in tenant.yaml, or as an admin saves it), in Dutch, with its path
 * inside the regulation (`diagnosis.questions.2.next.1.goto`): the shape first; once that is right, whether
 * its parts hang together (unique hint codes, known partners, a usable diagnosis tree). Empty: it can be saved.
 */
export function regulationProblems(input: unknown, partnerCodes: readonly string[]): FieldError[] {
  const parsed = regulationSchema.safeParse(input, { error: dutchIssueMessage });
  const problems: TreeProblem[] = parsed.success
    ? regulationReferenceProblems(parsed.data, partnerCodes)
    : parsed.error.issues.map((issue) => ({ path: issue.path as TreePath, message: issue.message }));
  return problems.map(({ path, message }) => ({ field: path.join('.'), message }));
}

/** The checks across a structurally valid regulation's parts, and against the municipality's partners. */
function regulationReferenceProblems(
  regulation: RegulationConfig,
  partnerCodes: readonly string[],
): TreeProblem[] {
  const problems: TreeProblem[] = [];
  const hintCodes = regulation.argumentHints.map((h) => h.code);
  hintCodes.forEach((c, i) => {
    if (hintCodes.indexOf(c) !== i) {
      problems.push({
        path: ['argumentHints', i, 'code'],
        message: `De code "${c}" komt twee keer voor bij de argumenten: geef elk argument een eigen code.`,
      });
    }
  });
  regulation.referralPartners.forEach((p, j) => {
    if (!partnerCodes.includes(p)) {
      problems.push({ path: ['referralPartners', j], message: unknownPartner(p, partnerCodes) });
    }
  });
  for (const problem of validateDiagnosisTree(regulation.diagnosis, { hintCodes, partnerCodes })) {
    problems.push({ path: ['diagnosis', ...problem.path], message: problem.message });
  }
  return problems;
}

const DUTCH_TYPES: Record<string, string> = {
  string: 'tekst',
  number: 'een getal',
  boolean: 'true (ja) of false (nee)',
  array: 'een lijst',
  object: 'een groep velden',
  record: 'een groep velden',
};

/**
 * Zod's structure errors in words an admin understands (messages set in the schema itself go first): the one
 * wording of every form and file a municipality's configuration is checked in.
 */
export function dutchIssueMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'Dit ontbreekt: vul het in.';
      if (issue.expected === 'number') return 'Vul een getal in.';
      return `Dit moet ${DUTCH_TYPES[issue.expected] ?? issue.expected} zijn.`;
    case 'not_multiple_of':
      return `Gebruik een veelvoud van ${String(issue.divisor).replace('.', ',')}.`;
    case 'invalid_value':
      return `Kies een van: ${issue.values.map(String).join(', ')}.`;
    case 'too_small':
      return issue.origin === 'string'
        ? 'Vul dit in.'
        : issue.origin === 'array'
          ? `Geef er minstens ${Number(issue.minimum)}.`
          : `Dit moet minstens ${Number(issue.minimum).toLocaleString('nl-NL')} zijn.`;
    case 'too_big':
      return issue.origin === 'string'
        ? `Dit is te lang: hoogstens ${Number(issue.maximum)} tekens.`
        : `Dit mag hoogstens ${Number(issue.maximum).toLocaleString('nl-NL')} zijn.`;
    case 'unrecognized_keys':
      return `Onbekend veld ${issue.keys.map((k) => `"${k}"`).join(', ')}: controleer de spelling of laat het weg.`;
    case 'invalid_format':
      return issue.format === 'email'
        ? 'Vul een geldig e-mailadres in, zoals bezwaar@gemeente.nl.'
        : issue.format === 'url'
          ? 'Vul een volledig webadres in, dat begint met https://.'
          : 'Dit heeft niet de goede vorm.';
    default:
      return 'Deze waarde klopt niet.';
  }
}
