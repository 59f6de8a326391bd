import { Injectable } from '@nestjs/common';
import { ProblemError } from '../common/problems/problem.error';
import { Database } from '../database/database.service';
import { Tenant } from '../tenancy/tenant.entity';
import {
  isLetterKind,
  LETTER_KIND_NAMES,
  LETTER_KINDS,
  LETTER_VALUE_EXPLANATIONS,
  LetterKind,
  REQUIRED_PARTS,
} from './letter-kinds';
import { letterValues, sampleLetter } from './letter-samples';
import { checkLetterTemplate, TemplateIssue } from './letter-template-check';
import { deleteTemplate, storedTemplates, storeTemplate } from './letter-template-store';
import { TemplateOrigin } from './letter-templates';
import { LettersService } from './letters.service';

/** One letter kind in the admin's list. */
export interface LetterTemplateSummary {
  kind: LetterKind;
  name: string;
  /** Whose template the letters are made from now. */
  origin: TemplateOrigin;
  /** When and by whom the municipality's own template was saved (null for a file or the platform's). */
  updatedAt: Date | null;
  updatedBy: string | null;
}

/** A value a template of this kind can use, what it means, and whether the law requires it. */
export interface LetterValue {
  name: string;
  explanation: string;
  required: boolean;
}

export interface LetterTemplateDetail extends LetterTemplateSummary {
  source: string;
  /** The required parts first, then the other values, in the order the letter has them. */
  values: LetterValue[];
  /**
   * A saved template that no longer passes the checks (after a release made them stricter) is not used; these say
   * why, so that the admin can fix it.
   */
  problems: string[];
}

/**
 * A municipality's own letter templates: listed with where each kind comes from, saved after the same check as
 * the platform's templates at start-up, previewed as a PDF with Bo's case through the real letter pipeline, and
 * reset to the file or platform template.
 */
@Injectable()
export class TenantLetterTemplatesService {
  constructor(
    private readonly database: Database,
    private readonly letters: LettersService,
  ) {}

  async list(tenant: { id: string; slug: string }): Promise<LetterTemplateSummary[]> {
    const stored = await this.database.forTenant(tenant.id, (db) => storedTemplates(db, tenant.id));
    return LETTER_KINDS.map((kind) => {
      const own = stored.find((t) => t.kind === kind);
      return {
        kind,
        name: LETTER_KIND_NAMES[kind],
        origin: own ? 'tenant' : this.letters.templates.fileTemplate(tenant.slug, kind).origin,
        updatedAt: own?.updatedAt ?? null,
        updatedBy: own?.updatedBy ?? null,
      };
    });
  }

  async get(tenant: { id: string; slug: string }, kind: LetterKind): Promise<LetterTemplateDetail> {
    requireKind(kind);
    const stored = await this.database.forTenant(tenant.id, (db) => storedTemplates(db, tenant.id));
    const own = stored.find((t) => t.kind === kind);
    const { source, origin } = own
      ? { source: own.source, origin: 'tenant' as const }
      : this.letters.templates.fileTemplate(tenant.slug, kind);
    const required = REQUIRED_PARTS[kind];
    const names = Object.keys(letterValues(kind));
    return {
      kind,
      name: LETTER_KIND_NAMES[kind],
      origin,
      updatedAt: own?.updatedAt ?? null,
      updatedBy: own?.updatedBy ?? null,
      source,
      values: [...required, ...names.filter((n) => !required.includes(n))].map((name) => ({
        name,
        explanation: LETTER_VALUE_EXPLANATIONS[name] ?? '',
        required: required.includes(name),
      })),
      problems: own ? checkLetterTemplate(kind, own.source).map((i) => i.message) : [],
    };
  }

  /** Checks and saves the municipality's template: its next letter of this kind, on every replica, uses it. */
  async save(tenantId: string, staffId: string | null, kind: LetterKind, source: string): Promise<void> {
    assertUsable(requireKind(kind), source);
    await this.database.forTenant(tenantId, (db) => storeTemplate(db, tenantId, staffId, kind, source));
  }

  /** Back to the municipality's file, or else the platform's template. */
  async reset(tenantId: string, kind: LetterKind): Promise<void> {
    requireKind(kind);
    await this.database.forTenant(tenantId, (db) => deleteTemplate(db, tenantId, kind));
  }

  /** The municipality's own saved templates (not its files or the platform's). */
  async sources(tenantId: string): Promise<Partial<Record<LetterKind, string>>> {
    const stored = await this.database.forTenant(tenantId, (db) => storedTemplates(db, tenantId));
    return Object.fromEntries(stored.map((t) => [t.kind, t.source]));
  }

  /**
   * Bo's case as a letter of this kind, as a PDF: from `draft` when given (checked, not saved), else from the
   * template the municipality's letters are made from now.
   */
  async preview(tenantId: string, kind: LetterKind, draft?: string | null): Promise<Buffer> {
    requireKind(kind);
    // `"source": null` passes the DTO's @IsOptional like a missing one: no draft, the template in use.
    if (draft === null) draft = undefined;
    if (draft !== undefined) assertUsable(kind, draft);
    return this.database.forTenant(tenantId, async (db) => {
      const tenant = await db.getRepository(Tenant).findOneByOrFail({ id: tenantId });
      const letter = sampleLetter(kind, tenant);
      return draft === undefined
        ? this.letters.render(db, letter)
        : this.letters.renderDraft(db, letter, draft);
    });
  }
}

function requireKind(kind: unknown): LetterKind {
  if (!isLetterKind(kind)) {
    throw ProblemError.notFound(`Er is geen brief "${String(kind)}". Er zijn: ${LETTER_KINDS.join(', ')}.`);
  }
  return kind;
}

/** A template that fails the check: one 400 problem, each issue an error of the field `source`. */
function assertUsable(kind: LetterKind, source: string): void {
  const issues = checkLetterTemplate(kind, source);
  if (issues.length) throw templateProblem(kind, issues);
}

function templateProblem(kind: LetterKind, issues: TemplateIssue[]): ProblemError {
  const count = issues.length === 1 ? 'Er is 1 probleem' : `Er zijn ${issues.length} problemen`;
  return ProblemError.invalid(
    issues.map((issue) => ({ field: 'source', message: issue.message })),
    `De brief "${LETTER_KIND_NAMES[kind]}" kan zo niet worden gebruikt. ${count}: ${issues[0].message}`,
  );
}
