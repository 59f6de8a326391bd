import { Inject, Injectable, Logger } from '@nestjs/common';
import { instanceToPlain } from 'class-transformer';
import { createHash, randomUUID } from 'node:crypto';
import { EntityManager, QueryFailedError } from 'typeorm';
import { ProblemError } from '../common/problems/problem.error';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Database } from '../database/database.service';
import { AtwCalendar } from '../deadlines/atw-calendar';
import { LegalCalendarService } from '../deadlines/legal-calendar.service';
import { amsterdamDateOf, LocalDate, todayInAmsterdam } from '../deadlines/local-date';
import { AcceptedFile, acceptAttachments, IncomingFile } from '../documents/attachment-policy';
import { DocumentsService } from '../documents/documents.service';
import { announce } from '../metrics/app-events';
import { Regulation } from '../regulations/regulation.entity';
import { RegulationsService } from '../regulations/regulations.service';
import { analyzeText, LEXICON_VERSIONS } from '../signals';
import { FieldCipher } from '../crypto/field-cipher';
import { TenantContext } from '../tenancy/tenant-context';
import { CaseLinks } from './case-links';
import { FileObjectionDto, FilingResponseDto } from './dto/file-objection.dto';
import { FilingReceiptsService } from './filing-receipts.service';
import { nameAndAddressKey, REPEAT_OBJECTIONS, REPEAT_WINDOW_MONTHS } from './repeat-objector';
import { caseReference, filingTerms, MISSING_ELEMENT_LABELS, missingElements } from './filing-rules';
import { Objection } from './objection.entity';
import { derivedColumns } from './case-derived';
import { recordEvent } from './timeline';

export interface FilingRequest {
  /** As TenantGuard resolved it from the path. */
  tenant: TenantContext;
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

/** A filing that passed every check and is ready to be stored. */
interface AcceptedFiling {
  reference: string;
  receivedAt: Date;
  tenant: TenantContext;
  regulation: Regulation;
  calendar: AtwCalendar;
  request: FilingRequest;
  requestHash: string;
  attachments: AcceptedFile[];
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,200}$/;

/**
 * Files an objection: everything (case, timeline, attachments, the job that makes the receipt and its e-mail,
 * idempotency key) is one transaction, so a filing is either wholly there or not at all, and a retry with the same Idempotency-Key
 * returns the first answer instead of filing twice, also when both arrive at the same moment.
 */
@Injectable()
export class ObjectionFilingService {
  private readonly logger = new Logger('Filing');
  private readonly caseLinks: CaseLinks;

  constructor(
    private readonly database: Database,
    private readonly receipts: FilingReceiptsService,
    private readonly calendars: LegalCalendarService,
    private readonly cipher: FieldCipher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.caseLinks = new CaseLinks(config.tokenSecret, config.publicUrl);
  }

  async file(request: FilingRequest): Promise<FilingResult> {
    if (!IDEMPOTENCY_KEY.test(request.idempotencyKey)) {
      throw new ProblemError(
        400,
        'idempotency-key',
        'Idempotency-Key ontbreekt of klopt niet',
        'Stuur een header Idempotency-Key (8 tot 200 tekens: letters, cijfers, _ . : -) zodat een herhaald verzoek nooit twee keer wordt ingediend.',
      );
    }
    const { tenant } = request;
    const attachments = await acceptAttachments(request.files);
    const requestHash = hashRequest(
      request.input,
      attachments.map((a) => a.sha256),
    );
    const receivedAt = new Date();
    const admission = await this.database.forTenant(tenant.id, (db) =>
      this.admit(db, request, requestHash, receivedAt),
    );
    if ('replayed' in admission) return admission;
    const { regulation, reference } = admission;
    const calendar = await this.calendars.current();
    try {
      const response = await this.database.forTenant(tenant.id, (db) =>
        this.store(db, {
          reference,
          receivedAt,
          tenant,
          regulation,
          calendar,
          request,
          requestHash,
          attachments,
        }),
      );
      announce('objectionFiled', { tenant: tenant.slug });
      return { response, replayed: false };
    } catch (error) {
      // A concurrent request with the same key committed first: answer as it did.
      if (isUniqueViolation(error, 'idempotency_keys_pkey')) {
        const replayed = await this.database.forTenant(tenant.id, (db) =>
          this.replay(db, tenant, request.idempotencyKey, requestHash),
        );
        if (replayed) return replayed;
      }
      throw error;
    }
  }

  /**
   * Before anything is stored, in one short transaction: the answer to an earlier request with the same key, or
   * the checks against the regulation and then the case's reference. The reference is taken last, like a
   * sequence: the counter row is locked only until this transaction commits, so filings do not queue behind it
   * for the whole of each other's filing. A filing that fails after this leaves its number unused; references
   * are unique and in order of receipt, not gapless (unlike invoice numbers).
   */
  private async admit(
    db: EntityManager,
    request: FilingRequest,
    requestHash: string,
    receivedAt: Date,
  ): Promise<FilingResult | { regulation: Regulation; reference: string }> {
    const { tenant } = request;
    const earlier = await this.replay(db, tenant, request.idempotencyKey, requestHash);
    if (earlier) return earlier;
    const regulation = await checkAgainstRegulation(db, tenant.id, request.input);
    return { regulation, reference: await nextReference(db, tenant, receivedAt) };
  }

  private async replay(
    db: EntityManager,
    tenant: TenantContext,
    key: string,
    requestHash: string,
  ): Promise<FilingResult | null> {
    const [row] = (await db.query(
      `SELECT request_hash, objection_id, response FROM idempotency_keys WHERE tenant_id = $1 AND key = $2`,
      [tenant.id, key],
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

  /** Who filed, as blind indexes only: the BSN's (after a DigiD login) and that of name and address. */
  private async personIndexes(
    db: EntityManager,
    tenantId: string,
    input: FileObjectionDto,
    citizenSubject: string | undefined,
  ): Promise<{ bsn: string | null; naw: string | null }> {
    const [citizen] = citizenSubject
      ? ((await db.query(`SELECT bsn_index FROM citizens WHERE tenant_id = $1 AND subject = $2`, [
          tenantId,
          citizenSubject,
        ])) as { bsn_index: string | null }[])
      : [];
    const key = nameAndAddressKey(input.objector);
    return {
      bsn: citizen?.bsn_index ?? null,
      naw: key ? this.cipher.blindIndex(`naw:${key}`, tenantId) : null,
    };
  }

  private async store(db: EntityManager, filing: AcceptedFiling): Promise<FilingResponseDto> {
    const { reference, receivedAt, tenant, regulation, calendar, request, requestHash, attachments } = filing;
    const { input } = request;
    const terms = filingTerms(calendar, regulation.definition, input.decision.date as LocalDate, receivedAt);
    const grounds = { hints: input.grounds?.hints ?? [], text: input.grounds?.text?.trim() || undefined };
    const missing = missingElements({
      objector: input.objector,
      grounds,
      decision: input.decision,
      signed: Boolean(request.citizenSubject) || input.signed === true,
    });

    const person = await this.personIndexes(db, tenant.id, input, request.citizenSubject);
    const [{ earlier }] = (await db.query(
      `SELECT count(*)::int AS earlier FROM objections
        WHERE tenant_id = $1 AND received_at > $2::timestamptz - make_interval(months => $3)
          AND (person_bsn_index = $4 OR person_naw_index = $5)`,
      [tenant.id, receivedAt.toISOString(), REPEAT_WINDOW_MONTHS, person.bsn, person.naw],
    )) as { earlier: number }[];

    const objections = db.getRepository(Objection);
    const facts = {
      status: 'received' as const,
      timely: terms.timely,
      decisionTermEnds: terms.decisionTermEnds,
      missingElements: missing,
      // Computed at receipt so the inbox can show who is angry or in trouble on several fronts.
      signals: {
        ...analyzeText(grounds.text ?? '', { extraTerms: tenant.profile.signals }),
        lexicons: LEXICON_VERSIONS,
      },
      repeatObjector: earlier + 1 >= REPEAT_OBJECTIONS,
    };
    // Ids made here, so the case, its secret link and its receipt are one insert.
    const objectionId = randomUUID();
    const receiptDocumentId = randomUUID();
    const token = this.caseLinks.token(tenant.id, objectionId);
    await objections.insert({
      ...facts,
      ...derivedColumns(facts),
      tenantId: tenant.id,
      id: objectionId,
      reference,
      regulationId: regulation.id,
      regulationVersion: regulation.version,
      receivedAt,
      decision: plain(input.decision),
      objector: plain(input.objector),
      representative: input.representative ? plain(input.representative) : null,
      grounds,
      wantsHearing: input.wantsHearing ?? null,
      contactPreference: input.contactPreference ?? null,
      channel: 'portal',
      objectionTermEnds: terms.objectionTermEnds,
      decisionTermBase: terms.decisionTermEnds,
      citizenSubject: request.citizenSubject ?? null,
      receiptDocumentId,
      personBsnIndex: person.bsn,
      personNawIndex: person.naw,
      caseTokenHash: CaseLinks.hash(token),
    });

    await recordEvent(
      db,
      {
        tenantId: tenant.id,
        objectionId,
        actor: 'citizen',
        kind: 'filed',
        data: { timely: terms.timely, missingElements: missing, attachments: attachments.length },
      },
      receivedAt,
    );
    for (const attachment of attachments) {
      await DocumentsService.store(db, tenant.id, { objectionId, kind: 'attachment', ...attachment });
    }

    await this.receipts.schedule(db, tenant.id, objectionId);
    const caseUrl = this.caseLinks.url(tenant.slug, token);

    const response: FilingResponseDto = {
      reference,
      timely: terms.timely,
      objectionTermEnds: terms.objectionTermEnds,
      decisionTermEnds: terms.decisionTermEnds,
      caseUrl,
      receivedAt: receivedAt.toISOString(),
      missingElements: missing.map((code) => ({ code, label: MISSING_ELEMENT_LABELS[code] })),
      receiptDocumentId,
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

/** The regulation, and the checks that need it (hints, dates, a way to reach the objector). */
async function checkAgainstRegulation(
  db: EntityManager,
  tenantId: string,
  input: FileObjectionDto,
): Promise<Regulation> {
  const regulation = await RegulationsService.findActiveIn(db, tenantId, input.regulation);
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

/** The next number of the tenant's counter for the year of receipt (see admit). */
async function nextReference(db: EntityManager, tenant: TenantContext, receivedAt: Date): Promise<string> {
  const year = Number(amsterdamDateOf(receivedAt).slice(0, 4));
  const [{ last }] = (await db.query(
    `INSERT INTO reference_counters (tenant_id, year, last) VALUES ($1, $2, 1)
     ON CONFLICT (tenant_id, year) DO UPDATE SET last = reference_counters.last + 1 RETURNING last`,
    [tenant.id, year],
  )) as { last: number }[];
  return caseReference(tenant.slug, year, last);
}
