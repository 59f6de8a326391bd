import type { FieldError } from '../common/problems/problem.error';
import { addDays, LocalDate, parseLocalDate } from '../deadlines/local-date';
import type { AuditResult } from './audit-record';

/** What a tenant admin searches the audit trail for; every filter optional, newest events first. */
export interface AuditFilters {
  /** A staff member's e-mail address, or the id of any actor (staff id, citizen subject, operator id). */
  actor?: string;
  /** An action (`case.read`) or its object type (`case`, matching every `case.*`). */
  action?: string;
  /** A case reference or another object's id. */
  object?: string;
  result?: AuditResult;
  from?: LocalDate;
  /** Inclusive. */
  to?: LocalDate;
  page: number;
}

export const AUDIT_PAGE_SIZE = 50;
const RESULTS: readonly AuditResult[] = ['success', 'refused', 'failed'];
const MAX_TEXT = 200;

/** Reads the filters of a query string (API and page alike); what is wrong comes back as field errors. */
export function readAuditFilters(query: Record<string, unknown>): {
  filters: AuditFilters;
  errors: FieldError[];
} {
  const errors: FieldError[] = [];
  const text = (field: string): string | undefined => {
    const value = query[field];
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string' || value.length > MAX_TEXT) {
      errors.push({ field, message: `Vul bij ${field} hoogstens ${MAX_TEXT} tekens in.` });
      return undefined;
    }
    return value.trim() || undefined;
  };
  const date = (field: string): LocalDate | undefined => {
    const value = text(field);
    if (value === undefined) return undefined;
    const parsed = parseLocalDate(value);
    if (!parsed) errors.push({ field, message: 'Vul een datum in als JJJJ-MM-DD, bijvoorbeeld 2026-12-01.' });
    return parsed ?? undefined;
  };
  const filters: AuditFilters = { page: 1 };
  const actor = text('actor');
  const action = text('action');
  const object = text('object');
  if (actor) filters.actor = actor;
  if (action) filters.action = action;
  if (object) filters.object = object;
  const result = text('result');
  if (result !== undefined) {
    if ((RESULTS as readonly string[]).includes(result)) filters.result = result as AuditResult;
    else
      errors.push({
        field: 'result',
        message: 'Kies gelukt (success), geweigerd (refused) of mislukt (failed).',
      });
  }
  const from = date('from');
  const to = date('to');
  if (from) filters.from = from;
  if (to) filters.to = to;
  if (from && to && to < from) errors.push({ field: 'to', message: 'De einddatum ligt voor de begindatum.' });
  const page = text('page');
  if (page !== undefined) {
    if (/^[1-9]\d{0,5}$/.test(page)) filters.page = Number(page);
    else errors.push({ field: 'page', message: 'Het paginanummer is een heel getal vanaf 1.' });
  }
  return { filters, errors };
}

/** The WHERE clause and its parameters after `$1` (the tenant); dates are days in Amsterdam. */
export function auditWhere(filters: AuditFilters): { sql: string; params: unknown[] } {
  const clauses = ['e.tenant_id = $1'];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length + 1}`;
  };
  if (filters.actor) {
    const p = param(filters.actor);
    clauses.push(
      `(e.actor_id = ${p} OR e.actor_id IN (SELECT s.id::text FROM staff_users s WHERE s.tenant_id = e.tenant_id AND s.email = lower(${p})))`,
    );
  }
  if (filters.action) {
    const p = param(filters.action);
    clauses.push(`(e.action = ${p} OR e.action LIKE ${p} || '.%')`);
  }
  if (filters.object) {
    const p = param(filters.object);
    clauses.push(`(e.object_id = ${p} OR e.case_reference = ${p})`);
  }
  if (filters.result) clauses.push(`e.result = ${param(filters.result)}`);
  if (filters.from)
    clauses.push(
      `e.occurred_at >= (${param(filters.from)}::date::timestamp AT TIME ZONE 'Europe/Amsterdam')`,
    );
  if (filters.to) {
    clauses.push(
      `e.occurred_at < (${param(addDays(filters.to, 1))}::date::timestamp AT TIME ZONE 'Europe/Amsterdam')`,
    );
  }
  return { sql: clauses.join(' AND '), params };
}
