import { failedLogin, LOGIN_FAILED, loginFormContext, readLoginForm } from './login-form';

const HOME = '/rivierstad/behandelaar';
const safeReturn = (candidate: unknown) =>
  typeof candidate === 'string' && candidate.startsWith(`${HOME}/`) ? candidate : HOME;

describe('readLoginForm', () => {
  it('reads the credentials, trimming the address but never the password', () => {
    expect(
      readLoginForm(
        { email: '  beheer@rivierstad.example ', wachtwoord: ' geheim ', terug: `${HOME}/zaken/x` },
        safeReturn,
      ),
    ).toEqual({ email: 'beheer@rivierstad.example', password: ' geheim ', returnTo: `${HOME}/zaken/x` });
  });

  it('makes the page to go on to safe', () => {
    const attempt = readLoginForm(
      { email: 'a@b.example', wachtwoord: 'x', terug: 'https://evil.example' },
      safeReturn,
    );
    expect(attempt).toMatchObject({ returnTo: HOME });
  });

  it('cuts overlong fields', () => {
    const attempt = readLoginForm({ email: 'a'.repeat(300), wachtwoord: 'p'.repeat(2000) }, safeReturn);
    expect(attempt).toMatchObject({ email: 'a'.repeat(254), password: 'p'.repeat(1024) });
  });

  it('gives the form again, saying what to fill in, when a field is empty', () => {
    expect(readLoginForm({ email: ' ', wachtwoord: '' }, safeReturn)).toEqual({
      invalid: {
        email: '',
        returnTo: HOME,
        emailError: 'Vul uw e-mailadres in.',
        passwordError: 'Vul uw wachtwoord in.',
        errors: [
          { href: '#email', message: 'Vul uw e-mailadres in.' },
          { href: '#wachtwoord', message: 'Vul uw wachtwoord in.' },
        ],
      },
    });
    expect(readLoginForm({ email: 'a@b.example', wachtwoord: ['x'] }, safeReturn)).toEqual({
      invalid: expect.objectContaining({
        email: 'a@b.example',
        emailError: undefined,
        errors: [{ href: '#wachtwoord', message: 'Vul uw wachtwoord in.' }],
      }),
    });
    expect(readLoginForm(undefined, safeReturn)).toHaveProperty('invalid.errors.length', 2);
  });
});

describe('failedLogin', () => {
  it('keeps the address and the page to go on to, never the password, and never says which was wrong', () => {
    const form = failedLogin({ email: 'a@b.example', password: 'geheim', returnTo: `${HOME}/zaken/x` });
    expect(form).toEqual({
      email: 'a@b.example',
      returnTo: `${HOME}/zaken/x`,
      errors: [{ href: '#email', message: LOGIN_FAILED }],
    });
  });
});

describe('loginFormContext', () => {
  it('sends the page to go on to along only when it is not the default', () => {
    expect(loginFormContext({ email: '', returnTo: HOME }, `${HOME}/inloggen`, HOME)).toEqual({
      email: '',
      returnTo: undefined,
      action: `${HOME}/inloggen`,
    });
    expect(loginFormContext({ email: '', returnTo: `${HOME}/rapportages` }, '/x', HOME).returnTo).toBe(
      `${HOME}/rapportages`,
    );
  });
});
