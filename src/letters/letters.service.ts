import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Tenant } from '../tenancy/tenant.entity';
import type { LetterKind } from './letter-kinds';
import { LetterTemplates } from './letter-templates';
import { formatDutchDate } from '../deadlines/dutch-dates';
import { LocalDate } from '../deadlines/local-date';
import { Letterhead, parseLetterBody } from './letter-model';
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

/**
 * The one letter pipeline: template (tenant override or default) → text blocks → PDF/A with letterhead.
 * Every template is checked at start-up: a default or a municipality's own template that does not compile or
 * leaves out a part the law requires stops the application instead of producing a deficient letter later.
 */
@Injectable()
export class LettersService implements OnModuleInit {
  private readonly templates: LetterTemplates;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.templates = new LetterTemplates(config.templatesDir, config.tenantsDir);
  }

  onModuleInit(): void {
    this.templates.assertValid();
  }

  render(request: LetterRequest): Promise<Buffer> {
    const body = this.templates.render(request.tenant.slug, request.kind, request.context);
    return renderLetterPdf({
      letterhead: letterheadOf(request.tenant),
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
