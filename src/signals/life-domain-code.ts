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
