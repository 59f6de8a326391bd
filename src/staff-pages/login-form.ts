/**
 * The login form of the staff pages and of the platform operator's pages (`partials/login-form.hbs`): the same
 * fields and messages; each login page checks the account and opens its own session.
 */

/** One message for every failed login: it never says whether the address exists. */
export const LOGIN_FAILED = 'Het e-mailadres of het wachtwoord is niet juist. Probeer het opnieuw.';

const MAX_EMAIL = 254;
const MAX_PASSWORD = 1024;

/** What the login form shows: what was typed (never the password), the page to go on to, and the problems. */
export interface LoginForm {
  email: string;
  returnTo: string;
  errors?: { href: string; message: string }[];
  emailError?: string;
  passwordError?: string;
  loggedOut?: boolean;
}

/** A filled-in login form: the credentials to check and the page to go on to. */
export interface LoginAttempt {
  email: string;
  password: string;
  returnTo: string;
}

/**
 * Reads a login form post (`email`, `wachtwoord`, `terug`), with the page to go on to made safe by `safeReturn`.
 * A form with an empty field comes back as `{ invalid }`: the form again, saying what to fill in.
 */
export function readLoginForm(
  body: unknown,
  safeReturn: (candidate: unknown) => string,
): LoginAttempt | { invalid: LoginForm } {
  const fields = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const text = (name: string) => (typeof fields[name] === 'string' ? (fields[name] as string) : '');
  const email = text('email').trim().slice(0, MAX_EMAIL);
  const password = text('wachtwoord').slice(0, MAX_PASSWORD);
  const returnTo = safeReturn(text('terug'));
  if (email && password) return { email, password, returnTo };
  const emailError = email ? undefined : 'Vul uw e-mailadres in.';
  const passwordError = password ? undefined : 'Vul uw wachtwoord in.';
  const errors = [
    ...(emailError ? [{ href: '#email', message: emailError }] : []),
    ...(passwordError ? [{ href: '#wachtwoord', message: passwordError }] : []),
  ];
  return { invalid: { email, returnTo, emailError, passwordError, errors } };
}

/** The form again after wrong credentials, with LOGIN_FAILED. */
export function failedLogin({ email, returnTo }: LoginAttempt): LoginForm {
  return { email, returnTo, errors: [{ href: '#email', message: LOGIN_FAILED }] };
}

/**
 * The login page's context: the form, posting to `action`. The page to go on to travels along only when it is
 * not `home`, where a login goes by default.
 */
export function loginFormContext(form: LoginForm, action: string, home: string) {
  return { ...form, action, returnTo: form.returnTo === home ? undefined : form.returnTo };
}
