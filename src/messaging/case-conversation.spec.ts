import {
  caseMessages,
  citizenText,
  MAX_MESSAGE_LENGTH,
  messageBodyError,
  normalizeMessage,
  sentReferrals,
} from './case-conversation';

describe('message bodies', () => {
  it('normalises line breaks and trims, and says in Dutch what is wrong', () => {
    expect(normalizeMessage('  Hallo\r\nwereld\r\n\r\n')).toBe('Hallo\nwereld');
    expect(messageBodyError('Hallo')).toBeNull();
    expect(messageBodyError(' \n\t ')).toBe('Typ eerst uw bericht.');
    expect(messageBodyError('x'.repeat(MAX_MESSAGE_LENGTH))).toBeNull();
    expect(messageBodyError('x'.repeat(MAX_MESSAGE_LENGTH + 1))).toBe(
      'Uw bericht is 5.001 tekens lang. Maak het korter: hoogstens 5.000 tekens.',
    );
  });
});

describe('the conversation read from the timeline', () => {
  const at = new Date('2026-11-21T08:00:00Z');
  const events = [
    { kind: 'filed', at, data: {} },
    { kind: 'message_to_citizen', at, data: { body: 'Ik bel u morgen.' } },
    { kind: 'message_from_citizen', at, data: { body: 'Graag na 10 uur.' } },
    { kind: 'message_from_citizen', at, data: {} },
    {
      kind: 'referral_sent',
      at,
      data: {
        partnerCode: 'juridisch_loket',
        partnerName: 'Het Juridisch Loket',
        kind: 'legal_aid',
        description: 'Advies.',
      },
    },
    { kind: 'referral_sent', at, data: { partnerCode: 'x' } },
  ];

  it('keeps both directions in order and skips entries without text', () => {
    expect(caseMessages(events)).toEqual([
      { at, from: 'municipality', body: 'Ik bel u morgen.' },
      { at, from: 'citizen', body: 'Graag na 10 uur.' },
    ]);
  });

  it('reads each referral snapshot, absent contact details as null', () => {
    expect(sentReferrals(events)).toEqual([
      {
        at,
        partnerCode: 'juridisch_loket',
        name: 'Het Juridisch Loket',
        kind: 'legal_aid',
        description: 'Advies.',
        phone: null,
        email: null,
        website: null,
        note: null,
      },
    ]);
  });

  it('analyses the grounds and then every citizen message', () => {
    expect(citizenText('Ik ben het oneens.', ['Ik heb schulden.', 'Help.'])).toBe(
      'Ik ben het oneens.\n\nIk heb schulden.\n\nHelp.',
    );
    expect(citizenText(undefined, ['Alleen dit.'])).toBe('Alleen dit.');
  });
});
