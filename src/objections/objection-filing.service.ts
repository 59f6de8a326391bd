import { Inject, Injectable, Logger } from '@nestjs/common';
import { instanceToPlain } from 'class-transformer';
import { createHash } from 'node:crypto';
import { EntityManager, QueryFailedError } from 'typeorm';
import { ProblemError } from '../common/problems/problem.error';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Database } from '../database/database.service';
import { defaultAtwCalendar } from '../deadlines/atw-calendar';
import { amsterdamDateOf, LocalDate, todayInAmsterdam } from '../deadlines/local-date';
import { acceptAttachments, IncomingFile } from '../documents/attachment-policy';
import { DocumentsService } from '../documents/documents.service';
import { LettersService } from '../letters/letters.service';
import { enqueueEmail } from '../messaging/outbox';
import { Regulation } from '../regulations/regulation.entity';
import { RegulationsService } from '../regulations/regulations.service';
import { Tenant } from '../tenancy/tenant.entity';
import { TenantsService } from '../tenancy/tenants.service';
import { CaseLinks } from './case-links';
import { FileObjectionDto, FilingResponseDto } from './dto/file-objection.dto';
import { caseReference, filingTerms, MISSING_ELEMENT_LABELS, missingElements } from './filing-rules';
import { Objection } from './objection.entity';
import { ObjectionEvent } from './objection-event.entity';

export interface FilingRequest {
  tenantSlug: string;
  idempotencyKey: string;
  input: FileObjectionDto;
  files: IncomingFile[];
  /** A citizen logged in through OpenID Connect (DigiD): counts as signed (Awb 2:16). */
  citizenSubject?: string;
}

export interface FilingResult {
  response: FilingResponseDto;
  /** True when this is the stored answer to an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,200}$/;

/**
 * Files an objection: everything (case, timeline, attachments, receipt, e-mail to send, idempotency key) is one
 * transaction, so a filing is either wholly there or not at all, and a retry with the same Idempotency-Key
 * returns the first answer instead of filing twice, also when both arrive at the same moment.
 */
@Injectable()
export class ObjectionFilingService {
  private readonly logger = new Logger('Filing');
  private readonly caseLinks: CaseLinks;

  constructor(
    private readonly database: Database,
    private readonly tenants: TenantsService,
    private readonly regulations: RegulationsService,
    private readonly letters: LettersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.caseLinks = new CaseLinks(config.tokenSecret, config.publicUrl);
  }

  async file(request: FilingRequest): Promise<FilingResult> {
    if (!IDEMPOTENCY_KEY.test(request.idempotencyKey)) {
      throw new ProblemError(
        400,
        'idempotency-key',
        'Idempotency-Key ontbreekt',
        'Stuur een header Idempotency-Key (8 tot 200 tekens: letters, cijfers, _ . : -) zodat een herhaald verzoek nooit twee keer wordt ingediend.',
      );
    }
    const tenant = await this.tenants.requireBySlug(request.tenantSlug);
    const attachments = await acceptAttachments(request.files);
    const requestHash = hashRequest(
      request.input,
      attachments.map((a) => a.sha256),
    );
    const earlier = await this.replay(tenant, request.idempotencyKey, requestHash);
    if (earlier) return earlier;

    const regulation = await this.requireRegulation(tenant.id, request.input);
    try {
      const response = await this.database.forTenant(tenant.id, (db) =>
        this.store(db, tenant, regulation, request, requestHash, attachments),
      );
      return { response, replayed: false };
    } catch (error) {
      // A concurrent request with the same key committed first: answer as it did.
      if (isUniqueViolation(error, 'idempotency_keys_pkey')) {
        const replayed = await this.replay(tenant, request.idempotencyKey, requestHash);
        if (replayed) return replayed;
      }
      throw error;
    }
  }

  private async replay(tenant: Tenant, key: string, requestHash: string): Promise<FilingResult | null> {
    const [row] = (await this.database.forTenant(tenant.id, (db) =>
      db.query(
        `SELECT request_hash, objection_id, response FROM idempotency_keys WHERE tenant_id = $1 AND key = $2`,
        [tenant.id, key],
      ),
    )) as { request_hash: string; objection_id: string; response: Omit<FilingResponseDto, 'caseUrl'> }[];
    if (!row) return null;
    if (row.request_hash !== requestHash) {
      throw new ProblemError(
        422,
        'idempotency-key-reused',
        'Kenmerk van het verzoek al gebruikt',
        'Deze Idempotency-Key hoort bij een ander bezwaar. Gebruik voor een nieuw bezwaar een nieuwe sleutel.',
      );
    }
    const caseUrl = this.caseLinks.url(tenant.slug, this.caseLinks.token(tenant.id, row.objection_id));
    return { response: { ...row.response, caseUrl }, replayed: true };
  }

  private async requireRegulation(tenantId: string, input: FileObjectionDto): Promise<Regulation> {
    const regulation = await this.regulations.findActive(tenantId, input.regulation);
    if (!regulation) {
      throw ProblemError.invalid([{ field: 'regulation', message: 'Kies een regeling van deze gemeente.' }]);
    }
    const known = new Set(regulation.definition.argumentHints.map((h) => h.code));
    const unknown = (input.grounds?.hints ?? []).findIndex((hint) => !known.has(hint));
    if (unknown >= 0) {
      throw ProblemError.invalid([
        { field: `grounds.hints[${unknown}]`, message: 'Kies de redenen uit de lijst bij deze regeling.' },
      ]);
    }
    if (input.decision.date > todayInAmsterdam()) {
      throw ProblemError.invalid([
        { field: 'decision.date', message: 'De datum van de brief ligt in de toekomst.' },
      ]);
    }
    const { objector } = input;
    if (!objector.email && !objector.phone && !objector.address && !input.representative?.email) {
      throw ProblemError.invalid([
        {
          field: 'objector',
          message: 'Vul uw adres, e-mailadres of telefoonnummer in, zodat wij u kunnen bereiken.',
        },
      ]);
    }
    return regulation;
  }

  private async store(
    db: EntityManager,
    tenant: Tenant,
    regulation: Regulation,
    request: FilingRequest,
    requestHash: string,
    attachments: Awaited<ReturnType<typeof acceptAttachments>>,
  ): Promise<FilingResponseDto> {
    const { input } = request;
    const receivedAt = new Date();
    const receivedDate = amsterdamDateOf(receivedAt);
    const terms = filingTerms(
      defaultAtwCalendar,
      regulation.definition,
      input.decision.date as LocalDate,
      receivedAt,
    );
    const grounds = { hints: input.grounds?.hints ?? [], text: input.grounds?.text?.trim() || undefined };
    const missing = missingElements({
      objector: input.objector,
      grounds,
      decision: input.decision,
      signed: Boolean(request.citizenSubject) || input.signed === true,
    });

    const year = Number(receivedDate.slice(0, 4));
    const [{ last }] = (await db.query(
      `INSERT INTO reference_counters (tenant_id, year, last) VALUES ($1, $2, 1)
       ON CONFLICT (tenant_id, year) DO UPDATE SET last = reference_counters.last + 1 RETURNING last`,
      [tenant.id, year],
    )) as { last: number }[];
    const reference = caseReference(tenant.slug, year, last);

    const objections = db.getRepository(Objection);
    const { identifiers } = await objections.insert({
      tenantId: tenant.id,
      reference,
      regulationId: regulation.id,
      status: 'received',
      receivedAt,
      decision: plain(input.decision),
      objector: plain(input.objector),
      representative: input.representative ? plain(input.representative) : null,
      grounds,
      wantsHearing: input.wantsHearing ?? null,
      contactPreference: input.contactPreference ?? null,
      channel: 'portal',
      timely: terms.timely,
      objectionTermEnds: terms.objectionTermEnds,
      decisionTermEnds: terms.decisionTermEnds,
      missingElements: missing,
      citizenSubject: request.citizenSubject ?? null,
    });
    const objectionId = identifiers[0].id as string;
    const token = this.caseLinks.token(tenant.id, objectionId);
    await objections.update(
      { tenantId: tenant.id, id: objectionId },
      { caseTokenHash: CaseLinks.hash(token) },
    );

    await db.getRepository(ObjectionEvent).insert({
      tenantId: tenant.id,
      objectionId,
      at: receivedAt,
      actor: 'citizen',
      kind: 'filed',
      data: { timely: terms.timely, missingElements: missing, attachments: attachments.length },
    });
    for (const attachment of attachments) {
      await DocumentsService.store(db, tenant.id, { objectionId, kind: 'attachment', ...attachment });
    }

    const addressee = input.representative ?? input.objector;
    const receiptPdf = await this.letters.render({
      tenant,
      kind: 'receipt',
      reference,
      subject: `Ontvangstbevestiging van uw bezwaar`,
      addressee: addresseeLines(input),
      date: receivedDate,
      context: {
        addresseeName: addressee.name,
        reference,
        receivedAt: amsterdamDateTime(receivedAt),
        regulationName: regulation.name,
        decisionLabel:
          [input.decision.description, input.decision.reference].filter(Boolean).join(', ') || '—',
        decisionDate: input.decision.date,
        representativeName: input.representative?.name ?? '',
        objectionTermEnds: terms.objectionTermEnds,
        decisionTermEnds: terms.decisionTermEnds,
        timely: terms.timely,
        missing: missing.map((m) => MISSING_ELEMENT_LABELS[m]),
        wantsHearing: input.wantsHearing === true,
        firstContactWorkingDays: tenant.profile.settings.firstContactWorkingDays,
        phone: tenant.profile.contact.phone,
        email: tenant.profile.contact.email,
      },
    });
    const receipt = await DocumentsService.store(db, tenant.id, {
      objectionId,
      kind: 'receipt',
      filename: `ontvangstbevestiging-${reference}.pdf`,
      mediaType: 'application/pdf',
      content: receiptPdf,
    });

    const caseUrl = this.caseLinks.url(tenant.slug, token);
    const recipients = [input.representative?.email, input.objector.email].filter((e): e is string =>
      Boolean(e),
    );
    if (recipients.length) {
      await enqueueEmail(db, tenant.id, {
        to: [recipients[0]],
        cc: recipients.slice(1),
        subject: `Ontvangstbevestiging bezwaar ${reference} - ${tenant.name}`,
        text: receiptEmailText({ tenant, reference, caseUrl, terms, addresseeName: addressee.name }),
        documentIds: [receipt.id],
      });
    }

    const response: FilingResponseDto = {
      reference,
      timely: terms.timely,
      objectionTermEnds: terms.objectionTermEnds,
      decisionTermEnds: terms.decisionTermEnds,
      caseUrl,
      receivedAt: receivedAt.toISOString(),
      missingElements: missing.map((code) => ({ code, label: MISSING_ELEMENT_LABELS[code] })),
      receiptDocumentId: receipt.id,
    };
    const { caseUrl: _secret, ...storable } = response;
    await db.query(
      `INSERT INTO idempotency_keys (tenant_id, key, request_hash, objection_id, response) VALUES ($1, $2, $3, $4, $5)`,
      [tenant.id, request.idempotencyKey, requestHash, objectionId, JSON.stringify(storable)],
    );
    this.logger.log(`Filed ${reference} (timely: ${terms.timely}, missing: ${missing.length})`);
    return response;
  }
}

function plain<T extends object>(dto: T): T {
  return JSON.parse(JSON.stringify(instanceToPlain(dto))) as T;
}

/** The same body (in any key order) with the same files hashes the same. */
function hashRequest(input: FileObjectionDto, attachmentHashes: string[]): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .filter(([, v]) => v !== undefined)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, v]) => [k, canonical(v)]),
          )
        : value;
  return createHash('sha256')
    .update(JSON.stringify([canonical(instanceToPlain(input)), attachmentHashes]))
    .digest('hex');
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string; message?: string };
  return (
    driverError.code === '23505' && (driverError.constraint ?? driverError.message ?? '').includes(constraint)
  );
}

function addresseeLines(input: FileObjectionDto): string[] {
  if (input.representative) {
    return [
      input.representative.name,
      input.representative.organisation,
      `namens ${input.objector.name}`,
    ].filter((line): line is string => Boolean(line));
  }
  const address = input.objector.address;
  return address
    ? [
        input.objector.name,
        `${address.street} ${address.houseNumber}`,
        `${address.postalCode.toUpperCase()} ${address.city}`,
      ]
    : [input.objector.name];
}

function amsterdamDateTime(instant: Date): string {
  return new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(instant);
}

function receiptEmailText(args: {
  tenant: Tenant;
  reference: string;
  caseUrl: string;
  terms: { objectionTermEnds: string; decisionTermEnds: string; timely: boolean };
  addresseeName: string;
}): string {
  const { tenant, reference, caseUrl, terms } = args;
  return [
    `Beste ${args.addresseeName},`,
    '',
    `Wij hebben uw bezwaar ontvangen. Uw kenmerk is ${reference}.`,
    `In de bijlage vindt u de ontvangstbevestiging.`,
    '',
    `Wij beslissen uiterlijk op ${terms.decisionTermEnds}.`,
    terms.timely ? '' : 'Uw bezwaar kwam na de termijn binnen. Laat ons weten waarom u te laat was.',
    `Volg uw bezwaar via deze persoonlijke link (deel hem niet met anderen):`,
    caseUrl,
    '',
    `Vragen? Bel ${tenant.profile.contact.phone} of mail ${tenant.profile.contact.email}.`,
    '',
    `Met vriendelijke groet,`,
    tenant.name,
  ].join('\n');
}
