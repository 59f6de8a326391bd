import { z } from 'zod';
import { LIFE_DOMAIN_CODES } from './life-domain-code';

/**
 * A tenant's own signal terms as written in tenant.yaml (`signals:`): phrases in the lexicon syntax of
 * phrase-matcher.ts (`word~`, `word*`, `*word`), each with a label or life-domain code and an optional weight.
 */

const SENTIMENT_LABELS = ['angry', 'distressed'] as const;

const phrase = z
  .string()
  .trim()
  .min(1, { message: 'a phrase may not be empty', abort: true })
  .max(100, 'a phrase is at most 100 characters')
  .refine((p) => /[\p{L}\p{N}]/u.test(p), 'a phrase needs at least one letter or digit');

/** 1 signals alone, below 1 only together with other cues (as in the built-in lexicons). */
const weight = z.number().positive('weight must be above 0').max(3, 'weight is at most 3').optional();

const sentimentTerm = z.strictObject({
  phrase,
  label: z.enum(SENTIMENT_LABELS, {
    error: (issue) => `unknown label ${JSON.stringify(issue.input)}; use ${SENTIMENT_LABELS.join(' or ')}`,
  }),
  weight,
});

const lifeDomainTerm = z.strictObject({
  phrase,
  code: z.enum(LIFE_DOMAIN_CODES, {
    error: (issue) =>
      `unknown life-domain code ${JSON.stringify(issue.input)}; use one of ${LIFE_DOMAIN_CODES.join(', ')}`,
  }),
  weight,
});

export const extraTermsSchema = z
  .strictObject({
    sentiment: z.array(sentimentTerm).default([]),
    lifeDomains: z.array(lifeDomainTerm).default([]),
  })
  .superRefine((terms, ctx) => {
    for (const list of ['sentiment', 'lifeDomains'] as const) {
      const seen = new Set<string>();
      terms[list].forEach((term, i) => {
        const key = term.phrase.toLowerCase();
        if (seen.has(key)) {
          ctx.addIssue({
            code: 'custom',
            path: [list, i, 'phrase'],
            message: `duplicate phrase "${term.phrase}"`,
          });
        }
        seen.add(key);
      });
    }
  });

/** Assignable to ExtraTerms, the analyser's input. */
export type ExtraTermsConfig = z.infer<typeof extraTermsSchema>;
