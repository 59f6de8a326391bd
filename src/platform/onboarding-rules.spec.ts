import { districtCourt } from './district-courts';
import { normalisePostalCode, onboardingProfile, slugProblem } from './onboarding-rules';

describe('slugProblem', () => {
  it.each(['zeestad', 'sint-anna', 'a1'])('accepts %s', (slug) => expect(slugProblem(slug)).toBeNull());

  it.each(['api', 'assets', 'platform', 'health'])('refuses the platform’s own path %s', (slug) => {
    expect(slugProblem(slug)).toContain('gereserveerd voor het platform');
  });

  it.each(['Zeestad', 'z', '-zee', 'zee stad', 'zeeständ', 'a'.repeat(64)])('refuses %s', (slug) => {
    expect(slugProblem(slug)).toContain('alleen kleine letters');
  });
});

describe('onboardingProfile', () => {
  it('takes the court’s address, tidies what was typed and adds the default settings', () => {
    const profile = onboardingProfile(
      {
        inhabitants: 45000,
        governingBody: ' het college van Zeestad ',
        contact: {
          phone: '010 123 45 67',
          email: 'Gemeente@Zeestad.example',
          website: 'https://www.zeestad.example',
          postalAddress: { street: 'Postbus', houseNumber: '100', postalCode: '3000aa', city: 'Zeestad' },
        },
      },
      districtCourt('rotterdam')!,
    );
    expect(profile).toEqual({
      inhabitants: 45000,
      governingBody: 'het college van Zeestad',
      court: {
        name: 'Rechtbank Rotterdam',
        address: { street: 'Postbus', houseNumber: '50951', postalCode: '3007 BM', city: 'Rotterdam' },
      },
      contact: {
        phone: '010 123 45 67',
        email: 'gemeente@zeestad.example',
        website: 'https://www.zeestad.example',
        postalAddress: { street: 'Postbus', houseNumber: '100', postalCode: '3000 AA', city: 'Zeestad' },
      },
      branding: { primaryColor: '#1D4F91' },
      settings: { atRiskWorkingDays: 5, firstContactWorkingDays: 5 },
    });
  });

  it('writes postal codes as 1234 AB', () => {
    expect(normalisePostalCode('1234ab')).toBe('1234 AB');
    expect(normalisePostalCode('1234  AB')).toBe('1234 AB');
  });
});
