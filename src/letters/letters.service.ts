import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { formatDutchDate } from '../deadlines/dutch-dates';
import { LocalDate } from '../deadlines/local-date';
import { announce } from '../metrics/app-events';
import { readLogo } from '../tenancy/tenant-settings-logo-store';
import { Tenant } from '../tenancy/tenant.entity';
import type { LetterKind } from './letter-kinds';
import { Letterhead, LetterLogo, parseLetterBody } from './letter-model';
import { checkLetterTemplate } from './letter-template-check';
import { storedTemplateSource } from './letter-template-store';
import { LetterTemplates, TemplateOrigin } from './letter-templates';
import { renderLetterPdf } from './pdf-renderer';

export interface LetterRequest {
  tenant: Tenant;
  kind: LetterKind;
  reference: string;
  subject: string;
  /** Name and address lines of whoever the letter goes to (the representative where there is one). */
  addressee: string[];
  /** ISO date the letter is dated. */
  date: string;
  context: Record<string, unknown>;
}

/** Results of checking a municipality's saved template, by kind and content (the check is pure). */
const MAX_CHECKED = 500;

/**
 * The one letter pipeline: template → text blocks → PDF/A with the municipality's letterhead and logo. The
 * template is the municipality's own (saved by its admin, read from the database with every letter, so every
 * replica uses a change from the next letter on), else its file `tenants/<slug>/templates/letters/<kind>.hbs`,
 * else the platform's `templates/letters/<kind>.hbs`. Every file template is checked at start-up: one that does
 * not compile or leaves out a part the law requires stops the application instead of producing a deficient
 * letter later. A saved template was checked when it was saved; one that a later release no longer accepts is
 * passed over for the file or default template, so that a letter is never deficient or fails to be made.
 */
@Injectable()
export class LettersService implements OnModuleInit {
  readonly templates: LetterTemplates;
  private readonly logger = new Logger('Letters');
  private readonly usable = new Map<string, boolean>();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.templates = new LetterTemplates(config.templatesDir, config.tenantsDir);
  }

  onModuleInit(): void {
    this.templates.assertValid();
  }

  /** A letter, inside the caller's unit of work (the municipality's template and logo are read in it). */
  async render(db: EntityManager, request: LetterRequest): Promise<Buffer> {
    const { source } = await this.template(db, request.tenant, request.kind);
    return this.pdf(request, source, await this.logo(db, request.tenant));
  }

  /** A letter from a template that is not saved (an admin's draft): the caller has checked it. */
  async renderDraft(db: EntityManager, request: LetterRequest, source: string): Promise<Buffer> {
    return this.pdf(request, source, await this.logo(db, request.tenant));
  }

  /** The template a municipality's letters of this kind are made from now, and where it comes from. */
  async template(
    db: EntityManager,
    tenant: Pick<Tenant, 'id' | 'slug'>,
    kind: LetterKind,
  ): Promise<{ source: string; origin: TemplateOrigin }> {
    const own = await storedTemplateSource(db, tenant.id, kind);
    if (own !== null && this.isUsable(kind, own)) return { source: own, origin: 'tenant' };
    if (own !== null) {
      this.logger.warn(
        `${tenant.slug}: the saved ${kind} template no longer passes the checks; using the file or default`,
      );
    }
    return this.templates.fileTemplate(tenant.slug, kind);
  }

  private isUsable(kind: LetterKind, source: string): boolean {
    const key = `${kind}:${createHash('sha256').update(source).digest('base64url')}`;
    let usable = this.usable.get(key);
    if (usable === undefined) {
      usable = checkLetterTemplate(kind, source).length === 0;
      if (this.usable.size >= MAX_CHECKED) this.usable.delete(this.usable.keys().next().value!);
      this.usable.set(key, usable);
    }
    return usable;
  }

  private async logo(db: EntityManager, tenant: Tenant): Promise<LetterLogo | null> {
    if (!tenant.profile.branding.logo) return null;
    const logo = await readLogo(db, tenant.id);
    return logo && { content: logo.content };
  }

  private pdf(request: LetterRequest, source: string, logo: LetterLogo | null): Promise<Buffer> {
    announce('letterRendered', { kind: request.kind });
    const body = this.templates.renderSource(source, request.context);
    return renderLetterPdf({
      letterhead: { ...letterheadOf(request.tenant), ...(logo ? { logo } : {}) },
      addressee: request.addressee,
      date: formatDutchDate(request.date as LocalDate, { weekday: false }),
      reference: request.reference,
      subject: request.subject,
      blocks: parseLetterBody(body),
      closing: ['Met vriendelijke groet,', '', request.tenant.profile.governingBody],
    });
  }
}

function letterheadOf(tenant: Tenant): Letterhead {
  const { contact, branding, governingBody } = tenant.profile;
  const postal = contact.postalAddress;
  return {
    municipality: tenant.name,
    governingBody,
    address: [`${postal.street} ${postal.houseNumber}`, `${postal.postalCode} ${postal.city}`],
    phone: contact.phone,
    email: contact.email,
    // Shown without the scheme: shorter on paper, and what people type.
    website: contact.website.replace(/^https?:\/\//, '').replace(/\/$/, ''),
    primaryColor: branding.primaryColor,
  };
}
