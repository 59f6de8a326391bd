import { citizenMessageEmail, handlerMessageEmail } from './message-notification';

const tenant = {
  slug: 'rivierstad',
  name: 'Gemeente Rivierstad',
  profile: { contact: { phone: '14 0123', email: 'gemeente@rivierstad.example' } },
};
const base = {
  tenant,
  publicUrl: 'https://bezwaar.example',
  reference: 'RIV-2026-00042',
  objector: { name: 'Bo de Vries', email: 'bo@example.nl' },
  representative: null,
  filedWithDigid: false,
};

describe('citizenMessageEmail', () => {
  it('tells the objector a message waits, where to read it, and not what it says', () => {
    const mail = citizenMessageEmail(base)!;
    expect(mail.to).toEqual(['bo@example.nl']);
    expect(mail.subject).toBe('U heeft een nieuw bericht over uw bezwaar RIV-2026-00042');
    expect(mail.text).toContain('Beste Bo de Vries,');
    expect(mail.text).toContain('persoonlijke link uit de e-mail met de ontvangstbevestiging');
    expect(mail.text).toContain('staat het bericht zelf niet in deze e-mail');
    expect(mail.text).not.toContain('mijn-bezwaren');
    expect(mail.text).not.toMatch(/\/zaak\//);
    expect(mail.documentIds).toBeUndefined();
  });

  it('points a DigiD filer to "Mijn bezwaren"', () => {
    const mail = citizenMessageEmail({ ...base, filedWithDigid: true })!;
    expect(mail.text).toContain('Log in met DigiD op https://bezwaar.example/rivierstad/mijn-bezwaren');
  });

  it('writes to the representative when there is one with an e-mail address, never to both', () => {
    const representative = { name: 'Sociaal Raadslieden', email: 'raad@example.nl' };
    const mail = citizenMessageEmail({ ...base, representative, filedWithDigid: true })!;
    expect(mail.to).toEqual(['raad@example.nl']);
    expect(mail.cc).toBeUndefined();
    expect(mail.text).toContain('Beste Sociaal Raadslieden,');
    // The representative cannot log in as the citizen.
    expect(mail.text).not.toContain('DigiD');
    const withoutEmail = citizenMessageEmail({ ...base, representative: { name: 'Oom Piet' } })!;
    expect(withoutEmail.to).toEqual(['bo@example.nl']);
  });

  it('sends nothing when nobody gave an e-mail address', () => {
    expect(citizenMessageEmail({ ...base, objector: { name: 'Bo' } })).toBeNull();
  });
});

describe('handlerMessageEmail', () => {
  it('tells the handler a reply waits, without the text', () => {
    const mail = handlerMessageEmail({
      tenant,
      reference: 'RIV-2026-00042',
      handler: { name: 'Jeroen Bakker', email: 'behandelaar@rivierstad.example' },
      caseUrl: 'https://bezwaar.example/rivierstad/behandelaar/zaken/RIV-2026-00042',
    });
    expect(mail.to).toEqual(['behandelaar@rivierstad.example']);
    expect(mail.subject).toBe('Nieuw bericht bij bezwaar RIV-2026-00042');
    expect(mail.text).toContain('Beste Jeroen Bakker,');
    expect(mail.text).toContain('Het bericht staat niet in deze e-mail.');
    expect(mail.text).toContain('https://bezwaar.example/rivierstad/behandelaar/zaken/RIV-2026-00042');
  });
});
