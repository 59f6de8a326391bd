import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { StaffPrincipal } from '../auth/staff-principal';
import { ProblemError } from '../common/problems/problem.error';
import { Database } from '../database/database.service';
import { enqueueEmail } from '../messaging/outbox';
import { isOpen, STATUS_LABELS } from '../objections/case-status';
import { Objection } from '../objections/objection.entity';
import { recordEvent, staffActor } from '../objections/timeline';
import { Regulation } from '../regulations/regulation.entity';
import { Tenant } from '../tenancy/tenant.entity';
import { ReferralPartner } from './referral-partner.entity';
import { referralEmail, referralSnapshot } from './referral-email';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Referring a citizen to one of the tenant's partners: recorded on the case and told to the citizen. */
@Injectable()
export class ReferralsService {
  constructor(private readonly database: Database) {}

  /** Active partners of the tenant; with a regulation id, that regulation's partners first. */
  partners(tenantId: string, regulationId?: string): Promise<ReferralPartner[]> {
    return this.database.forTenant(tenantId, async (db) => {
      const regulation =
        regulationId && UUID.test(regulationId)
          ? await db.getRepository(Regulation).findOneBy({ tenantId, id: regulationId })
          : null;
      return activePartners(db, tenantId, regulation);
    });
  }

  /** As partners(), for a regulation named by its code; an unknown code is a 400 on `regulation`. */
  partnersForRegulationCode(tenantId: string, code: string): Promise<ReferralPartner[]> {
    return this.database.forTenant(tenantId, async (db) => {
      const regulation = await db.getRepository(Regulation).findOneBy({ tenantId, code });
      if (!regulation) {
        throw ProblemError.invalid([
          { field: 'regulation', message: 'Deze regeling bestaat niet bij deze gemeente.' },
        ]);
      }
      return activePartners(db, tenantId, regulation);
    });
  }

  /**
   * Refers the citizen to a partner and names it. The event and the e-mail are written in one unit of work, so
   * the citizen is told exactly when the referral is on the case.
   */
  refer(
    tenantId: string,
    reference: string,
    partnerCode: string,
    by: StaffPrincipal,
    note?: string,
  ): Promise<{ code: string; name: string }> {
    return this.database.forTenant(tenantId, async (db) => {
      // Shared lock: a status change waits until the referral is on the case, and the other way round.
      const objection = await db
        .getRepository(Objection)
        .createQueryBuilder('o')
        .where('o.tenant_id = :tenantId AND o.reference = :reference', { tenantId, reference })
        .setLock('pessimistic_read')
        .getOne();
      if (!objection) throw ProblemError.notFound(`Er is geen bezwaar met kenmerk ${reference}.`);
      const partner = await db
        .getRepository(ReferralPartner)
        .findOneBy({ tenantId, code: partnerCode, active: true });
      if (!partner) {
        throw ProblemError.invalid([
          { field: 'partner', message: 'Kies een hulporganisatie uit de lijst van deze gemeente.' },
        ]);
      }
      if (!isOpen(objection.status)) {
        throw ProblemError.conflict(
          'case-closed',
          `Dit bezwaar is niet meer in behandeling (status ${STATUS_LABELS[objection.status]}). ` +
            'Doorverwijzen kan alleen bij een bezwaar dat nog loopt.',
        );
      }
      const referral = referralSnapshot(partner, note);
      await recordEvent(db, {
        tenantId,
        objectionId: objection.id,
        actor: staffActor(by.userId),
        kind: 'referral_sent',
        data: { ...referral },
      });
      const tenant = await db.getRepository(Tenant).findOneByOrFail({ id: tenantId });
      const email = referralEmail({
        tenant: { name: tenant.name, contact: tenant.profile.contact },
        reference: objection.reference,
        objector: objection.objector,
        representative: objection.representative,
        referral,
      });
      if (email) await enqueueEmail(db, tenantId, email);
      return { code: partner.code, name: partner.name };
    });
  }
}

/** By name; the regulation's own partners first, in the order the regulation lists them. */
async function activePartners(
  db: EntityManager,
  tenantId: string,
  regulation: Regulation | null,
): Promise<ReferralPartner[]> {
  const partners = await db
    .getRepository(ReferralPartner)
    .find({ where: { tenantId, active: true }, order: { name: 'ASC', code: 'ASC' } });
  const preferred = regulation?.definition.referralPartners ?? [];
  const rank = (p: ReferralPartner) => {
    const i = preferred.indexOf(p.code);
    return i < 0 ? preferred.length : i;
  };
  // Array sort is stable: partners of equal rank keep their name order.
  return partners.sort((a, b) => rank(a) - rank(b));
}
