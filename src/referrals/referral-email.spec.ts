import { referralEmail, ReferralMailFacts, referralSnapshot } from './referral-email';

const partner = {
  code: 'schuldhulpverlening',
  name: 'Schuldhulpverlening Rivierstad',
  definition: {
    kind: 'debt_counselling' as const,
    description: 'De schuldhulpverleners zoeken samen met u naar een oplossing.',
    phone: '14 0123',
    email: 'schuldhulp@rivierstad.example',
    website: 'https://www.rivierstad.example/schuldhulp',
  },
};

const facts = (overrides: Partial<ReferralMailFacts> = {}): ReferralMailFacts => ({
  tenant: {
    name: 'Gemeente Rivierstad',
    contact: { phone: '14 0123', email: 'gemeente@rivierstad.example' },
  },
  reference: 'RIV-2026-00001',
  objector: { name: 'Bo de Vries', email: 'bo.devries@example.nl' },
  representative: null,
  referral: referralSnapshot(partner, '  Bel gerust, ook als uw bezwaar nog loopt.  '),
  ...overrides,
});

describe('referralSnapshot', () => {
  it('keeps the partner as sent, with the trimmed note, and leaves out what is missing', () => {
    expect(referralSnapshot(partner, ' Bel gerust. ')).toEqual({
      partnerCode: 'schuldhulpverlening',
      partnerName: 'Schuldhulpverlening Rivierstad',
      kind: 'debt_counselling',
      description: partner.definition.description,
      phone: '14 0123',
      email: 'schuldhulp@rivierstad.example',
      website: 'https://www.rivierstad.example/schuldhulp',
      note: 'Bel gerust.',
    });
    const bare = referralSnapshot(
      {
        code: 'loket',
        name: 'Het Juridisch Loket',
        definition: { kind: 'legal_aid', description: 'Advies.' },
      },
      '   ',
    );
    expect(bare).toEqual({
      partnerCode: 'loket',
      partnerName: 'Het Juridisch Loket',
      kind: 'legal_aid',
      description: 'Advies.',
    });
  });
});

describe('referralEmail', () => {
  it('tells the objector who the partner is, what they do, how to reach them, and that it is free and voluntary', () => {
    const mail = referralEmail(facts())!;
    expect(mail.to).toEqual(['bo.devries@example.nl']);
    expect(mail.subject).toContain('RIV-2026-00001');
    expect(mail.text).toContain('Beste Bo de Vries,');
    expect(mail.text).toContain('Schuldhulpverlening Rivierstad helpt mensen die schulden hebben');
    expect(mail.text).toContain(partner.definition.description);
    expect(mail.text).toContain('- Bellen: 14 0123');
    expect(mail.text).toContain('- Mailen: schuldhulp@rivierstad.example');
    expect(mail.text).toContain('- Website: https://www.rivierstad.example/schuldhulp');
    expect(mail.text).toContain('Bericht van de behandelaar:\nBel gerust, ook als uw bezwaar nog loopt.');
    expect(mail.text).toContain('De hulp is gratis.');
    expect(mail.text).toContain('U kiest zelf of u contact opneemt.');
    expect(mail.text).toContain('Het heeft geen gevolgen voor uw bezwaar.');
    expect(mail.text.trimEnd().endsWith('Gemeente Rivierstad')).toBe(true);
  });

  it('writes to the representative when they gave an e-mail address, and asks them to pass it on', () => {
    const mail = referralEmail(
      facts({ representative: { name: 'Mr. A. Jansen', email: 'jansen@advocaat.example' } }),
    )!;
    expect(mail.to).toEqual(['jansen@advocaat.example']);
    expect(mail.text).toContain('Beste Mr. A. Jansen,');
    expect(mail.text).toContain('U helpt Bo de Vries bij het bezwaar');
    expect(mail.text).toContain('Bo de Vries kiest zelf of er contact komt.');
  });

  it('writes to the objector when the representative has no e-mail address', () => {
    const mail = referralEmail(facts({ representative: { name: 'Buurman Piet' } }))!;
    expect(mail.to).toEqual(['bo.devries@example.nl']);
    expect(mail.text).toContain('Beste Bo de Vries,');
  });

  it('sends nothing when there is no address at all', () => {
    expect(referralEmail(facts({ objector: { name: 'Bo de Vries' } }))).toBeNull();
  });

  it('leaves out the contact block and the note when there are none', () => {
    const referral = referralSnapshot({
      code: 'x',
      name: 'Buurthuis',
      definition: { kind: 'other', description: 'Koffie en een luisterend oor.' },
    });
    const mail = referralEmail(facts({ referral }))!;
    expect(mail.text).not.toContain('Zo neemt u contact op');
    expect(mail.text).not.toContain('Bericht van de behandelaar');
    expect(mail.text).toContain('Buurthuis helpt inwoners van de gemeente.');
  });
});
