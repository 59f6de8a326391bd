import { loadTenantConfigs } from './tenant-config.loader';
import { formatContrast, parseTenantSettings, primaryColorProblem } from './tenant-settings.schema';
import { settingsOf } from './tenant-settings.service';
import { join } from 'node:path';

const [heuveldorp, rivierstad] = loadTenantConfigs(join(__dirname, '..', '..', 'tenants'));

/** The editable part of a demo municipality, as its admin would send it. */
function settings(overrides: (s: Record<string, any>) => void = () => undefined) {
  const s = JSON.parse(
    JSON.stringify(
      settingsOf({
        name: rivierstad.name,
        profile: {
          inhabitants: rivierstad.inhabitants,
          governingBody: rivierstad.governingBody,
          court: rivierstad.court,
          contact: rivierstad.contact,
          branding: rivierstad.branding,
          settings: rivierstad.settings,
        },
      }),
    ),
  ) as Record<string, any>;
  overrides(s);
  return s;
}

describe('tenant settings', () => {
  it('accept what the demo municipalities have', () => {
    expect(parseTenantSettings(settings())).toEqual(settings());
    expect(Array.isArray(parseTenantSettings({ ...settings(), name: heuveldorp.name }))).toBe(false);
  });

  it('refuse a colour too light for text on white, naming its ratio and the norm', () => {
    const ratio = formatContrast(2.8);
    expect(ratio).toBe('2,8:1');
    expect(primaryColorProblem('#0B4F71')).toBeUndefined();
    expect(primaryColorProblem('#F0A500')).toBe(
      'Deze kleur is te licht voor tekst op wit: het contrast is 2,08:1, en dat moet minstens 4,5:1 zijn (WCAG 2.1). De naam van de gemeente staat in deze kleur bovenaan elke brief. Kies een donkerdere kleur.',
    );
    expect(parseTenantSettings(settings((s) => (s.branding.primaryColor = '#F0A500')))).toEqual([
      { field: 'branding.primaryColor', message: expect.stringContaining('het contrast is 2,08:1') },
    ]);
  });

  it('round a ratio down, so that one just under the norm never reads as meeting it', () => {
    // #777777 on white is 4.478…:1.
    expect(primaryColorProblem('#777777')).toContain('het contrast is 4,47:1');
    expect(primaryColorProblem('#767676')).toBeUndefined();
  });

  it('say in Dutch what is wrong with each field, by its path', () => {
    const problems = parseTenantSettings(
      settings((s) => {
        s.name = '';
        s.contact.email = 'geen-adres';
        s.contact.website = 'rivierstad.nl';
        s.contact.postalAddress.postalCode = '4101';
        s.branding.primaryColor = 'blauw';
        s.settings.atRiskWorkingDays = 31;
        s.settings.firstContactWorkingDays = 'vijf';
        s.settings.costs.objectionPoints = 1.25;
        s.branding.logo = 'x';
        s.inhabitants = 1000;
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'name', message: 'Vul dit in.' },
        { field: 'contact.email', message: 'Vul een geldig e-mailadres in, zoals bezwaar@gemeente.nl.' },
        { field: 'contact.website', message: 'Vul een volledig webadres in, dat begint met https://.' },
        { field: 'contact.postalAddress.postalCode', message: 'Vul een postcode in zoals 1234 AB.' },
        { field: 'branding.primaryColor', message: 'Vul een kleur in als # met zes tekens, zoals #0B4F71.' },
        { field: 'settings.atRiskWorkingDays', message: 'Dit mag hoogstens 30 zijn.' },
        { field: 'settings.firstContactWorkingDays', message: 'Vul een getal in.' },
        { field: 'settings.costs.objectionPoints', message: 'Gebruik hele of halve punten, zoals 1 of 1,5.' },
        { field: 'branding', message: 'Onbekend veld "logo": controleer de spelling of laat het weg.' },
        { field: '', message: 'Onbekend veld "inhabitants": controleer de spelling of laat het weg.' },
      ]),
    );
  });

  it('keep a visiting address optional, but complete when given', () => {
    expect(Array.isArray(parseTenantSettings(settings((s) => delete s.contact.visitingAddress)))).toBe(false);
    const partial = parseTenantSettings(
      settings(
        (s) => (s.contact.visitingAddress = { street: 'Markt', houseNumber: '1', postalCode: '4101 AA' }),
      ),
    );
    expect(partial).toEqual([
      { field: 'contact.visitingAddress.city', message: 'Dit ontbreekt: vul het in.' },
    ]);
  });
});
