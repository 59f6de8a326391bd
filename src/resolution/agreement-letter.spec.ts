import type { Tenant } from '../tenancy/tenant.entity';
import { agreementEmail, agreementLetter, AgreementCase } from './agreement-letter';
import { AGREED_ROUTES, ROUTE_NEXT_STEPS, ROUTE_WORDS } from './informal-route';

const tenant = {
  slug: 'rivierstad',
  name: 'Gemeente Rivierstad',
  profile: { contact: { phone: '14 0123', email: 'bezwaar@rivierstad.example' } },
} as unknown as Tenant;

const bo: AgreementCase = {
  reference: 'RIV-2026-00042',
  decision: { reference: 'PW-2026-0042', date: '2026-11-20', description: 'Stopzetting bijstand' },
  objector: {
    name: 'Bo de Vries',
    email: 'bo@example.nl',
    address: { street: 'Dijkstraat', houseNumber: '12a', postalCode: '4101 ab', city: 'Rivierstad' },
  },
  representative: null,
  decisionTermEnds: '2027-01-15',
};

describe('agreementLetter', () => {
  const letter = (objection = bo, agreement: string | null = 'Wij zien af van de terugvordering.') =>
    agreementLetter({
      tenant,
      objection,
      conversation: {
        at: new Date('2026-12-02T23:30:00Z'),
        channel: 'phone',
        agreedRoute: 'correction',
        agreement: agreement ?? undefined,
      },
      handlerName: 'Jeroen Bakker',
      issuedAt: new Date('2026-12-03T09:00:00Z'),
    });

  it('fills every value the template uses, the dates written out in Dutch', () => {
    const request = letter();
    expect(request).toMatchObject({
      kind: 'informal_agreement',
      reference: 'RIV-2026-00042',
      addressee: ['Bo de Vries', 'Dijkstraat 12a', '4101 AB Rivierstad'],
      date: '2026-12-03',
    });
    expect(request.context).toEqual({
      addresseeName: 'Bo de Vries',
      reference: 'RIV-2026-00042',
      decisionLabel: 'Stopzetting bijstand, PW-2026-0042',
      // 23:30 UTC on 2 December is 3 December in the Netherlands.
      conversationDate: '3 december 2026',
      channelText: 'telefonisch',
      handlerName: 'Jeroen Bakker',
      agreedRoute: ROUTE_WORDS.correction,
      agreement: 'Wij zien af van de terugvordering.',
      nextSteps: ROUTE_NEXT_STEPS.correction,
      decisionTermEnds: '15 januari 2027',
      phone: '14 0123',
      email: 'bezwaar@rivierstad.example',
    });
  });

  it('goes to the representative, and leaves out what is unknown', () => {
    const request = letter(
      {
        ...bo,
        representative: { name: 'Mr. A. Jansen', organisation: 'Het Juridisch Loket' },
        decisionTermEnds: null,
      },
      null,
    );
    expect(request.addressee).toEqual(['Mr. A. Jansen', 'Het Juridisch Loket', 'namens Bo de Vries']);
    expect(request.context).toMatchObject({
      addresseeName: 'Mr. A. Jansen',
      agreement: '',
      decisionTermEnds: '',
    });
  });

  it('has Dutch words and next steps for every route', () => {
    for (const route of AGREED_ROUTES) {
      expect(ROUTE_WORDS[route]).toMatch(/^[A-Z]/);
      expect(ROUTE_NEXT_STEPS[route].length).toBeGreaterThan(40);
    }
  });
});

describe('agreementEmail', () => {
  const mail = (objection: AgreementCase, filedWithDigid = false) =>
    agreementEmail({ tenant, publicUrl: 'https://bezwaar.example', objection, filedWithDigid });

  it('tells the objector a letter is waiting and where, without the letter', () => {
    const email = mail(bo)!;
    expect(email.to).toEqual(['bo@example.nl']);
    expect(email.subject).toBe('Er staat een brief voor u klaar over uw bezwaar RIV-2026-00042');
    expect(email.text).toContain('Er staat een brief voor u klaar van Gemeente Rivierstad over uw bezwaar');
    expect(email.text).toContain('persoonlijke link uit de e-mail met de ontvangstbevestiging');
    expect(email.text).not.toContain('DigiD');
    expect(email.documentIds).toBeUndefined();
  });

  it('points a DigiD filer to Mijn bezwaren', () => {
    expect(mail(bo, true)!.text).toContain(
      'Log in met DigiD op https://bezwaar.example/rivierstad/mijn-bezwaren',
    );
  });

  it('writes to the representative with an e-mail address, else to the objector, else to nobody', () => {
    const represented = { ...bo, representative: { name: 'Raadslieden', email: 'raad@example.nl' } };
    expect(mail(represented, true)!.to).toEqual(['raad@example.nl']);
    expect(mail(represented, true)!.text).not.toContain('DigiD');
    expect(mail({ ...bo, representative: { name: 'Raadslieden' } })!.to).toEqual(['bo@example.nl']);
    expect(mail({ ...bo, objector: { name: 'Bo de Vries' } })).toBeNull();
  });
});
