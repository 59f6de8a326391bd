import { OutboxDispatcher } from '../src/messaging/outbox-dispatcher.service';
import { binaryBody } from './support/binary-body';
import { bosObjection, daysAgo } from './support/fixtures';
import { form } from './support/pages';
import { pdfText } from './support/pdf-text';
import { SmtpSink } from './support/smtp-sink';
import { startTestApp, TestApp } from './support/test-app';

interface InvoiceJson {
  id: string;
  status: string;
  number: string | null;
  lines: { code: string; amountCents: number }[];
  netCents: number;
  vatBasisPoints: number;
  vatCents: number;
  totalCents: number;
}

interface RegulationJson {
  version: number;
  regulation: { diagnosis: { questions: { id: string; text: string }[] } };
}

const ADMIN = { name: 'Mila Verbeek', email: 'm.verbeek@meerdal.example' };
const ADMIN_PASSWORD = 'drie eenden op de brede sloot';
const YEAR = Number(daysAgo(0).slice(0, 4));

/**
 * Issue 6 as an operator and a municipality's admin try it: a third municipality onboarded from the operator's
 * page, with a plan; objections filed there; its first invoice issued with VAT and the year's first number; its
 * admin changes the diagnosis (the portal follows, the earlier filing keeps its version) and edits and
 * previews the decision letter.
 */
describe('administration journey: Meerdal joins the platform', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let operatorCookie: string;
  let operator: string;
  let admin: string;
  let firstReference: string;
  let keys = 0;

  const asOperator = (method: 'get' | 'post', path: string) =>
    t.http()[method](`/api/v1/platform${path}`).set('Authorization', `Bearer ${operator}`);
  const asAdmin = (method: 'get' | 'put' | 'post', path: string) =>
    t.http()[method](`/api/v1/tenants/meerdal${path}`).set('Authorization', `Bearer ${admin}`);
  const file = async (text: string) => {
    const response = await t
      .http()
      .post('/api/v1/tenants/meerdal/objections')
      .set('Idempotency-Key', `meerdal-${++keys}`)
      .send(
        bosObjection({
          regulation: 'overige-besluiten',
          decision: { reference: `MD-${keys}`, date: daysAgo(10), description: 'Weigering subsidie' },
          grounds: { hints: ['feiten_onjuist'], text },
        }),
      )
      .expect(201);
    return response.body as { reference: string };
  };

  beforeAll(async () => {
    sink = new SmtpSink();
    t = await startTestApp({ SMTP_URL: await sink.start(), OUTBOX_POLL_MS: '600000' });
    operator = await t.operatorToken();
    operatorCookie = await t.operatorCookie();
  });

  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  it('the operator onboards Meerdal from the page, with the Standaard plan and its first admin invited', async () => {
    const onboarded = await t
      .postForm('/platform/gemeenten/nieuw', operatorCookie, {
        naam: 'Gemeente Meerdal',
        slug: 'meerdal',
        inwoners: '38.500',
        bestuursorgaan: 'het college van burgemeester en wethouders van Meerdal',
        rechtbank: 'gelderland',
        telefoon: '0318 12 34 56',
        email: 'gemeente@meerdal.example',
        website: 'https://www.meerdal.example',
        straat: 'Postbus',
        huisnummer: '20',
        postcode: '6700 AA',
        plaats: 'Meerdal',
        kleur: '',
        plan: 'standaard',
        ingangsdatum: `${YEAR}-01-01`,
        'beheerder-naam': ADMIN.name,
        'beheerder-email': ADMIN.email,
      })
      .expect(303);
    expect(onboarded.headers.location).toBe('/platform/gemeenten/meerdal?aangemeld=1');
    const list = await t.page('/platform', operatorCookie).expect(200);
    expect(list.text).toContain('Gemeente Meerdal');
  });

  it('the invited admin sets a password from the e-mailed link and logs in', async () => {
    await t.app.get(OutboxDispatcher).dispatchDue();
    const mail = sink.messages.find((m) => (m.to as { text: string }).text.includes(ADMIN.email));
    expect(mail).toBeDefined();
    const path = /\/meerdal\/behandelaar\/uitnodiging\/\S+/.exec(mail!.text ?? '')![0];
    await t
      .http()
      .post(path)
      .type('form')
      .send(form({ wachtwoord: ADMIN_PASSWORD, herhaal: ADMIN_PASSWORD }))
      .expect(303);
    const token = await t
      .http()
      .post('/api/v1/auth/token')
      .send({ tenant: 'meerdal', email: ADMIN.email, password: ADMIN_PASSWORD })
      .expect(200);
    admin = (token.body as { accessToken: string }).accessToken;
  });

  it('citizens file objections in Meerdal from day one; each is metered', async () => {
    firstReference = (await file('De gemeente rekende met het verkeerde bedrag.')).reference;
    await file('Mijn aanvraag was wel op tijd.');
    const usage = await t.asOwner<{ count: string }>(
      `SELECT count(*) FROM usage_records u JOIN tenants t ON t.id = u.tenant_id WHERE t.slug = 'meerdal'`,
    );
    expect(Number(usage[0].count)).toBe(2);
  });

  it('the operator issues its first invoice: 21% VAT on the net total and the next number of the year', async () => {
    const generated = await asOperator('post', '/tenants/meerdal/invoices').send({ year: YEAR }).expect(201);
    const [draft] = (generated.body as { invoices: InvoiceJson[] }).invoices;
    expect(draft).toMatchObject({ status: 'draft', number: null, vatBasisPoints: 2100 });
    expect(draft.lines.map((l) => l.code)).toEqual(expect.arrayContaining(['implementation', 'licence']));
    expect(draft.netCents).toBe(draft.lines.reduce((sum, l) => sum + l.amountCents, 0));
    expect(draft.vatCents).toBe(Math.round((draft.netCents * 21) / 100));
    expect(draft.totalCents).toBe(draft.netCents + draft.vatCents);

    const issued = await asOperator('post', `/tenants/meerdal/invoices/${draft.id}/issue`).expect(200);
    const invoice = issued.body as InvoiceJson;
    // A fresh platform: no invoice was numbered this year before.
    expect(invoice).toMatchObject({
      status: 'issued',
      number: `${YEAR}-000001`,
      totalCents: draft.totalCents,
    });
    const pdf = await asOperator('get', `/tenants/meerdal/invoices/${draft.id}/pdf`)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    const text = await pdfText(pdf.body as Buffer);
    expect(text).toContain(`${YEAR}-000001`);
    expect(text).toContain('21%');
  });

  it('the admin changes the diagnosis: the portal follows, the earlier filing keeps its version', async () => {
    const current = (await asAdmin('get', '/admin/regulations/overige-besluiten').expect(200))
      .body as RegulationJson;
    const regulation = structuredClone(current.regulation);
    regulation.diagnosis.questions[0].text = 'Heeft u een besluit van de gemeente Meerdal gekregen?';
    const saved = await asAdmin('put', '/admin/regulations/overige-besluiten')
      .send({ ...regulation, expectedVersion: current.version, note: 'Eerste vraag in eigen woorden' })
      .expect(200);
    expect(saved.body).toMatchObject({ version: current.version + 1, changed: true });

    const portal = await t.http().get('/meerdal/keuzehulp/overige-besluiten').expect(200);
    expect(portal.text).toContain('Heeft u een besluit van de gemeente Meerdal gekregen?');
    const later = await file('Na de wijziging ingediend.');
    const versions = await t.asOwner<{ reference: string; regulation_version: number }>(
      `SELECT reference, regulation_version FROM objections WHERE reference = ANY($1) ORDER BY reference`,
      [[firstReference, later.reference]],
    );
    expect(versions).toEqual([
      { reference: firstReference, regulation_version: current.version },
      { reference: later.reference, regulation_version: current.version + 1 },
    ]);
  });

  it('the admin edits the decision letter and previews it as a PDF', async () => {
    const template = (await asAdmin('get', '/admin/letter-templates/decision').expect(200)).body as {
      source: string;
    };
    const source = `${template.source}\nMeerdal belt u graag als u vragen heeft over deze beslissing.\n`;
    await asAdmin('put', '/admin/letter-templates/decision').send({ source }).expect(200);
    const preview = await asAdmin('post', '/admin/letter-templates/decision/preview')
      .send({})
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(preview.headers['content-type']).toContain('application/pdf');
    const text = await pdfText(preview.body as Buffer);
    expect(text).toContain('Meerdal belt u graag');
    expect(text).toContain('Gemeente Meerdal');
  });
});
