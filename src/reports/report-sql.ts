import { OPEN_STATUS_SQL } from '../objections/case-status';
import type { ReportPeriod } from './report';

/** One SQL statement with its bind parameters ($1 … $n). */
export interface SqlStatement {
  text: string;
  params: unknown[];
}

/**
 * The statements behind a report (see report.ts for what they feed). Every one names the tenant itself, on top
 * of row-level security. A period runs from the start of its first day to the start of the day after its last,
 * Amsterdam time; dates handed back are Amsterdam dates as `YYYY-MM-DD` text, the same on every driver.
 */
const ZONE = `'Europe/Amsterdam'`;
const periodStart = (param: string) => `(${param}::date::timestamp AT TIME ZONE ${ZONE})`;
const periodEnd = (param: string) => `((${param}::date + 1)::timestamp AT TIME ZONE ${ZONE})`;
const amsterdamDate = (instant: string) => `to_char(${instant} AT TIME ZONE ${ZONE}, 'YYYY-MM-DD')`;

export function regulationsStatement(tenantId: string): SqlStatement {
  return {
    text: `SELECT r.code, r.name FROM regulations r WHERE r.tenant_id = $1::uuid AND r.active ORDER BY r.name, r.code`,
    params: [tenantId],
  };
}

/**
 * Each case received in the period with what the report needs of it. A withdrawn or closed case ended at the
 * first event that ended it ('withdrawn', or the 'status_changed' to its status); a decided one at decided_at.
 * status_changed_at stands in for cases older than those events.
 */
export function casesStatement(tenantId: string, period: ReportPeriod): SqlStatement {
  return {
    text: `
      SELECT r.code AS "regulationCode",
             r.name AS "regulationName",
             o.status,
             o.outcome,
             ${amsterdamDate('o.received_at')} AS "receivedOn",
             ${amsterdamDate('o.first_contact_at')} AS "firstContactOn",
             ${amsterdamDate('o.decided_at')} AS "decidedOn",
             ${amsterdamDate(`CASE
               WHEN o.status = 'decided' THEN COALESCE(o.decided_at, closing.at, o.status_changed_at)
               WHEN o.status IN ('withdrawn', 'closed') THEN COALESCE(closing.at, o.status_changed_at)
             END`)} AS "endedOn",
             to_char(o.decision_term_ends, 'YYYY-MM-DD') AS "decisionTermEnds",
             EXISTS (
               SELECT 1 FROM objection_events c
                WHERE c.tenant_id = o.tenant_id AND c.objection_id = o.id AND c.kind = 'conversation'
             ) AS "hadConversation"
        FROM objections o
        JOIN regulations r ON r.tenant_id = o.tenant_id AND r.id = o.regulation_id
        LEFT JOIN LATERAL (
          SELECT min(e.at) AS at
            FROM objection_events e
           WHERE e.tenant_id = o.tenant_id AND e.objection_id = o.id
             AND o.status IN ('decided', 'withdrawn', 'closed')
             AND ((e.kind = 'withdrawn' AND o.status = 'withdrawn')
                  OR (e.kind = 'status_changed' AND e.data->>'to' = o.status))
        ) closing ON true
       WHERE o.tenant_id = $1::uuid
         AND o.received_at >= ${periodStart('$2')}
         AND o.received_at < ${periodEnd('$3')}
       ORDER BY o.received_at, o.id`,
    params: [tenantId, period.from, period.to],
  };
}

/** Penalties fixed and referrals sent in the period, oldest first. */
export function eventsStatement(tenantId: string, period: ReportPeriod): SqlStatement {
  return {
    text: `
      SELECT e.kind,
             e.data->>'partnerCode' AS "partnerCode",
             e.data->>'partnerName' AS "partnerName",
             CASE WHEN jsonb_typeof(e.data->'amountCents') = 'number' THEN e.data->>'amountCents' END AS "amountCents"
        FROM objection_events e
       WHERE e.tenant_id = $1::uuid
         AND e.kind IN ('penalty_fixed', 'referral_sent')
         AND e.at >= ${periodStart('$2')}
         AND e.at < ${periodEnd('$3')}
       ORDER BY e.at, e.id`,
    params: [tenantId, period.from, period.to],
  };
}

/** Open cases today (whenever received) that have a penalty date or whose decision term has passed. */
export function openAtRiskStatement(tenantId: string, today: string): SqlStatement {
  return {
    text: `
      SELECT to_char(o.penalty_starts_on, 'YYYY-MM-DD') AS "penaltyStartsOn",
             to_char(o.decision_term_ends, 'YYYY-MM-DD') AS "decisionTermEnds"
        FROM objections o
       WHERE o.tenant_id = $1::uuid
         AND o.status IN ${OPEN_STATUS_SQL}
         AND (o.penalty_starts_on IS NOT NULL OR o.decision_term_ends < $2::date)`,
    params: [tenantId, today],
  };
}
