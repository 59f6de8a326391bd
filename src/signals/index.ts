export { analyzeText, compileLexicons, LEXICON_VERSIONS } from './text-signals';
export type { ExtraTerms, SentimentLabel, TextSignals } from './text-signals';
export { extraTermsSchema } from './extra-terms.schema';
export type { ExtraTermsConfig } from './extra-terms.schema';
export { LIFE_DOMAIN_CODES, LIFE_DOMAIN_LABELS, SENTIMENT_LABELS } from './life-domain-code';
export type { LifeDomainCode } from './life-domain-code';
