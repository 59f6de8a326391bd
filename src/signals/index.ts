export { analyzeText, compileLexicons, LEXICON_VERSIONS } from './text-signals';
export type { ExtraTerms, SentimentLabel, TextSignals } from './text-signals';
export { LIFE_DOMAIN_CODES } from './life-domain-code';
export type { LifeDomainCode } from './life-domain-code';
