import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { CitizenSessionService, CurrentCitizen } from '../citizens/citizen-session.service';
import { FieldError, ProblemError } from '../common/problems/problem.error';
import { validateInput } from '../common/problems/validation';
import { todayInAmsterdam } from '../deadlines/local-date';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '../documents/attachment-policy';
import { FileObjectionDto } from '../objections/dto/file-objection.dto';
import { ObjectionFilingService } from '../objections/objection-filing.service';
import { Regulation } from '../regulations/regulation.entity';
import { RegulationsService } from '../regulations/regulations.service';
import { TenantContext } from '../tenancy/tenant-context';
import {
  errorKey,
  filingFormView,
  FilingFormValues,
  filingInput,
  newFilingForm,
  readFilingForm,
} from './filing-form';
import { readPortalForm } from './portal-form.reader';
import { PortalPagesService } from './portal-pages.service';

export type FilingOutcome = { status: 303; location: string } | { status: 400; html: string };

const ATTACHMENT_PROBLEMS = new Set([
  'attachment-type',
  'attachment-too-large',
  'attachments-too-large',
  'too-many-attachments',
]);
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,200}$/;

/**
 * The objection form. It files through the same ObjectionFilingService as the API; the idempotency key rendered
 * into the form makes a double submit file once. Errors come back on the form with everything typed still there.
 */
@Injectable()
export class FilingPagesService {
  constructor(
    private readonly regulations: RegulationsService,
    private readonly filing: ObjectionFilingService,
    private readonly pages: PortalPagesService,
    private readonly sessions: CitizenSessionService,
  ) {}

  async form(
    tenant: TenantContext,
    code: string,
    query: { besluitdatum?: unknown; redenen?: unknown },
    request: FastifyRequest,
  ) {
    const regulation = await this.requireRegulation(tenant, code);
    const citizen = await this.sessions.currentCitizen(request, tenant.id);
    const values = newFilingForm({
      idempotencyKey: randomUUID(),
      decisionDate: typeof query.besluitdatum === 'string' ? query.besluitdatum : undefined,
      suggested: typeof query.redenen === 'string' ? query.redenen : undefined,
    });
    // Logged in with DigiD: name and address come from the login, so the citizen need not type them.
    if (citizen?.name) values.objector.name = citizen.name;
    if (citizen?.address) Object.assign(values.objector, citizen.address);
    return this.render(tenant, regulation, values, [], false, citizen, request.url);
  }

  async submit(tenant: TenantContext, code: string, request: FastifyRequest): Promise<FilingOutcome> {
    // The body is read first, so that the browser always gets an answer it can show.
    const post = await readPortalForm(request);
    const regulation = await this.requireRegulation(tenant, code);
    const citizen = await this.sessions.currentCitizen(request, tenant.id);
    const values = readFilingForm(post.fields);
    if (!IDEMPOTENCY_KEY.test(values.idempotencyKey)) values.idempotencyKey = randomUUID();
    const filesChosen = post.files.length > 0 || post.tooLarge.length > 0;
    const invalid = async (errors: FieldError[]): Promise<FilingOutcome> => ({
      status: 400,
      html: await this.render(tenant, regulation, values, errors, filesChosen, citizen, request.url),
    });

    const { input, errors } = filingInput(regulation.code, values, todayInAmsterdam());
    for (const name of post.tooLarge) {
      errors.push({
        field: 'attachments',
        message: `${name} is groter dan ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB. Kies een kleiner bestand.`,
      });
    }
    let dto: FileObjectionDto | undefined;
    try {
      dto = await validateInput(FileObjectionDto, input);
    } catch (failure) {
      if (!(failure instanceof ProblemError) || !failure.errors) throw failure;
      const own = new Set(errors.map((e) => errorKey(e.field)));
      errors.push(...failure.errors.filter((e) => !own.has(errorKey(e.field))));
    }
    if (errors.length || !dto) return invalid(errors);

    try {
      const { response } = await this.filing.file({
        tenant,
        idempotencyKey: values.idempotencyKey,
        input: dto,
        files: post.files,
        // A DigiD login counts as a signature (Awb 2:16) and links the case to "Mijn bezwaren".
        citizenSubject: citizen?.subject,
      });
      // The case link's last segment is the citizen's secret token.
      const token = response.caseUrl.split('/').pop() ?? '';
      return {
        status: 303,
        location: `/${encodeURIComponent(tenant.slug)}/zaak/${encodeURIComponent(token)}?ontvangen=1`,
      };
    } catch (failure) {
      if (!(failure instanceof ProblemError) || failure.status >= 500) throw failure;
      if (failure.code === 'idempotency-key-reused') {
        values.idempotencyKey = randomUUID();
        return invalid([
          {
            field: 'form',
            message:
              'U had dit formulier al eens verstuurd, met andere gegevens. Wilt u nog een bezwaar maken? Controleer alles en verstuur het formulier opnieuw.',
          },
        ]);
      }
      if (failure.errors?.length) return invalid(failure.errors);
      return invalid([
        { field: ATTACHMENT_PROBLEMS.has(failure.code) ? 'attachments' : 'form', message: failure.detail },
      ]);
    }
  }

  private render(
    tenant: TenantContext,
    regulation: Regulation,
    values: FilingFormValues,
    errors: FieldError[],
    filesChosen: boolean,
    citizen: CurrentCitizen | null,
    returnPath: string,
  ): Promise<string> {
    const view = filingFormView({ values, hints: regulation.definition.argumentHints, errors, filesChosen });
    const slug = encodeURIComponent(tenant.slug);
    return this.pages.render(tenant.slug, 'filing-form', `${errors.length ? 'Fout: ' : ''}Bezwaarformulier`, {
      ...view,
      regulation: { code: regulation.code, name: regulation.name },
      action: `/${encodeURIComponent(tenant.slug)}/bezwaar/${encodeURIComponent(regulation.code)}`,
      maxFiles: MAX_ATTACHMENTS,
      citizen: citizen ? { name: citizen.name } : null,
      loginUrl: `/${slug}/inloggen?terug=${encodeURIComponent(returnPath)}`,
    });
  }

  private async requireRegulation(tenant: TenantContext, code: string): Promise<Regulation> {
    const regulation = await this.regulations.findActive(tenant.id, code);
    if (!regulation) throw ProblemError.notFound('Deze gemeente kent geen regeling met deze naam.');
    return regulation;
  }
}
