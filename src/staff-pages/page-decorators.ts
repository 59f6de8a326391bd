import {
  applyDecorators,
  CallHandler,
  CanActivate,
  Controller,
  ExceptionFilter,
  ExecutionContext,
  Header,
  HttpCode,
  Injectable,
  NestInterceptor,
  Post,
  Type,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { map, Observable } from 'rxjs';
import { StaffErrorFilter } from './staff-error.filter';
import { SameOriginPostGuard, StaffSessionGuard, TenantAdminSessionGuard } from './staff-page.guards';
import { HTML, PageOutcome, REFERRER_POLICY, respond } from './staff-pages.service';

/**
 * The decorators of the server-rendered pages (staff, tenant admin, platform operator), so that each controller
 * says which kind of page it serves rather than repeating the guards, filter and headers that make it one.
 */

/** A controller of pages: not in the API document; form posts only from these pages; errors as HTML pages. */
export function PageController(path: string, filter: Type<ExceptionFilter>, ...guards: Type<CanActivate>[]) {
  return applyDecorators(
    ApiExcludeController(),
    Controller(path),
    UseGuards(SameOriginPostGuard, ...guards),
    UseFilters(filter),
  );
}

/** A municipality's staff pages (handlers and tenant admins), behind the staff session. */
export const StaffPages = (path: string) => PageController(path, StaffErrorFilter, StaffSessionGuard);

/** A municipality's admin pages (`/:tenant/behandelaar/beheer/...`), for tenant admins only. */
export const AdminPages = (path: string) => PageController(path, StaffErrorFilter, TenantAdminSessionGuard);

/** The staff pages one opens without a session: login, and the link from an invitation e-mail. */
export const PublicStaffPages = (path: string) => PageController(path, StaffErrorFilter);

/**
 * Never cached, and the page's address (with a case reference or a token) never sent to another site. Alone on
 * answers without a page of their own: a post that only redirects.
 */
export const NoStore = () =>
  applyDecorators(Header('cache-control', 'no-store'), Header('referrer-policy', REFERRER_POLICY));

/** An HTML page: NoStore, in HTML. */
export const HtmlPage = () => applyDecorators(Header('content-type', HTML), NoStore());

/** A file to download (CSV, PDF, export): NoStore, and the browser keeps to the file's own content type. */
export const Download = () => applyDecorators(NoStore(), Header('x-content-type-options', 'nosniff'));

/** Sends a handler's PageOutcome as the reply (see respond). */
@Injectable()
export class PageOutcomeInterceptor implements NestInterceptor<PageOutcome, string> {
  intercept(context: ExecutionContext, next: CallHandler<PageOutcome>): Observable<string> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(map((outcome) => respond(reply, outcome)));
  }
}

/**
 * A form post whose handler returns its PageOutcome: a 303 to the next page, or the page again with its status
 * (400 with the form's errors).
 */
export function FormPost(path?: string) {
  const decorate = applyDecorators(
    Post(path),
    HttpCode(200),
    HtmlPage(),
    UseInterceptors(PageOutcomeInterceptor),
  );
  // Typed so that a handler returning anything but a PageOutcome does not compile.
  return <T extends (...args: never[]) => Promise<PageOutcome>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<T>,
  ): void => decorate(target, key, descriptor);
}
