import { Injectable } from '@nestjs/common';
import { StaffPrincipal } from '../auth/staff-principal';
import { ProblemError } from '../common/problems/problem.error';
import { dateTimeText } from '../staff-pages/case-text';
import { adminHome } from '../staff-pages/request-checks';
import { ADMIN_SECTIONS, PageOutcome, StaffPagesService } from '../staff-pages/staff-pages.service';
import { TenantContext } from '../tenancy/tenant-context';
import { isLetterKind, LetterKind } from './letter-kinds';
import { TemplateOrigin } from './letter-templates';
import { LetterTemplateSummary, TenantLetterTemplatesService } from './tenant-letter-templates.service';

/** The textarea of the edit page: its name and id (the error summary links to it). */
export const TEMPLATE_FIELD = 'tekst';

const ORIGIN_WORDS: Record<TemplateOrigin, string> = {
  tenant: 'Eigen tekst van de gemeente',
  file: 'Tekst uit het configuratiebestand van de gemeente',
  default: 'Standaardtekst van het platform',
};

const DONE: Record<string, string> = {
  opgeslagen: 'De brief is opgeslagen. De volgende brief van dit soort gebruikt deze tekst.',
  teruggezet: 'De eigen tekst is verwijderd. Brieven van dit soort gebruiken weer de tekst hieronder.',
};

/** The help under the textarea: how a letter template is written (passed as data: the page escapes it). */
const WRITING_HELP = [
  'Een waarde zet u tussen dubbele accolades, zoals {{reference}}. Welke waarden er zijn, staat hieronder.',
  'Een regel die begint met "## " wordt een kop. Een regel als "Kenmerk:: {{reference}}" wordt een gegeven met het label vet. Een witregel begint een nieuwe alinea.',
  'Iets alleen soms tonen: {{#if representativeName}} … {{else}} … {{/if}}. Een lijst: {{#each reasoning}}{{this}}{{/each}}.',
];

/**
 * The admin's letter pages (`/:tenant/behandelaar/beheer/brieven`): the kinds with where their text comes
 * from, and per kind the text to edit, the values it can use, a preview as PDF, and a reset.
 */
@Injectable()
export class LetterAdminPagesService {
  constructor(
    private readonly pages: StaffPagesService,
    private readonly templates: TenantLetterTemplatesService,
  ) {}

  async list(tenant: TenantContext, staff: StaffPrincipal): Promise<string> {
    const rows = (await this.templates.list(tenant)).map((summary) => ({
      name: summary.name,
      href: this.kindHref(tenant, summary.kind),
      origin: ORIGIN_WORDS[summary.origin],
      updated: updatedText(summary),
    }));
    return this.pages.renderAdmin(
      tenant,
      'letters',
      'admin/letters',
      ADMIN_SECTIONS.letters.label,
      { rows },
      { viewer: staff },
    );
  }

  async edit(
    tenant: TenantContext,
    staff: StaffPrincipal,
    kind: string,
    done?: unknown,
    problem?: { source: string; messages: string[] },
  ): Promise<string> {
    const letterKind = requireKind(kind);
    const detail = await this.templates.get(tenant, letterKind);
    const errors = problem?.messages.map((message) => ({ href: `#${TEMPLATE_FIELD}`, message })) ?? [];
    const field = {
      id: TEMPLATE_FIELD,
      name: TEMPLATE_FIELD,
      value: problem?.source ?? detail.source,
      error: problem
        ? problem.messages.length === 1
          ? problem.messages[0]
          : `De tekst heeft ${problem.messages.length} problemen: zie de lijst bovenaan.`
        : undefined,
    };
    const href = this.kindHref(tenant, letterKind);
    return this.pages.renderAdmin(
      tenant,
      'letters',
      'admin/letter-edit',
      detail.name,
      {
        backHref: `${adminHome(tenant.slug)}${ADMIN_SECTIONS.letters.path}`,
        name: detail.name,
        origin: ORIGIN_WORDS[detail.origin],
        updated: detail.origin === 'tenant' ? updatedText(detail) : undefined,
        unusable: detail.problems,
        done: typeof done === 'string' ? DONE[done] : undefined,
        errors,
        field,
        help: WRITING_HELP,
        required: detail.values.filter((v) => v.required).map(valueRow),
        optional: detail.values.filter((v) => !v.required).map(valueRow),
        saveAction: href,
        previewAction: `${href}/voorbeeld`,
        resetAction: detail.origin === 'tenant' ? `${href}/standaard` : undefined,
      },
      { viewer: staff, hasErrors: Boolean(problem) },
    );
  }

  /** Saves the posted text: on to the page with a confirmation, or the page again with every problem. */
  async save(
    tenant: TenantContext,
    staff: StaffPrincipal,
    kind: string,
    body: unknown,
  ): Promise<PageOutcome> {
    const letterKind = requireKind(kind);
    const source = postedSource(body);
    try {
      await this.templates.save(tenant.id, staff.userId, letterKind, source);
    } catch (error) {
      return this.refused(tenant, staff, letterKind, source, error);
    }
    return { redirect: `${this.kindHref(tenant, letterKind)}?gedaan=opgeslagen` };
  }

  /** The posted text as a PDF with Bo's case, without saving it; or the page with its problems. */
  async preview(
    tenant: TenantContext,
    staff: StaffPrincipal,
    kind: string,
    body: unknown,
  ): Promise<{ pdf: Buffer } | PageOutcome> {
    const letterKind = requireKind(kind);
    const source = postedSource(body);
    try {
      return { pdf: await this.templates.preview(tenant.id, letterKind, source) };
    } catch (error) {
      return this.refused(tenant, staff, letterKind, source, error);
    }
  }

  async reset(tenant: TenantContext, kind: string): Promise<PageOutcome> {
    const letterKind = requireKind(kind);
    await this.templates.reset(tenant.id, letterKind);
    return { redirect: `${this.kindHref(tenant, letterKind)}?gedaan=teruggezet` };
  }

  private async refused(
    tenant: TenantContext,
    staff: StaffPrincipal,
    kind: LetterKind,
    source: string,
    error: unknown,
  ): Promise<PageOutcome> {
    if (!(error instanceof ProblemError) || error.status !== 400) throw error;
    const messages = error.errors?.length ? error.errors.map((e) => e.message) : [error.detail];
    return { status: 400, html: await this.edit(tenant, staff, kind, undefined, { source, messages }) };
  }

  private kindHref(tenant: TenantContext, kind: LetterKind): string {
    return `${adminHome(tenant.slug)}${ADMIN_SECTIONS.letters.path}/${kind}`;
  }
}

function requireKind(kind: string): LetterKind {
  if (!isLetterKind(kind)) throw ProblemError.notFound('Deze brief bestaat niet.');
  return kind;
}

/** The textarea's text, with the browser's line ends made plain. */
function postedSource(body: unknown): string {
  const value =
    body && typeof body === 'object' ? (body as Record<string, unknown>)[TEMPLATE_FIELD] : undefined;
  const text = Array.isArray(value) ? value[0] : value;
  return typeof text === 'string' ? text.replace(/\r\n?/g, '\n') : '';
}

function updatedText(summary: Pick<LetterTemplateSummary, 'updatedAt' | 'updatedBy'>): string {
  if (!summary.updatedAt) return '—';
  const when = dateTimeText(summary.updatedAt.toISOString());
  return summary.updatedBy ? `${when} door ${summary.updatedBy}` : when;
}

function valueRow(value: { name: string; explanation: string }) {
  return { code: `{{${value.name}}}`, explanation: value.explanation };
}
