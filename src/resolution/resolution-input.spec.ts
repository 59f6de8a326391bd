import { FieldError, ProblemError } from '../common/problems/problem.error';
import {
  CLOCK_SKEW_MS,
  parseContactInput,
  parseConversationInput,
  parseCorrectionInput,
  parseWithdrawalInput,
} from './resolution-input';

const NOW = new Date('2026-12-03T14:00:00Z');

function errorsOf(parse: () => unknown): FieldError[] {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).status).toBe(400);
    return (error as ProblemError).errors ?? [];
  }
  throw new Error('expected the input to be refused');
}
const fields = (parse: () => unknown) => errorsOf(parse).map((e) => e.field);

describe('parseContactInput', () => {
  it('reads a contact, at now by default, without a blank note', () => {
    expect(parseContactInput({ channel: 'phone', reached: false, note: '  ' }, NOW)).toEqual({
      at: NOW,
      channel: 'phone',
      reached: false,
    });
  });

  it('takes form fields: strings for the moment (time in the Netherlands) and for reached', () => {
    expect(
      parseContactInput(
        { at: '2026-12-03T10:30', channel: 'visit', reached: 'true', note: ' Thuis \r\n bezocht ' },
        NOW,
      ),
    ).toEqual({
      at: new Date('2026-12-03T09:30:00Z'),
      channel: 'visit',
      reached: true,
      note: 'Thuis \n bezocht',
    });
  });

  it('refuses a moment in the future, allowing for a clock that is a little ahead', () => {
    const slightlyAhead = new Date(NOW.getTime() + CLOCK_SKEW_MS);
    expect(
      parseContactInput({ at: slightlyAhead.toISOString(), channel: 'phone', reached: true }, NOW).at,
    ).toEqual(slightlyAhead);
    const tomorrow = new Date(NOW.getTime() + 86_400_000).toISOString();
    expect(errorsOf(() => parseContactInput({ at: tomorrow, channel: 'phone', reached: true }, NOW))).toEqual(
      [{ field: 'at', message: 'Dit moment ligt in de toekomst. Vul in wanneer het contact was.' }],
    );
  });

  it('reports every bad field at once, in Dutch', () => {
    const errors = errorsOf(() =>
      parseContactInput({ at: 'gisteren', channel: 'fax', reached: 'ja', note: 'x'.repeat(2001) }, NOW),
    );
    expect(errors.map((e) => e.field)).toEqual(['at', 'channel', 'reached', 'note']);
    expect(errors[0].message).toContain('2026-12-03T10:30');
    expect(errors[1].message).toContain('phone (telefoon)');
    expect(errors[2].message).toContain('true (ja) of false (nee)');
    expect(errors[3].message).toBe('De notitie is te lang (hoogstens 2000 tekens).');
    expect(fields(() => parseContactInput({}, NOW))).toEqual(['channel', 'reached']);
    expect(fields(() => parseContactInput({ channel: 'phone', reached: true, note: 42 }, NOW))).toEqual([
      'note',
    ]);
  });
});

describe('parseConversationInput', () => {
  const valid = {
    channel: 'phone',
    notes: 'Mevrouw legt uit dat zij het geld niet heeft.',
    agreedRoute: 'correction',
    agreement: 'Wij zien af van de terugvordering.',
  };

  it('confirms by default and keeps only what was given', () => {
    expect(parseConversationInput(valid, NOW)).toEqual({ ...valid, at: NOW, confirm: true });
    expect(parseConversationInput({ ...valid, confirm: false, realIssue: 'Schulden' }, NOW)).toMatchObject({
      confirm: false,
      realIssue: 'Schulden',
    });
    expect(parseConversationInput({ ...valid, confirm: 'false' }, NOW).confirm).toBe(false);
  });

  it('needs an agreement for every route but the formal procedure', () => {
    const { agreement: _none, ...withoutAgreement } = valid;
    for (const agreedRoute of ['explanation', 'correction', 'referral', 'withdrawal']) {
      expect(errorsOf(() => parseConversationInput({ ...withoutAgreement, agreedRoute }, NOW))).toEqual([
        {
          field: 'agreement',
          message:
            'Schrijf op wat u met de indiener heeft afgesproken. Dit komt in de brief die de indiener krijgt.',
        },
      ]);
    }
    expect(
      parseConversationInput({ ...withoutAgreement, agreedRoute: 'formal_procedure', agreement: ' ' }, NOW),
    ).not.toHaveProperty('agreement');
  });

  it('refuses missing notes, an unknown route and a confirm that is no yes or no', () => {
    expect(fields(() => parseConversationInput({ ...valid, notes: '  ' }, NOW))).toEqual(['notes']);
    expect(fields(() => parseConversationInput({ ...valid, agreedRoute: 'bellen' }, NOW))).toEqual([
      'agreedRoute',
    ]);
    expect(fields(() => parseConversationInput({ ...valid, confirm: 'misschien' }, NOW))).toEqual([
      'confirm',
    ]);
    expect(fields(() => parseConversationInput({ ...valid, agreement: 'x'.repeat(5001) }, NOW))).toEqual([
      'agreement',
    ]);
    expect(fields(() => parseConversationInput({}, NOW))).toEqual([
      'channel',
      'notes',
      'agreedRoute',
      'agreement',
    ]);
  });
});

describe('parseWithdrawalInput', () => {
  it('reads a written withdrawal, with or without a note', () => {
    expect(parseWithdrawalInput({ how: 'written' })).toEqual({ how: 'written' });
    expect(parseWithdrawalInput({ how: 'written', note: 'Brief van 2 december' })).toEqual({
      how: 'written',
      note: 'Brief van 2 december',
    });
  });

  it('needs a note saying how the objector confirmed it', () => {
    const [error] = errorsOf(() => parseWithdrawalInput({ how: 'confirmed_by_objector', note: ' ' }));
    expect(error.field).toBe('note');
    expect(error.message).toContain('hoe de indiener het intrekken heeft bevestigd');
    expect(parseWithdrawalInput({ how: 'confirmed_by_objector', note: 'Per e-mail bevestigd' })).toEqual({
      how: 'confirmed_by_objector',
      note: 'Per e-mail bevestigd',
    });
  });

  it('refuses an unknown way', () => {
    expect(errorsOf(() => parseWithdrawalInput({ how: 'telefonisch' }))).toEqual([
      {
        field: 'how',
        message:
          'Kies hoe het bezwaar is ingetrokken: written (schriftelijk) of confirmed_by_objector (bevestigd door de indiener).',
      },
    ]);
  });
});

describe('parseCorrectionInput', () => {
  it('reads the new reference on one line', () => {
    expect(parseCorrectionInput({ newDecisionReference: ' PW-2026-0042\n-C ', note: 'Herzien' })).toEqual({
      newDecisionReference: 'PW-2026-0042 -C',
      note: 'Herzien',
    });
  });

  it('refuses a missing or too long reference', () => {
    expect(errorsOf(() => parseCorrectionInput({}))).toEqual([
      { field: 'newDecisionReference', message: 'Vul het kenmerk van het nieuwe (aangepaste) besluit in.' },
    ]);
    expect(fields(() => parseCorrectionInput({ newDecisionReference: 'x'.repeat(101) }))).toEqual([
      'newDecisionReference',
    ]);
  });
});
