import { MIN_OPERATOR_PASSWORD, operatorAccountProblems } from './operator-accounts';

describe('operatorAccountProblems', () => {
  const password = 'x'.repeat(MIN_OPERATOR_PASSWORD);

  it('accepts an address, a name and a long enough password', () => {
    expect(operatorAccountProblems('ops@bezwaarplatform.nl', 'Olga Ops', password)).toEqual([]);
  });

  it('names every problem, the password by its variable', () => {
    expect(operatorAccountProblems('geen-adres', ' ', 'kort')).toEqual([
      '"geen-adres" is not an e-mail address',
      'the name is empty',
      `OPERATOR_PASSWORD must be set to at least ${MIN_OPERATOR_PASSWORD} characters`,
    ]);
    expect(operatorAccountProblems('ops@bezwaarplatform.nl', 'Olga', undefined)).toHaveLength(1);
  });
});
