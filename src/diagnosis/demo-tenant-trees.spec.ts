import { join } from 'node:path';
import type { LocalDate } from '../deadlines/local-date';
import { loadTenantConfigs } from '../tenancy/tenant-config.loader';
import type { RegulationConfig, TenantConfig } from '../tenancy/tenant-config.schema';
import { type DiagnosisAnswers, evaluateDiagnosis } from './diagnosis-tree';
import { fillOutcomeText } from './outcome-text';

/** The demo trees in tenants/*: every outcome must be reachable by real answers, not only on paper. */

const TODAY = '2026-11-20' as LocalDate;
const TIMELY = '2026-11-10';
const LATE = '2026-09-01';
const tenants = loadTenantConfigs(join(__dirname, '..', '..', 'tenants'));

interface Walked {
  outcomes: Map<string, DiagnosisAnswers>;
  longestPath: number;
}

/** Tries every option of every question (and a timely and a late date) from the start. */
function walkAll(regulation: RegulationConfig): Walked {
  const walked: Walked = { outcomes: new Map(), longestPath: 0 };
  const visit = (answers: Record<string, string>) => {
    const step = evaluateDiagnosis(regulation.diagnosis, answers, { today: TODAY });
    if (step.status === 'outcome') {
      if (!walked.outcomes.has(step.outcome.id)) walked.outcomes.set(step.outcome.id, answers);
      walked.longestPath = Math.max(walked.longestPath, step.answered);
      return;
    }
    const { id, type, options } = step.question;
    const values = type === 'date' ? [TIMELY, LATE] : options!.map((o) => o.value);
    for (const value of values) visit({ ...answers, [id]: value });
  };
  visit({});
  return walked;
}

const cases = tenants.flatMap((tenant) =>
  tenant.regulations.map((r) => [tenant.slug, r.code, tenant, r] as const),
);

describe.each(cases)('%s / %s', (_slug, _code, tenant: TenantConfig, regulation: RegulationConfig) => {
  const walked = walkAll(regulation);

  it('reaches every outcome with some answers', () => {
    expect([...walked.outcomes.keys()].sort()).toEqual(regulation.diagnosis.outcomes.map((o) => o.id).sort());
  });

  it('asks a handful of questions at most (one per page)', () => {
    expect(walked.longestPath).toBeLessThanOrEqual(7);
  });

  it('offers objecting and late objecting, with hints on every object outcome', () => {
    const kinds = new Set(regulation.diagnosis.outcomes.map((o) => o.kind));
    expect(kinds).toContain('object');
    expect(kinds).toContain('object_late');
    for (const outcome of regulation.diagnosis.outcomes.filter((o) => o.kind === 'object')) {
      expect(outcome.hints.length).toBeGreaterThan(0);
    }
  });

  it('leaves no placeholder unfilled in the outcomes reached', () => {
    for (const [id, answers] of walked.outcomes) {
      const step = evaluateDiagnosis(regulation.diagnosis, answers, { today: TODAY });
      if (step.status !== 'outcome') throw new Error(`no outcome for ${id}`);
      expect(fillOutcomeText(step.outcome.text, step.facts)).not.toMatch(/\{\{/);
      expect(fillOutcomeText(step.outcome.title, step.facts)).not.toMatch(/\{\{/);
    }
  });

  it('uses only referral partners of this tenant', () => {
    const partners = tenant.referralPartners.map((p) => p.code);
    for (const outcome of regulation.diagnosis.outcomes) {
      for (const code of outcome.referrals) expect(partners).toContain(code);
    }
  });
});

describe.each(tenants.map((t) => [t.slug, t] as const))(
  "Bo's journey in %s",
  (_slug, tenant: TenantConfig) => {
    it('stop and reclaim of social assistance, money worries: object with hints and debt counselling', () => {
      const regulation = tenant.regulations.find((r) => r.code === 'participatiewet')!;
      const step = evaluateDiagnosis(
        regulation.diagnosis,
        {
          hasDecision: 'yes',
          subject: 'stopAndReclaim',
          decisionDate: TIMELY,
          talkFirst: 'no',
          moneyWorries: 'yes',
        },
        { today: TODAY },
      );
      if (step.status !== 'outcome') throw new Error('expected an outcome');
      expect(step.outcome.kind).toBe('object');
      expect(step.outcome.hints).toEqual(
        expect.arrayContaining(['hoogte_terugvordering_onjuist', 'dringende_redenen_afzien_terugvordering']),
      );
      const kinds = step.outcome.referrals.map(
        (code) => tenant.referralPartners.find((p) => p.code === code)?.kind,
      );
      expect(kinds).toContain('debt_counselling');
      expect(step.facts).toEqual({ objectionTermEnds: '2026-12-22', daysLeft: 32, late: false });
    });
  },
);

describe('rivierstad', () => {
  it('uses every kind of outcome somewhere', () => {
    const rivierstad = tenants.find((t) => t.slug === 'rivierstad')!;
    const kinds = new Set(rivierstad.regulations.flatMap((r) => r.diagnosis.outcomes.map((o) => o.kind)));
    expect([...kinds].sort()).toEqual(
      ['direct_appeal', 'help_first', 'informal_contact', 'not_a_decision', 'object', 'object_late'].sort(),
    );
  });
});
