/**
 * The words of the informal approach (domain-nl §5): how a handler reached the objector, the route they agreed,
 * and how an objection was withdrawn. The codes are those of the timeline events; the Dutch is for letters.
 */

export const CONTACT_CHANNELS = ['phone', 'email', 'visit', 'video'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const AGREED_ROUTES = [
  'explanation',
  'correction',
  'referral',
  'withdrawal',
  'formal_procedure',
] as const;
export type AgreedRoute = (typeof AGREED_ROUTES)[number];

export const WITHDRAWAL_WAYS = ['written', 'confirmed_by_objector'] as const;
export type WithdrawalWay = (typeof WITHDRAWAL_WAYS)[number];

/** closed_reason of a case closed because the contested decision was corrected. */
export const RESOLVED_INFORMALLY = 'resolved_informally';

/** How the conversation took place, as a letter says it ("Gesprek: 3 december 2026, telefonisch"). */
export const CHANNEL_WORDS: Record<ContactChannel, string> = {
  phone: 'telefonisch',
  email: 'per e-mail',
  visit: 'bij een bezoek',
  video: 'via een videogesprek',
};

/** The agreed route in the objector's words. */
export const ROUTE_WORDS: Record<AgreedRoute, string> = {
  explanation: 'Uitleg over het besluit',
  correction: 'Aanpassing van het besluit',
  referral: 'Verwijzing naar hulp',
  withdrawal: 'Intrekking van uw bezwaar',
  formal_procedure: 'Verdere behandeling in de formele bezwaarprocedure',
};

/**
 * What happens after each route. The objection stands until it is withdrawn or decided, so every route but the
 * formal procedure says how the objector ends it, and what happens when they do not.
 */
export const ROUTE_NEXT_STEPS: Record<AgreedRoute, string> = {
  explanation:
    'U heeft van ons uitleg gekregen over het besluit. Bent u daarmee tevreden? Dan kunt u uw bezwaar intrekken. ' +
    'Doet u dat niet, dan beslissen wij over uw bezwaar.',
  correction:
    'Wij passen het besluit aan. U krijgt van ons een nieuw besluit. Daarna sluiten wij uw bezwaar af. ' +
    'Bent u het niet eens met het nieuwe besluit? Laat het ons dan weten.',
  referral:
    'Wij verwijzen u naar hulp, zoals hierboven staat. Uw bezwaar behandelen wij intussen verder. ' +
    'Is uw bezwaar hiermee opgelost? Dan kunt u het intrekken.',
  withdrawal:
    'U heeft gezegd dat u uw bezwaar wilt intrekken. Dat is pas definitief als u het schriftelijk intrekt, ' +
    'bijvoorbeeld met een brief of een e-mail aan ons, of als u het intrekken aan ons bevestigt. ' +
    'Tot die tijd behandelen wij uw bezwaar verder.',
  formal_procedure:
    'Wij behandelen uw bezwaar verder in de formele procedure. Meestal nodigen wij u uit voor een hoorzitting. ' +
    'Daar kunt u uw bezwaar toelichten. Daarna beslissen wij over uw bezwaar.',
};
