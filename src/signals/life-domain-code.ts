/** Life domains after the Zelfredzaamheid-Matrix, grouped as in DESIGN.md ("Signal vocabulary"). */
export const LIFE_DOMAIN_CODES = [
  'finances',
  'housing',
  'work_income',
  'physical_health',
  'mental_health',
  'addiction',
  'family',
  'social_network',
  'justice',
] as const;

export type LifeDomainCode = (typeof LIFE_DOMAIN_CODES)[number];

/** As a handler reads them. */
export const LIFE_DOMAIN_LABELS: Record<LifeDomainCode, string> = {
  finances: 'financiën',
  housing: 'huisvesting',
  work_income: 'werk en inkomen',
  physical_health: 'lichamelijke gezondheid',
  mental_health: 'psychische gezondheid',
  addiction: 'verslaving',
  family: 'gezin',
  social_network: 'sociaal netwerk',
  justice: 'justitie',
};

export const SENTIMENT_LABELS = { angry: 'boos', distressed: 'in nood', neutral: 'neutraal' } as const;
