import type { ParsedMail } from 'mailparser';
import type { Page } from 'playwright-core';
import { OutboxDispatcher } from '../src/messaging/outbox-dispatcher.service';
import { ADMIN_SECTIONS } from '../src/staff-pages/staff-pages.service';
import { browserOnApp, navigation } from './support/browser';
import { cookieSetBy, decodeHtml } from './support/pages';
import { SmtpSink } from './support/smtp-sink';
import { DEMO_PASSWORD, startTestApp, TestApp, userIdOf } from './support/test-app';

const ADMIN = 'beheer@rivierstad.example';
const HANDLER = 'behandelaar@rivierstad.example';
const STAFF_API = '/api/v1/tenants/rivierstad/admin/staff';
const STAFF_PAGES = '/rivierstad/behandelaar/beheer/medewerkers';
const NEW_PASSWORD = 'fiets paraplu zondag koffie';
const LINK = /https?:\/\/[^\s]+\/rivierstad\/behandelaar\/uitnodiging\/([A-Za-z0-9_-]{43})/;

interface Account {
  id: string;
  name: string;
  email: string;
  roles: string[];
  active: boolean;
  lastLoginAt: string | null;
  deactivatedAt: string | null;
  invitation: 'accepted' | 'pending' | 'expired';
}

/**
 * Staff administration by a municipality's functioneel beheerder: invitations by real e-mail, the password page,
 * roles and deactivation taking effect on the next request, and a municipality never left without an admin —
 * also when two admins act at the same moment (run on PostgreSQL for the real race).
 */
describe('staff administration', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let adminToken: string;
  let handlerToken: string;
  let adminCookie: string;
  let invites = 0;

  const api = (method: 'get' | 'post' | 'put', path: string, token = adminToken) =>
    t.http()[method](`${STAFF_API}${path}`).set('Authorization', `Bearer ${token}`);
  const list = async () => (await api('get', '').expect(200)).body as Account[];
  const account = async (id: string) => (await list()).find((a) => a.id === id)!;

  const pageLogin = (email: string, password?: string) => t.staffCookie('rivierstad', email, password);
  const apiLogin = (email: string, password: string) =>
    t.http().post('/api/v1/auth/token').send({ tenant: 'rivierstad', email, password });
  const getPage = (path: string, cookie = adminCookie) => t.page(path, cookie);
  const postPage = (path: string, fields: Record<string, string | string[]>, cookie = adminCookie) =>
    t.postForm(path, cookie, fields);

  /** Every mail the sink received for this address, after the outbox ran. */
  const mailsTo = async (email: string): Promise<ParsedMail[]> => {
    await t.app.get(OutboxDispatcher).dispatchDue();
    return sink.messages.filter((m) => m.to && JSON.stringify(m.to).includes(email));
  };
  const latestToken = async (email: string) => {
    const mails = await mailsTo(email);
    const match = LINK.exec(mails.at(-1)?.text ?? '');
    if (!match) throw new Error(`no invitation link for ${email}`);
    return match[1];
  };

  /** Invites someone new through the API; returns the id and the token from the e-mail. */
  const invite = async (roles: string[] = ['handler'], name = 'Noor de Wit') => {
    const email = `medewerker${++invites}@rivierstad.example`;
    const response = await api('post', '').send({ name, email, roles }).expect(201);
    return { id: (response.body as { id: string }).id, email, token: await latestToken(email) };
  };
  const acceptInvitation = (token: string, password = NEW_PASSWORD) =>
    postPage(`/rivierstad/behandelaar/uitnodiging/${token}`, { wachtwoord: password, herhaal: password }, '');
  /** A colleague who accepted an invitation: their id, e-mail, bearer token and page cookie. */
  const colleague = async (roles: string[] = ['handler']) => {
    const invited = await invite(roles);
    const response = await acceptInvitation(invited.token).expect(303);
    const token = ((await apiLogin(invited.email, NEW_PASSWORD).expect(200)).body as { accessToken: string })
      .accessToken;
    return { ...invited, bearer: token, cookie: cookieSetBy(response, 'bp_staff') };
  };

  beforeAll(async () => {
    sink = new SmtpSink();
    t = await startTestApp({ SMTP_URL: await sink.start(), OUTBOX_POLL_MS: '600000' });
    adminToken = await t.tokenFor('rivierstad', ADMIN);
    handlerToken = await t.tokenFor('rivierstad', HANDLER);
    adminCookie = await pageLogin(ADMIN);
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  it('shows the admin overview with every section and where it stands; "Beheer" only in an admin’s menu', async () => {
    const overview = await getPage('/rivierstad/behandelaar/beheer').expect(200);
    const text = decodeHtml(overview.text);
    expect(text).toContain('<title>Beheer – Bezwaren behandelen – Gemeente Rivierstad</title>');
    for (const section of [
      'regelingen',
      'brieven',
      'instellingen',
      'medewerkers',
      'configuratie',
      'licentie',
    ]) {
      expect(text).toContain(`class="card__link" href="/rivierstad/behandelaar/beheer/${section}"`);
    }
    expect(text).toContain('6 actieve regelingen');
    expect(text).toContain('6 doorverwijspartners');
    expect(text).toContain('0 eigen sjablonen');
    expect(text).toContain('2 actieve medewerkers');
    expect(text).toContain('1 functioneel beheerder');
    expect(text).toContain('Status: Actief');
    expect(text).toContain('aria-current="page">Overzicht</a>');
    expect(text).toContain('href="/rivierstad/behandelaar/beheer" aria-current="page">Beheer</a>');
    const handlerInbox = await getPage('/rivierstad/behandelaar', await pageLogin(HANDLER)).expect(200);
    expect(handlerInbox.text).not.toContain('>Beheer</a>');

    await invite();
    expect(decodeHtml((await getPage('/rivierstad/behandelaar/beheer').expect(200)).text)).toContain(
      '1 openstaande uitnodiging',
    );
  });

  it('invites by e-mail; the link sets a password and logs in, and then works no more', async () => {
    const response = await api('post', '')
      .send({
        name: 'Noor de Wit',
        email: 'Noor.DeWit@Rivierstad.example',
        roles: ['handler', 'tenant_admin'],
      })
      .expect(201);
    const id = (response.body as { id: string }).id;
    const invited = await account(id);
    expect(invited).toMatchObject({
      email: 'noor.dewit@rivierstad.example',
      roles: ['handler', 'tenant_admin'],
      active: true,
      lastLoginAt: null,
      invitation: 'pending',
    });

    // A real e-mail through SMTP, with the link and who sent it.
    const [mail] = await mailsTo('noor.dewit@rivierstad.example');
    expect(mail.subject).toBe('Uitnodiging: bezwaren behandelen voor Gemeente Rivierstad');
    expect(mail.text).toContain('Fatima El Amrani nodigt u uit');
    expect(mail.text).toContain('Uw rol: behandelaar en functioneel beheerder.');
    const token = LINK.exec(mail.text ?? '')![1];
    // Only the hash is stored.
    const [stored] = await t.asOwner<{ invitation_hash: string }>(
      `SELECT invitation_hash FROM staff_users WHERE id = $1`,
      [id],
    );
    expect(stored.invitation_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.invitation_hash).not.toContain(token);
    // Without a password the account cannot log in.
    await apiLogin('noor.dewit@rivierstad.example', '').expect(400);
    await apiLogin('noor.dewit@rivierstad.example', 'anything-at-all').expect(401);

    const path = `/rivierstad/behandelaar/uitnodiging/${token}`;
    const page = await t.http().get(path).expect(200);
    expect(page.text).toContain('Kies uw wachtwoord');
    expect(page.text).toContain('Welkom, Noor de Wit.');
    expect(page.headers['cache-control']).toBe('no-store');

    // Too short, then two different ones: the page again, with the reason.
    const short = await acceptInvitation(token, 'kort').expect(400);
    expect(decodeHtml(short.text)).toContain('minstens 12 tekens');
    expect(short.text).toContain('<title>Fout: Kies uw wachtwoord');
    const different = await postPage(
      path,
      { wachtwoord: NEW_PASSWORD, herhaal: `${NEW_PASSWORD}!` },
      '',
    ).expect(400);
    expect(different.text).toContain('De twee wachtwoorden zijn niet gelijk.');

    // A good one: logged in at once (an admin lands on the admin pages only without the handler role).
    const accepted = await acceptInvitation(token).expect(303);
    expect(accepted.headers.location).toBe('/rivierstad/behandelaar');
    const cookie = cookieSetBy(accepted, 'bp_staff');
    const inbox = await getPage('/rivierstad/behandelaar', cookie).expect(200);
    expect(inbox.text).toContain('Ingelogd als Noor de Wit');
    expect(inbox.text).toContain('href="/rivierstad/behandelaar/beheer"');

    // The link is used up.
    const used = await t.http().get(path).expect(404);
    expect(used.text).toContain('Deze link werkt niet meer');
    await acceptInvitation(token, 'een ander wachtwoord hier').expect(404);

    // Logging in with the new password: the API token and the login page.
    const bearer = (
      (await apiLogin('noor.dewit@rivierstad.example', NEW_PASSWORD).expect(200)).body as {
        accessToken: string;
      }
    ).accessToken;
    await api('get', '', bearer).expect(200);
    await pageLogin('noor.dewit@rivierstad.example', NEW_PASSWORD);
    const after = await account(id);
    expect(after.invitation).toBe('accepted');
    expect(after.lastLoginAt).not.toBeNull();
    // The later tests count admins: Noor leaves again.
    await api('post', `/${id}/deactivate`).expect(200);
  });

  it('refuses an address that already has an account (409) and invalid input (400, per field)', async () => {
    const taken = await api('post', '')
      .send({ name: 'Nog een keer', email: 'BEHANDELAAR@rivierstad.example', roles: ['handler'] })
      .expect(409);
    expect(taken.body).toMatchObject({ status: 409 });
    expect(taken.body.detail).toContain(
      'Er is al een medewerker met het e-mailadres behandelaar@rivierstad.example',
    );

    const invalid = await api('post', '')
      .send({ name: '', email: 'geen-adres', roles: ['platform_admin'] })
      .expect(400);
    const fields = (invalid.body as { errors: { field: string }[] }).errors.map((e) => e.field).sort();
    expect(fields).toEqual(['email', 'name', 'roles']);
    await api('post', '').send({ name: 'X', email: 'x@rivierstad.example', roles: [] }).expect(400);
  });

  it('expires a link after 7 days, with a clear page; inviting again gives a new link and ends the old one', async () => {
    const invited = await invite();
    expect((await account(invited.id)).invitation).toBe('pending');
    await t.asOwner(
      `UPDATE staff_users SET invitation_expires_at = now() - interval '1 minute' WHERE id = $1`,
      [invited.id],
    );
    expect((await account(invited.id)).invitation).toBe('expired');
    const expired = await t.http().get(`/rivierstad/behandelaar/uitnodiging/${invited.token}`).expect(410);
    expect(expired.text).toContain('Deze uitnodiging is verlopen');
    expect(expired.text).toContain(
      'Vraag de functioneel beheerder van uw gemeente om u opnieuw uit te nodigen.',
    );
    await acceptInvitation(invited.token).expect(410);

    const renewed = await api('post', `/${invited.id}/invitation`).expect(200);
    expect((renewed.body as Account).invitation).toBe('pending');
    const fresh = await latestToken(invited.email);
    expect(fresh).not.toBe(invited.token);
    await t.http().get(`/rivierstad/behandelaar/uitnodiging/${invited.token}`).expect(404);
    await acceptInvitation(fresh).expect(303);

    // Accepted: nothing to send again.
    const again = await api('post', `/${invited.id}/invitation`).expect(409);
    expect(again.body.detail).toContain('heeft de uitnodiging al gebruikt');
    // A made-up token or an unknown account.
    await t.http().get('/rivierstad/behandelaar/uitnodiging/niet-echt').expect(404);
    await api('post', '/00000000-0000-4000-8000-000000000000/invitation').expect(404);
    await api('post', '/geen-id/invitation').expect(404);
  });

  it('applies a role change to an existing token and cookie at once', async () => {
    const noor = await colleague(['handler']);
    await api('get', '', noor.bearer).expect(403);
    await getPage(STAFF_PAGES, noor.cookie).expect(403);
    expect((await getPage('/rivierstad/behandelaar', noor.cookie).expect(200)).text).not.toContain(
      'href="/rivierstad/behandelaar/beheer"',
    );

    await api('put', `/${noor.id}/roles`)
      .send({ roles: ['handler', 'tenant_admin'] })
      .expect(200);
    await api('get', '', noor.bearer).expect(200);
    await getPage(STAFF_PAGES, noor.cookie).expect(200);

    const removed = await api('put', `/${noor.id}/roles`)
      .send({ roles: ['handler'] })
      .expect(200);
    expect((removed.body as Account).roles).toEqual(['handler']);
    await api('get', '', noor.bearer).expect(403);
    const forbidden = await getPage(STAFF_PAGES, noor.cookie).expect(403);
    expect(decodeHtml(forbidden.text)).toContain('Alleen functioneel beheerders van de gemeente');
    // Roles only a municipality gives.
    await api('put', `/${noor.id}/roles`)
      .send({ roles: ['platform_admin'] })
      .expect(400);
  });

  it('ends a deactivated account’s existing token and cookie at once, and can activate it again', async () => {
    const sam = await colleague(['handler']);
    await t
      .http()
      .get('/api/v1/tenants/rivierstad/inbox')
      .set('Authorization', `Bearer ${sam.bearer}`)
      .expect(200);
    await getPage('/rivierstad/behandelaar', sam.cookie).expect(200);

    const deactivated = (await api('post', `/${sam.id}/deactivate`).expect(200)).body as Account;
    expect(deactivated.active).toBe(false);
    expect(deactivated.deactivatedAt).not.toBeNull();
    await t
      .http()
      .get('/api/v1/tenants/rivierstad/inbox')
      .set('Authorization', `Bearer ${sam.bearer}`)
      .expect(401);
    const page = await getPage('/rivierstad/behandelaar', sam.cookie).expect(303);
    expect(page.headers.location).toBe('/rivierstad/behandelaar/inloggen');
    await apiLogin(sam.email, NEW_PASSWORD).expect(401);

    const activated = (await api('post', `/${sam.id}/activate`).expect(200)).body as Account;
    expect(activated).toMatchObject({ active: true, deactivatedAt: null, invitation: 'accepted' });
    await apiLogin(sam.email, NEW_PASSWORD).expect(200);
    // The old token is valid again only because it has not expired: the account is what counts.
    await t
      .http()
      .get('/api/v1/tenants/rivierstad/inbox')
      .set('Authorization', `Bearer ${sam.bearer}`)
      .expect(200);
  });

  it('never leaves the municipality without an active admin who can log in', async () => {
    const adminId = userIdOf(adminToken);
    const self = await api('put', `/${adminId}/roles`)
      .send({ roles: ['handler'] })
      .expect(409);
    expect(self.body.detail).toContain('U bent de laatste actieve functioneel beheerder van uw gemeente.');
    expect(self.body.detail).toContain('uw eigen rol functioneel beheerder niet weghalen');
    const deactivate = await api('post', `/${adminId}/deactivate`).expect(409);
    expect(deactivate.body.detail).toContain('uw eigen account niet deactiveren');

    // An invited admin who has no password yet does not count.
    await invite(['tenant_admin']);
    await api('put', `/${adminId}/roles`)
      .send({ roles: ['handler'] })
      .expect(409);

    // A second admin who can log in: now either may step back, but not both.
    const second = await colleague(['tenant_admin']);
    await api('put', `/${second.id}/roles`, second.bearer)
      .send({ roles: ['handler'] })
      .expect(200);
    await api('put', `/${adminId}/roles`)
      .send({ roles: ['handler'] })
      .expect(409);
    // A handler cannot use any of it.
    await api('put', `/${adminId}/roles`, handlerToken)
      .send({ roles: ['handler'] })
      .expect(403);

    // The page says the same, on the page.
    const refused = await postPage(`${STAFF_PAGES}/${adminId}/deactiveren`, {}).expect(409);
    expect(decodeHtml(refused.text)).toContain('U bent de laatste actieve functioneel beheerder');
    expect(refused.text).toContain('class="error-summary"');
    expect((await account(adminId)).active).toBe(true);
  });

  it('lets exactly one of two admins step back when both do at the same moment', async () => {
    const adminId = userIdOf(adminToken);
    const second = await colleague(['tenant_admin']);
    for (let round = 0; round < 6; round++) {
      const responses = await Promise.all([
        api('put', `/${adminId}/roles`).send({ roles: ['handler'] }),
        api('put', `/${second.id}/roles`, second.bearer).send({ roles: ['handler'] }),
      ]);
      expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
      const admins = (
        await t.asOwner<{ id: string }>(
          `SELECT s.id FROM staff_users s JOIN tenants t ON t.id = s.tenant_id
         WHERE t.slug = 'rivierstad' AND s.active AND 'tenant_admin' = ANY(s.roles) AND s.password_hash IS NOT NULL`,
        )
      ).map((r) => r.id);
      expect(admins).toHaveLength(1);
      // The one still admin makes the other admin again for the next round.
      const [remaining] = admins;
      const steppedBack = remaining === adminId ? second.id : adminId;
      const bearer = remaining === adminId ? adminToken : second.bearer;
      await api('put', `/${steppedBack}/roles`, bearer)
        .send({ roles: ['tenant_admin'] })
        .expect(200);
    }
    // Likewise two admins deactivating each other: one wins, the other is no admin any more by then.
    const [a, b] = await Promise.all([
      api('post', `/${second.id}/deactivate`),
      api('post', `/${adminId}/deactivate`, second.bearer),
    ]);
    expect([a.status, b.status].filter((s) => s === 200)).toHaveLength(1);
    expect([a.status, b.status].sort()[1]).toBeGreaterThanOrEqual(401);
    if (b.status === 200)
      await t.asOwner(`UPDATE staff_users SET active = true, deactivated_at = NULL WHERE id = $1`, [adminId]);
    await api('put', `/${adminId}/roles`)
      .send({ roles: ['tenant_admin'] })
      .expect(200);
  });

  it('refuses a handler every admin route, in the API and on the pages', async () => {
    const someone = userIdOf(handlerToken);
    const apiCalls: [string, 'get' | 'post' | 'put', string][] = [
      ['list', 'get', STAFF_API],
      ['invite', 'post', STAFF_API],
      ['roles', 'put', `${STAFF_API}/${someone}/roles`],
      ['deactivate', 'post', `${STAFF_API}/${someone}/deactivate`],
      ['activate', 'post', `${STAFF_API}/${someone}/activate`],
      ['invitation', 'post', `${STAFF_API}/${someone}/invitation`],
      ['export', 'get', '/api/v1/tenants/rivierstad/admin/configuration'],
      ['preview', 'post', '/api/v1/tenants/rivierstad/admin/configuration/preview'],
      ['apply', 'post', '/api/v1/tenants/rivierstad/admin/configuration'],
    ];
    for (const [name, method, path] of apiCalls) {
      const response = await t.http()[method](path).set('Authorization', `Bearer ${handlerToken}`).send({});
      expect([name, response.status]).toEqual([name, 403]);
    }
    const cookie = await pageLogin(HANDLER);
    const pages: [string, 'get' | 'post'][] = [
      ['/rivierstad/behandelaar/beheer', 'get'],
      [STAFF_PAGES, 'get'],
      [STAFF_PAGES, 'post'],
      [`${STAFF_PAGES}/${someone}`, 'get'],
      [`${STAFF_PAGES}/${someone}/deactiveren`, 'post'],
      ['/rivierstad/behandelaar/beheer/configuratie', 'get'],
      ['/rivierstad/behandelaar/beheer/configuratie/tenant.yaml', 'get'],
      ['/rivierstad/behandelaar/beheer/configuratie/voorvertoning', 'post'],
      ['/rivierstad/behandelaar/beheer/configuratie/toepassen', 'post'],
    ];
    for (const [path, method] of pages) {
      const response = await t.http()[method](path).set('Cookie', cookie).type('form').send('');
      expect([path, method, response.status]).toEqual([path, method, 403]);
      expect(response.text).toContain('Geen toegang');
    }
    // Not logged in at all: to the login page.
    const anonymous = await t.http().get('/rivierstad/behandelaar/beheer').expect(303);
    expect(anonymous.headers.location).toBe(
      '/rivierstad/behandelaar/inloggen?terug=%2Frivierstad%2Fbehandelaar%2Fbeheer',
    );
    // Another municipality's admin: 403 in the API.
    const other = await t.tokenFor('heuveldorp', 'beheer@heuveldorp.example');
    await api('get', '', other).expect(403);
  });

  it('works from the pages: invite, see the member, change roles, deactivate and activate', async () => {
    const invited = await postPage(STAFF_PAGES, {
      naam: 'Lotte Smit',
      email: 'lotte.smit@rivierstad.example',
      rollen: ['handler'],
    }).expect(303);
    const memberPath = invited.headers.location.split('?')[0];
    expect(invited.headers.location).toMatch(
      new RegExp(`^${STAFF_PAGES}/[0-9a-f-]{36}\\?gedaan=uitgenodigd$`),
    );
    const member = await getPage(invited.headers.location).expect(200);
    expect(member.text).toContain('De uitnodiging is verstuurd.');
    expect(member.text).toContain('Uitgenodigd');
    expect(member.text).toContain('Uitnodiging opnieuw sturen');
    expect((await mailsTo('lotte.smit@rivierstad.example')).length).toBe(1);

    // The list shows her, with her status and last login.
    const listPage = await getPage(STAFF_PAGES).expect(200);
    expect(listPage.text).toContain('Lotte Smit');
    expect(listPage.text).toContain('Nog nooit');
    expect(listPage.text).toContain('<title>Medewerkers – Bezwaren behandelen – Gemeente Rivierstad</title>');

    // The same address again, and a form without a name: the list again with the reasons, input kept.
    const duplicate = await postPage(STAFF_PAGES, {
      naam: 'Lotte Smit',
      email: 'lotte.smit@rivierstad.example',
      rollen: ['handler'],
    }).expect(409);
    expect(decodeHtml(duplicate.text)).toContain(
      'Er is al een medewerker met het e-mailadres lotte.smit@rivierstad.example',
    );
    const empty = await postPage(STAFF_PAGES, { naam: '', email: 'nieuw@rivierstad.example' }).expect(400);
    expect(empty.text).toContain('href="#naam"');
    expect(empty.text).toContain('href="#rollen"');
    expect(empty.text).toContain('value="nieuw@rivierstad.example"');

    await postPage(`${memberPath}/rollen`, { rollen: ['handler', 'tenant_admin'] }).expect(303);
    expect((await getPage(memberPath).expect(200)).text).toContain('Behandelaar en functioneel beheerder');
    const noRoles = await postPage(`${memberPath}/rollen`, {}).expect(400);
    expect(noRoles.text).toContain('Kies minstens één rol');

    await postPage(`${memberPath}/uitnodiging`, {}).expect(303);
    expect((await mailsTo('lotte.smit@rivierstad.example')).length).toBe(2);
    const done = await postPage(`${memberPath}/deactiveren`, {}).expect(303);
    expect(done.headers.location).toBe(`${memberPath}?gedaan=deactiveren`);
    const deactivated = await getPage(done.headers.location).expect(200);
    expect(deactivated.text).toContain('Gedeactiveerd');
    expect(deactivated.text).toContain('Account weer activeren');
    await postPage(`${memberPath}/activeren`, {}).expect(303);
    await postPage(`${memberPath}/iets-anders`, {}).expect(404);
    await getPage(`${STAFF_PAGES}/00000000-0000-4000-8000-000000000000`).expect(404);
  });

  describe('in a browser (chromium, axe)', () => {
    const browser = browserOnApp(() => t.app, 'the staff administration pages');

    const login = async (page: Page, email: string, password = DEMO_PASSWORD) => {
      await page.goto(`${browser.base}/rivierstad/behandelaar/inloggen`);
      await page.getByLabel('E-mailadres').fill(email);
      await page.getByLabel('Wachtwoord').fill(password);
      await navigation(page, () => page.getByRole('button', { name: 'Inloggen' }).click());
    };

    it('passes axe on the overview, the staff pages and the invitation pages', async () => {
      const { context, page } = await browser.newPage();
      await login(page, ADMIN);
      await page.getByRole('link', { name: 'Beheer', exact: true }).click();
      await page.waitForURL(`${browser.base}/rivierstad/behandelaar/beheer`);
      expect(await page.title()).toBe('Beheer – Bezwaren behandelen – Gemeente Rivierstad');
      // One card per section besides the overview itself.
      expect(await page.locator('.card').count()).toBe(Object.keys(ADMIN_SECTIONS).length - 1);
      await browser.audit(page, 'beheer');

      await navigation(page, () =>
        page.getByRole('link', { name: 'Medewerkers', exact: true }).first().click(),
      );
      await browser.audit(page, 'medewerkers');
      // Invite with the keyboard-friendly form; an empty name first.
      await page.getByLabel('E-mailadres').fill('browser@rivierstad.example');
      await navigation(page, () => page.getByRole('button', { name: 'Uitnodiging versturen' }).click());
      expect(await page.getByRole('alert').textContent()).toContain('Vul de naam van de medewerker in.');
      await browser.audit(page, 'medewerkers met fout');
      await page.getByLabel('Naam').fill('Browser Test');
      await navigation(page, () => page.getByRole('button', { name: 'Uitnodiging versturen' }).click());
      expect(await page.getByRole('status').first().textContent()).toContain('De uitnodiging is verstuurd.');
      await browser.audit(page, 'medewerker');
      await context.close();

      const token = await latestToken('browser@rivierstad.example');
      const invitee = await browser.newPage({ viewport: { width: 390, height: 800 } });
      await invitee.page.goto(`${browser.base}/rivierstad/behandelaar/uitnodiging/${token}`);
      await browser.audit(invitee.page, 'uitnodiging');
      await invitee.page.getByLabel('Nieuw wachtwoord').fill('kort');
      await invitee.page.getByLabel('Herhaal het wachtwoord').fill('kort');
      await navigation(invitee.page, () =>
        invitee.page.getByRole('button', { name: /Wachtwoord opslaan/ }).click(),
      );
      await browser.audit(invitee.page, 'uitnodiging met fout');
      await invitee.page.getByLabel('Nieuw wachtwoord').fill(NEW_PASSWORD);
      await invitee.page.getByLabel('Herhaal het wachtwoord').fill(NEW_PASSWORD);
      await navigation(invitee.page, () =>
        invitee.page.getByRole('button', { name: /Wachtwoord opslaan/ }).click(),
      );
      expect(new URL(invitee.page.url()).pathname).toBe('/rivierstad/behandelaar');
      await invitee.page.goto(`${browser.base}/rivierstad/behandelaar/uitnodiging/${token}`);
      expect(await invitee.page.locator('h1').textContent()).toBe('Deze link werkt niet meer');
      await browser.audit(invitee.page, 'uitnodiging gebruikt');
      await invitee.context.close();
    }, 120_000);
  });
});
