import { Inject, Injectable, Logger } from '@nestjs/common';
import { StaffPrincipal } from '../auth/staff-principal';
import { ProblemError } from '../common/problems/problem.error';
import { validateInput } from '../common/problems/validation';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Database } from '../database/database.service';
import { LegalCalendarService } from '../deadlines/legal-calendar.service';
import { todayInAmsterdam } from '../deadlines/local-date';
import { DocumentsService } from '../documents/documents.service';
import { LettersService } from '../letters/letters.service';
import { enqueueEmail } from '../messaging/outbox';
import { derivedColumns } from '../objections/case-derived';
import { lockCase } from '../objections/case-lock';
import { canMove, isOpen, ObjectionStatus, STATUS_LABELS } from '../objections/case-status';
import { Objection } from '../objections/objection.entity';
import { recordEvent, staffActor } from '../objections/timeline';
import { regulationAsFiled } from '../regulations/regulation-as-filed';
import { DEFAULT_COST_RATES } from '../tenancy/tenant-config.schema';
import { Tenant } from '../tenancy/tenant.entity';
import { DecisionDto, DecisionInput, DecisionRecordedDto } from './dto/decision.dto';
import { decisionLetter } from './decision-letter';
import { decisionNotice } from './decision-notice';
import { resolveDecision } from './decision-rules';

/**
 * Records the decision on an objection (beslissing op bezwaar) as one unit of work: the case moves through the
 * formal procedure to decided, the letter is rendered and stored as an immutable document, the objector is
 * told by e-mail where to find it, and the timeline says what was decided. Either all of it happens or none.
 */
@Injectable()
export class DecisionsService {
  private readonly logger = new Logger('Decisions');

  constructor(
    private readonly database: Database,
    private readonly letters: LettersService,
    private readonly calendars: LegalCalendarService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** For callers outside HTTP (the bulk worker): the input is checked as the endpoint checks its body. */
  async decide(
    tenantId: string,
    reference: string,
    input: DecisionInput,
    by: StaffPrincipal,
  ): Promise<{ documentId: string }> {
    return this.record(tenantId, reference, input, by);
  }

  async record(
    tenantId: string,
    reference: string,
    input: DecisionInput,
    by: StaffPrincipal,
  ): Promise<DecisionRecordedDto> {
    if (by.tenantId !== tenantId) throw ProblemError.forbidden();
    const decision = await validateInput(DecisionDto, input);
    // Read before the unit of work: a unit never opens another one (PGlite serialises them).
    const calendar = await this.calendars.current();
    return this.database.forTenant(tenantId, async (db) => {
      const objection = await lockCase(db, tenantId, { reference });
      if (!objection) throw ProblemError.notFound(`Er is geen bezwaar met kenmerk ${reference}.`);
      if (!isOpen(objection.status)) {
        throw ProblemError.conflict(
          'case-closed',
          `Dit bezwaar is al afgehandeld (status ${STATUS_LABELS[objection.status]}). Op een afgehandeld bezwaar ` +
            'wordt niet opnieuw beslist; een vastgelegde beslissing en haar brief veranderen niet meer.',
        );
      }
      const tenant = await db.getRepository(Tenant).findOneByOrFail({ id: tenantId });
      // The appeal route of the regulation as the case was filed under it.
      const regulation = await regulationAsFiled(db, objection);
      const resolved = resolveDecision(decision, objection, {
        today: todayInAmsterdam(),
        calendar,
        rates: tenant.profile.settings.costs ?? DEFAULT_COST_RATES,
      });

      const actor = staffActor(by.userId);
      const start = Date.now();
      let from = objection.status;
      // Each event its own moment, so the timeline (ordered by time) reads in the order things happened.
      const steps: ObjectionStatus[] =
        from === 'formal_procedure' ? ['decided'] : ['formal_procedure', 'decided'];
      for (const [i, to] of steps.entries()) {
        if (!canMove(from, to)) throw new Error(`status model does not allow ${from} → ${to}`);
        await recordEvent(
          db,
          {
            tenantId,
            objectionId: objection.id,
            actor,
            kind: 'status_changed',
            data: { from, to, ...(to === 'formal_procedure' ? { note: 'Beslissing op bezwaar' } : {}) },
          },
          new Date(start + i),
        );
        from = to;
      }
      const statusChangedAt = new Date(start + steps.length - 1);
      const decidedAt = new Date(start + steps.length);

      const pdf = await this.letters.render(
        db,
        decisionLetter({
          tenant,
          regulation,
          objection,
          outcome: decision.outcome,
          reasoning: decision.reasoning,
          revokedAndReplaced: decision.revokedAndReplaced,
          resolved,
        }),
      );
      const letter = await DocumentsService.store(db, tenantId, {
        objectionId: objection.id,
        kind: 'letter',
        filename: `beslissing-op-bezwaar-${objection.reference}.pdf`,
        mediaType: 'application/pdf',
        content: pdf,
      });

      // A ground the decision relied on that the case did not record yet is recorded with it.
      const hearing =
        resolved.hearing !== 'held' && !objection.hearing?.waiverGround
          ? { ...(objection.hearing ?? {}), waiverGround: resolved.hearing }
          : objection.hearing;
      await db.getRepository(Objection).update(
        { tenantId, id: objection.id },
        {
          status: 'decided',
          statusChangedAt,
          outcome: decision.outcome,
          decidedAt,
          costsCents: resolved.costs.cents,
          hearing,
          ...derivedColumns({ ...objection, status: 'decided' }),
        },
      );
      await recordEvent(
        db,
        {
          tenantId,
          objectionId: objection.id,
          actor,
          kind: 'decided',
          data: {
            outcome: decision.outcome,
            documentId: letter.id,
            hearing: resolved.hearing,
            costsCents: resolved.costs.cents,
            ...(decision.revokedAndReplaced
              ? { revokedAndReplaced: decision.revokedAndReplaced.trim() }
              : {}),
          },
        },
        decidedAt,
      );
      const email = decisionNotice({
        tenant,
        publicUrl: this.config.publicUrl,
        reference: objection.reference,
        objector: objection.objector,
        representative: objection.representative,
        filedWithDigid: Boolean(objection.citizenSubject),
      });
      if (email) await enqueueEmail(db, tenantId, email);
      this.logger.log(`Decided ${objection.reference}: ${decision.outcome}`);
      return {
        documentId: letter.id,
        reference: objection.reference,
        outcome: decision.outcome,
        status: 'decided' as const,
        hearing: resolved.hearing,
        costsCents: resolved.costs.cents,
        sendOn: resolved.sendOn,
        appealTermEnds: resolved.appealTermEnds,
        decidedAt: decidedAt.toISOString(),
      };
    });
  }
}
