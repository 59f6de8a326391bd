import { formFieldsOf } from '../portal/form-body';
import { onboardingFormErrors, onboardingFormValues, onboardingRequest } from './onboarding-form';

describe('the onboarding form', () => {
  const values = onboardingFormValues(
    formFieldsOf({
      naam: ' Gemeente Zeestad ',
      slug: 'zeestad',
      inwoners: '45.000',
      bestuursorgaan: 'het college van burgemeester en wethouders van Zeestad',
      rechtbank: 'rotterdam',
      telefoon: '010 123 45 67',
      email: 'gemeente@zeestad.example',
      website: 'https://www.zeestad.example',
      straat: 'Postbus',
      huisnummer: '1',
      postcode: '3000 AA',
      plaats: 'Zeestad',
      kleur: '',
      plan: 'standaard',
      ingangsdatum: '2027-01-01',
      'beheerder-naam': 'Fatima Yilmaz',
      'beheerder-email': 'f.yilmaz@zeestad.example',
      onbekend: 'x',
    }),
  );

  it('becomes the API request body, inhabitants as a number and without an empty colour', () => {
    expect(onboardingRequest(values)).toEqual({
      name: 'Gemeente Zeestad',
      slug: 'zeestad',
      inhabitants: 45000,
      governingBody: 'het college van burgemeester en wethouders van Zeestad',
      court: 'rotterdam',
      contact: {
        phone: '010 123 45 67',
        email: 'gemeente@zeestad.example',
        website: 'https://www.zeestad.example',
        postalAddress: { street: 'Postbus', houseNumber: '1', postalCode: '3000 AA', city: 'Zeestad' },
      },
      licence: { planCode: 'standaard', startsOn: '2027-01-01' },
      admin: { name: 'Fatima Yilmaz', email: 'f.yilmaz@zeestad.example' },
    });
  });

  it('keeps a number of inhabitants it cannot read as text, for the validator to refuse', () => {
    expect(onboardingRequest({ ...values, inwoners: 'veel' }).inhabitants).toBe('veel');
  });

  it('puts the API errors on the inputs, the first per input', () => {
    expect(
      onboardingFormErrors([
        { field: 'contact.postalAddress.postalCode', message: 'Vul een postcode in zoals 1234 AB.' },
        { field: 'slug', message: 'gereserveerd' },
        { field: 'slug', message: 'tweede' },
        { field: 'iets', message: 'Iets anders.' },
      ]),
    ).toEqual({
      fields: { postcode: 'Vul een postcode in zoals 1234 AB.', slug: 'gereserveerd' },
      other: ['Iets anders.'],
    });
  });
});
