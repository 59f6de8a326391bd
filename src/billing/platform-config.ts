import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { isLocalDate, LocalDate } from '../deadlines/local-date';
import { planProblems, PlanTerms } from './licence-plan';
import { licenceProblems } from './licence-terms';

/** Where the platform's own configuration lives, beside `tenants/` and `templates/`. */
export const PLATFORM_CONFIG_FILE = 'config/platform.yaml';

/** The platform as the seller on every invoice. */
export interface Seller {
  name: string;
  address: { street: string; houseNumber: string; postalCode: string; city: string };
  email: string;
  phone: string;
  website: string;
  /** Kamer van Koophandel number (8 digits). */
  kvk: string;
  /** Btw-identificatienummer, e.g. NL123456789B01. */
  vatNumber: string;
  iban: string;
  paymentTermDays: number;
}

export interface SeededLicence {
  tenant: string;
  plan: string;
  startsOn: LocalDate;
  endsOn: LocalDate | null;
  discountBasisPoints: number;
  discountReason: string | null;
}

export interface PlatformConfig {
  seller: Seller;
  licenceStates: { graceAfterDays: number; suspendAfterDays: number; evaluateEveryMinutes: number };
  /** Added to the database when no plan with the code exists; the operator's changes are never overwritten. */
  plans: PlanTerms[];
  /** Given to a municipality that has no licence at all yet. */
  licences: SeededLicence[];
}

/** A platform.yaml that cannot be used: one line per problem, naming the file and the path inside it. */
export class PlatformConfigError extends Error {
  override name = 'PlatformConfigError';
}

const text = z.string().trim().min(1, 'may not be empty');
const date = z.string().refine(isLocalDate, 'must be a date as YYYY-MM-DD');
const cents = z.number().int('must be whole cents').min(0, 'may not be negative');

const schema = z.strictObject({
  seller: z.strictObject({
    name: text,
    address: z.strictObject({
      street: text,
      houseNumber: z.coerce.string().pipe(text),
      postalCode: z
        .string()
        .regex(/^[1-9][0-9]{3} ?[A-Z]{2}$/, 'must be a Dutch postal code such as 3511 AA'),
      city: text,
    }),
    email: z.email('must be an e-mail address'),
    phone: text,
    website: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
    kvk: z.coerce.string().regex(/^\d{8}$/, 'must be the 8 digits of a KvK number'),
    vatNumber: z
      .string()
      .regex(/^NL\d{9}B\d{2}$/, 'must be a Dutch VAT number (btw-id) such as NL123456789B01'),
    iban: z
      .string()
      .transform((value) => value.replace(/\s/g, '').toUpperCase())
      .refine(isValidIban, 'must be a valid IBAN (its check digits do not match)'),
    paymentTermDays: z.number().int().min(1).max(120),
  }),
  licenceStates: z
    .strictObject({
      graceAfterDays: z.number().int().min(0).max(365).default(14),
      suspendAfterDays: z.number().int().min(1).max(365).default(30),
      evaluateEveryMinutes: z.number().int().min(1).max(1440).default(60),
    })
    .prefault({}),
  plans: z
    .array(
      z.strictObject({
        code: z.string(),
        name: z.string(),
        implementationFeeCents: cents,
        bands: z.array(
          z.strictObject({ upToInhabitants: z.number().int().positive().nullable(), yearlyFeeCents: cents }),
        ),
        includedObjections: z.number().int().min(0),
        extraObjectionCents: cents,
      }),
    )
    .default([]),
  licences: z
    .array(
      z.strictObject({
        tenant: text,
        plan: text,
        startsOn: date,
        endsOn: date.optional(),
        discountBasisPoints: z.number().int().default(0),
        discountReason: z.string().optional(),
      }),
    )
    .default([]),
});

/** Reads and validates the platform's configuration; every problem is reported at once, with its place. */
export function loadPlatformConfig(file: string): PlatformConfig {
  const shown = relative(process.cwd(), file) || file;
  if (!existsSync(file))
    throw new PlatformConfigError(`${shown}: the platform configuration file is missing`);
  const document = parseDocument(readFileSync(file, 'utf8'), { prettyErrors: true });
  if (document.errors.length) {
    const [error] = document.errors;
    throw new PlatformConfigError(
      `${shown}: line ${error.linePos?.[0].line ?? '?'}: ${error.message.split('\n')[0]}`,
    );
  }
  const parsed = schema.safeParse(document.toJS());
  if (!parsed.success) {
    throw new PlatformConfigError(
      parsed.error.issues
        .map((i) => `${shown}: ${z.core.toDotPath(i.path) || '(root)'}: ${i.message}`)
        .join('\n'),
    );
  }
  const { seller, licenceStates, plans: rawPlans, licences: rawLicences } = parsed.data;
  const problems: string[] = [];
  const plans = rawPlans.map((p, index): PlanTerms => {
    const plan = {
      ...p,
      implementationFeeCents: BigInt(p.implementationFeeCents),
      extraObjectionCents: BigInt(p.extraObjectionCents),
      bands: p.bands.map((b) => ({
        upToInhabitants: b.upToInhabitants,
        yearlyFeeCents: BigInt(b.yearlyFeeCents),
      })),
    };
    for (const problem of planProblems(plan))
      problems.push(`plans[${index}].${problem.field}: ${problem.message}`);
    if (rawPlans.findIndex((other) => other.code === p.code) !== index) {
      problems.push(`plans[${index}].code: the code "${p.code}" is used twice`);
    }
    return plan;
  });
  const licences = rawLicences.map((l, index): SeededLicence => {
    const licence = {
      tenant: l.tenant,
      plan: l.plan,
      startsOn: l.startsOn as LocalDate,
      endsOn: (l.endsOn as LocalDate | undefined) ?? null,
      discountBasisPoints: l.discountBasisPoints,
      discountReason: l.discountReason?.trim() || null,
    };
    for (const problem of licenceProblems(licence)) {
      problems.push(`licences[${index}].${problem.field}: ${problem.message}`);
    }
    if (!plans.some((p) => p.code === l.plan)) {
      problems.push(`licences[${index}].plan: no plan "${l.plan}" in this file`);
    }
    return licence;
  });
  if (problems.length) throw new PlatformConfigError(problems.map((p) => `${shown}: ${p}`).join('\n'));
  return { seller, licenceStates, plans, licences };
}

/** ISO 13616: move the country and check digits to the end, letters to numbers, the remainder mod 97 is 1. */
export function isValidIban(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  return BigInt(digits) % 97n === 1n;
}
