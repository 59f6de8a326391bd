import { Inject, Injectable } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Database } from '../database/database.service';
import { AtwCalendar } from '../deadlines/atw-calendar';
import { LegalCalendarService } from '../deadlines/legal-calendar.service';
import { LocalDate, todayInAmsterdam } from '../deadlines/local-date';
import { CaseFlag } from '../objections/case-flags';
import { OBJECTION_STATUSES, ObjectionStatus } from '../objections/case-status';
import { DeadlineKind } from '../objections/next-deadline';
import { LifeDomainCode, SentimentLabel } from '../signals';
import { TenantContext } from '../tenancy/tenant-context';
import {
  decodeCursor,
  DEFAULT_LIMIT,
  encodeCursor,
  InboxCounts,
  InboxItem,
  InboxPage,
  InboxQuery,
  MAX_LIMIT,
} from './inbox-query';
import {
  InboxRow,
  InboxScope,
  openCountStatement,
  pageStatement,
  SqlStatement,
  statusCountStatement,
} from './inbox-sql';

/** When tenant.yaml says nothing: a week of working days. */
const DEFAULT_AT_RISK_WORKING_DAYS = 5;

/** The handler's inbox: one page of cases in deadline (or receipt) order, with the tenant's counts. */
@Injectable()
export class InboxService {
  /** Cursors are signed with a key of their own, derived from the token secret every replica shares. */
  private readonly cursorKey: Buffer;

  constructor(
    private readonly database: Database,
    private readonly legalCalendar: LegalCalendarService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cursorKey = createHmac('sha256', config.tokenSecret).update('inbox-cursor').digest();
  }

  async list(tenant: TenantContext, viewerUserId: string, asked: InboxQuery): Promise<InboxPage> {
    // Callers other than the API (the staff pages) build the query themselves: keep the page size in bounds.
    const query = {
      ...asked,
      limit: Math.min(Math.max(Math.trunc(asked.limit) || DEFAULT_LIMIT, 1), MAX_LIMIT),
    };
    const sort = query.sort ?? 'deadline';
    const after = query.cursor ? decodeCursor(query.cursor, sort, this.cursorKey) : undefined;
    // Read before the unit of work: the calendar may refresh itself through a unit of its own.
    const calendar = await this.legalCalendar.current();
    const today = todayInAmsterdam();

    return this.database.forTenant(tenant.id, async (db) => {
      const atRiskUntil = calendar.addWorkingDays(today, await atRiskWorkingDays(db, tenant.id));
      const scope: InboxScope = { tenantId: tenant.id, viewerUserId, today, atRiskUntil };
      const rows = await run<InboxRow>(db, pageStatement(query, scope, after));
      const counts = await this.counts(db, scope);

      const page = rows.slice(0, query.limit);
      const last = rows.length > query.limit ? page[page.length - 1] : undefined;
      return {
        items: page.map((row) => toItem(row, calendar, today, atRiskUntil)),
        nextCursor: last ? encodeCursor(positionOf(last, sort), this.cursorKey) : null,
        counts,
        today,
        atRiskUntil,
      };
    });
  }

  private async counts(db: EntityManager, scope: InboxScope): Promise<InboxCounts> {
    const byStatus = Object.fromEntries(OBJECTION_STATUSES.map((s) => [s, 0])) as Record<
      ObjectionStatus,
      number
    >;
    for (const { status, count } of await run<{ status: ObjectionStatus; count: number }>(
      db,
      statusCountStatement(scope),
    )) {
      if (status in byStatus) byStatus[status] = Number(count);
    }
    const [open] = await run<{ overdue: number; at_risk: number; mine: number; unassigned: number }>(
      db,
      openCountStatement(scope),
    );
    return {
      byStatus,
      overdue: Number(open.overdue),
      atRisk: Number(open.at_risk),
      mine: Number(open.mine),
      unassigned: Number(open.unassigned),
    };
  }
}

async function run<T>(db: EntityManager, statement: SqlStatement): Promise<T[]> {
  return (await db.query(statement.text, statement.params)) as T[];
}

/** The tenants table is the platform's registry, readable inside a tenant's unit of work. */
async function atRiskWorkingDays(db: EntityManager, tenantId: string): Promise<number> {
  const [row] = await run<{ days: string | null }>(db, {
    text: `SELECT profile->'settings'->>'atRiskWorkingDays' AS days FROM tenants WHERE id = $1::uuid`,
    params: [tenantId],
  });
  const days = Number(row?.days);
  return Number.isSafeInteger(days) && days >= 0 ? days : DEFAULT_AT_RISK_WORKING_DAYS;
}

function positionOf(row: InboxRow, sort: 'deadline' | 'received') {
  return sort === 'received'
    ? { sort, receivedAt: row.received_key, id: row.id }
    : { sort, nextDeadline: row.next_deadline, id: row.id };
}

/** Drivers differ on arrays: node-postgres parses text[] and jsonb, other paths may hand over the literal. */
function textArray(value: string[] | string | null): string[] {
  if (value === null) return [];
  if (Array.isArray(value)) return value;
  if (value.startsWith('[')) return JSON.parse(value) as string[];
  return value === '{}' ? [] : value.slice(1, -1).split(',');
}

function toItem(row: InboxRow, calendar: AtwCalendar, today: LocalDate, atRiskUntil: LocalDate): InboxItem {
  const deadline = row.next_deadline as LocalDate | null;
  return {
    reference: row.reference,
    status: row.status as ObjectionStatus,
    regulation: { code: row.regulation_code, name: row.regulation_name },
    objectorName: row.objector_name ?? '',
    receivedAt: row.received_at_iso,
    nextDeadline: deadline
      ? {
          date: deadline,
          kind: (row.next_deadline_kind ?? 'decision_term') as DeadlineKind,
          workingDaysLeft: calendar.workingDaysBetween(today, deadline),
        }
      : null,
    decisionTermEnds: row.decision_term_ends,
    overdue: deadline !== null && deadline < today,
    atRisk: deadline !== null && deadline >= today && deadline <= atRiskUntil,
    flags: textArray(row.flags) as CaseFlag[],
    sentiment:
      row.sentiment_label !== null
        ? { label: row.sentiment_label as SentimentLabel, score: Number(row.sentiment_score ?? 0) }
        : null,
    lifeDomains: textArray(row.life_domains) as LifeDomainCode[],
    assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name ?? '' } : null,
    timely: row.timely,
    awaitingReply: row.awaiting_reply,
  };
}
