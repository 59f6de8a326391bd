import { z } from 'zod';
import { validateDiagnosisTree } from '../diagnosis/diagnosis-tree';
import { diagnosisTreeSchema } from '../diagnosis/diagnosis-tree.schema';
import { extraTermsSchema } from '../signals/extra-terms.schema';

/** The shape of `tenants/<slug>/tenant.yaml`: one municipality, its regulations and partners. */

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lowercase letters, digits and hyphens');
const code = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'lowercase letters, digits, _ and -');
const postalCode = z.string().regex(/^[1-9][0-9]{3} ?[A-Z]{2}$/, 'a Dutch postal code such as 1234 AB');

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

const regulation = z.strictObject({
  code,
  name: z.string().min(1),
  law: z.string().min(1),
  description: z.string().min(1),
  /** awb: Awb 7:10 terms; awr: municipal taxes under the AWR (term from the document date, decided in the year). */
  termModel: z.enum(['awb', 'awr']),
  advisoryCommittee: z.boolean(),
  /** Where an appeal goes on after the rechtbank (social domain: CRvB; taxes: gerechtshof; else Raad van State). */
  appealRoute: z.enum(['general', 'social', 'tax']),
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

const points = z.number().min(0).max(10).multipleOf(0.5);
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
      primaryColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour such as #005A9C'),
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
    regulations: z.array(regulation).min(1),
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
      unique(
        r.argumentHints.map((h) => h.code),
        ['regulations', i, 'argumentHints'],
      );
      r.referralPartners.forEach((p, j) => {
        if (!partners.has(p)) {
          ctx.addIssue({
            code: 'custom',
            path: ['regulations', i, 'referralPartners', j],
            message: `unknown referral partner "${p}"`,
          });
        }
      });
      const problems = validateDiagnosisTree(r.diagnosis, {
        hintCodes: r.argumentHints.map((h) => h.code),
        partnerCodes: [...partners],
      });
      for (const problem of problems) {
        ctx.addIssue({
          code: 'custom',
          path: ['regulations', i, 'diagnosis', ...problem.path],
          message: problem.message,
        });
      }
    });
  });

export type TenantConfig = z.infer<typeof tenantConfigSchema>;
export type RegulationConfig = TenantConfig['regulations'][number];
export type ReferralPartnerConfig = TenantConfig['referralPartners'][number];
