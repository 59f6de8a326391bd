import { RouteConfig } from '@nestjs/platform-fastify';

/** The key under which a route's declared audit action travels in Fastify's route config. */
export const AUDIT_ACTION = 'auditAction';

/**
 * Marks a GET route that shows personal data of a case (a case, its documents, an export, a list with names):
 * every call is written to the audit trail as `action`, like every change is without being marked. The object
 * is read from the route's path parameters (`:reference`, `:id` …), never from the answer.
 */
export const Audited = (action: string) => RouteConfig({ [AUDIT_ACTION]: action });
