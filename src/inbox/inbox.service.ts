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
import { isOpen, ObjectionStatus } from '../objections/case-status';
import { DeadlineKind } from '../objections/next-deadline';
import { LifeDomainCode, SentimentLabel } from '../signals';
import { TenantContext } from '../tenancy/tenant-context';
import { amsterdamStartOf, firstContactDueOn, lateContactCutoff } from './first-contact';
import {
  decodeCursor,
  DEFAULT_LIMIT,
  encodeCursor,
  InboxCounts,
  InboxItem,
  InboxPage,
  InboxPosition,
  InboxQuery,
  InboxSort,
  MAX_LIMIT,
} from './inbox-query';
import { InboxRow, InboxScope, pageStatement, SqlStatement } from './inbox-sql';
import {
  countsFromTallies,
  FOLD_AFTER_ROWS,
  foldStatement,
  Tally,
  TallyDay,
  tallyStatement,
} from './inbox-tallies';

/** When tenant.yaml says nothing: a week of working days, for both. */
const DEFAULT_AT_RISK_WORKING_DAYS = 5;
const DEFAULT_FIRST_CONTACT_WORKING_DAYS = 5;

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
      const settings = await workingDaySettings(db, tenant.id);
      const atRiskUntil = calendar.addWorkingDays(today, settings.atRisk);
      // Later pages by contact keep the first page's boundary (see ContactPosition).
      const lateIfReceivedBefore =
        after?.sort === 'contact'
          ? after.lateIfReceivedBefore
          : lateContactCutoff(calendar, today, settings.firstContact);
      const scope: InboxScope = {
        tenantId: tenant.id,
        viewerUserId,
        today,
        atRiskUntil,
        lateContactBefore: amsterdamStartOf(lateIfReceivedBefore).toISOString(),
      };
      const rows = await run<InboxRow>(db, pageStatement(query, scope, after));
      const counts = await this.counts(db, tenant.id, {
        today,
        atRiskUntil,
        lateIfReceivedBefore,
        viewerUserId,
      });

      const page = rows.slice(0, query.limit);
      const last = rows.length > query.limit ? page[page.length - 1] : undefined;
      const item = { calendar, today, atRiskUntil, scope, firstContactWorkingDays: settings.firstContact };
      return {
        items: page.map((row) => toItem(row, item)),
        nextCursor: last ? encodeCursor(positionOf(last, sort, lateIfReceivedBefore), this.cursorKey) : null,
        counts,
        today,
        atRiskUntil,
      };
    });
  }

  /** The counts from the tallies, folding them first when many rows have piled up since the last fold. */
  private async counts(db: EntityManager, tenantId: string, day: TallyDay): Promise<InboxCounts> {
    let tallies = await run<Tally & { rows: number }>(db, tallyStatement(tenantId));
    if (tallies.reduce((rows, t) => rows + t.rows, 0) - tallies.length > FOLD_AFTER_ROWS) {
      await run(db, foldStatement(tenantId));
      tallies = await run<Tally & { rows: number }>(db, tallyStatement(tenantId));
    }
    return countsFromTallies(tallies, day);
  }
}

async function run<T>(db: EntityManager, statement: SqlStatement): Promise<T[]> {
  return (await db.query(statement.text, statement.params)) as T[];
}

/** The tenants table is the platform's registry, readable inside a tenant's unit of work. */
async function workingDaySettings(
  db: EntityManager,
  tenantId: string,
): Promise<{ atRisk: number; firstContact: number }> {
  const [row] = await run<{ at_risk: string | null; first_contact: string | null }>(db, {
    text: `SELECT profile->'settings'->>'atRiskWorkingDays' AS at_risk,
        profile->'settings'->>'firstContactWorkingDays' AS first_contact
      FROM tenants WHERE id = $1::uuid`,
    params: [tenantId],
  });
  const days = (value: string | null | undefined, fallback: number) => {
    const n = Number(value ?? NaN);
    return Number.isSafeInteger(n) && n >= 0 ? n : fallback;
  };
  return {
    atRisk: days(row?.at_risk, DEFAULT_AT_RISK_WORKING_DAYS),
    // At least one day: contact on the day of receipt is never late.
    firstContact: Math.max(1, days(row?.first_contact, DEFAULT_FIRST_CONTACT_WORKING_DAYS)),
  };
}

function positionOf(row: InboxRow, sort: InboxSort, lateIfReceivedBefore: LocalDate): InboxPosition {
  if (sort === 'received') return { sort, receivedAt: row.received_key, id: row.id };
  if (sort === 'contact') {
    return {
      sort,
      late: row.contact_late === true,
      nextDeadline: row.next_deadline,
      id: row.id,
      lateIfReceivedBefore,
    };
  }
  return { sort, nextDeadline: row.next_deadline, id: row.id };
}

/** Drivers differ on arrays: node-postgres parses text[] and jsonb, other paths may hand over the literal. */
function textArray(value: string[] | string | null): string[] {
  if (value === null) return [];
  if (Array.isArray(value)) return value;
  if (value.startsWith('[')) return JSON.parse(value) as string[];
  return value === '{}' ? [] : value.slice(1, -1).split(',');
}

interface ItemContext {
  calendar: AtwCalendar;
  today: LocalDate;
  atRiskUntil: LocalDate;
  scope: InboxScope;
  firstContactWorkingDays: number;
}

function toItem(
  row: InboxRow,
  { calendar, today, atRiskUntil, scope, firstContactWorkingDays }: ItemContext,
): InboxItem {
  const deadline = row.next_deadline as LocalDate | null;
  const status = row.status as ObjectionStatus;
  const receivedAt = new Date(row.received_at_iso);
  return {
    reference: row.reference,
    status,
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
    firstContact: {
      at: row.first_contact_at_iso,
      dueOn: firstContactDueOn(calendar, receivedAt, firstContactWorkingDays),
      // The very boundary the SQL filter and order use, so late items and noContact=true always agree.
      late:
        isOpen(status) &&
        row.first_contact_at_iso === null &&
        receivedAt.getTime() < Date.parse(scope.lateContactBefore),
    },
    informalContactRunning: status === 'informal_contact',
    penaltyStartsOn: row.penalty_starts_on,
  };
}
