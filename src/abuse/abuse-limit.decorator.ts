import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { Surface } from './abuse-limits';
import { ABUSE_SURFACE, AbuseLimitGuard } from './abuse-limit.guard';

/**
 * Limits a route by the named limits of its surface (see SURFACES). On one handler the guards of the decorator
 * nearest the method run first: on a login, put @AbuseLimit below @UseGuards(LoginGuard), so that a refused
 * attempt costs no password hash.
 */
export const AbuseLimit = (surface: Surface) =>
  applyDecorators(SetMetadata(ABUSE_SURFACE, surface), UseGuards(AbuseLimitGuard));
