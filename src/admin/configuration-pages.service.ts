import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { StaffPrincipal } from '../auth/staff-principal';
import { ProblemError } from '../common/problems/problem.error';
import { field, formFieldsOf } from '../portal/form-body';
import { PageOutcome, StaffPagesService } from '../staff-pages/staff-pages.service';
import { MAX_CONFIG_BYTES } from '../tenancy/tenant-config-import';
import type { TenantContext } from '../tenancy/tenant-context';
import { ConfigurationService } from './configuration.service';
import {
  CONFIGURATION_DONE,
  configurationPath,
  diffSections,
  letterDownloads,
  problemList,
} from './configuration-view';

interface ImportForm {
  yaml: string;
  errors: { href: string; message: string }[];
}

/**
 * The configuration page: download tenant.yaml and the own letter templates; upload or paste a tenant.yaml,
 * see what it would change, and confirm. The confirmation carries the file and the preview's hash, so exactly
 * the previewed change is applied, or none.
 */
@Injectable()
export class ConfigurationPagesService {
  constructor(
    private readonly configuration: ConfigurationService,
    private readonly pages: StaffPagesService,
  ) {}

  async page(
    tenant: TenantContext,
    staff: StaffPrincipal,
    done?: unknown,
    form?: ImportForm,
  ): Promise<string> {
    const templates = await this.configuration.letterTemplates(tenant.id);
    const errors = form?.errors ?? [];
    return this.pages.renderAdmin(
      tenant,
      'configuration',
      'admin/configuration',
      'Configuratie',
      {
        errors,
        done: typeof done === 'string' ? CONFIGURATION_DONE[done] : undefined,
        downloadHref: configurationPath(tenant.slug, 'tenant.yaml'),
        letters: letterDownloads(tenant.slug, templates),
        previewAction: configurationPath(tenant.slug, 'voorvertoning'),
        yaml: {
          id: 'yaml',
          name: 'yaml',
          value: form?.yaml ?? '',
          error: errors.length
            ? 'Het bestand kan zo niet worden ingelezen; zie de punten hierboven.'
            : undefined,
        },
      },
      { viewer: staff, hasErrors: errors.length > 0 },
    );
  }

  async preview(tenant: TenantContext, staff: StaffPrincipal, request: FastifyRequest): Promise<PageOutcome> {
    const yaml = await uploadedYaml(request);
    try {
      const preview = await this.configuration.preview(tenant, yaml);
      const html = this.pages.renderAdmin(
        tenant,
        'configuration',
        'admin/configuration-preview',
        'Voorvertoning',
        {
          backHref: configurationPath(tenant.slug),
          notes: preview.notes,
          unchanged: preview.diff.unchanged,
          sections: diffSections(preview.diff),
          apply: { action: configurationPath(tenant.slug, 'toepassen'), yaml, hash: preview.previewHash },
        },
        { viewer: staff },
      );
      return { status: 200, html };
    } catch (error) {
      return this.refused(tenant, staff, yaml, error);
    }
  }

  async apply(tenant: TenantContext, staff: StaffPrincipal, body: unknown): Promise<PageOutcome> {
    const fields = formFieldsOf(body);
    const yaml = field(fields, 'yaml');
    try {
      const applied = await this.configuration.apply(tenant, staff.userId, yaml, field(fields, 'hash'));
      const done = applied.diff.unchanged ? 'ongewijzigd' : 'ingelezen';
      return { redirect: `${configurationPath(tenant.slug)}?gedaan=${done}` };
    } catch (error) {
      return this.refused(tenant, staff, yaml, error);
    }
  }

  /** The configuration page again, with the file in the text box and what is wrong with it. */
  private async refused(
    tenant: TenantContext,
    staff: StaffPrincipal,
    yaml: string,
    error: unknown,
  ): Promise<PageOutcome> {
    if (!(error instanceof ProblemError) || (error.status !== 400 && error.status !== 409)) throw error;
    const errors = problemList(error.errors ?? [], error.detail);
    return { status: error.status, html: await this.page(tenant, staff, undefined, { yaml, errors }) };
  }
}

/** The tenant.yaml of the form: the chosen file, or else the pasted text. */
async function uploadedYaml(request: FastifyRequest): Promise<string> {
  if (!request.isMultipart()) return field(formFieldsOf(request.body), 'yaml');
  let pasted = '';
  let file = '';
  try {
    const parts = request.parts({
      limits: { fields: 4, files: 1, fileSize: MAX_CONFIG_BYTES + 1, fieldSize: MAX_CONFIG_BYTES + 1 },
    });
    for await (const part of parts) {
      if (part.type === 'field') {
        if (part.fieldname === 'yaml') pasted = String(part.value);
      } else if (part.fieldname === 'bestand') {
        file = (await part.toBuffer()).toString('utf8');
      } else {
        await part.toBuffer();
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') {
      throw ProblemError.invalid(
        [
          {
            field: 'yaml',
            message: `Kies één bestand van hoogstens ${Math.round(MAX_CONFIG_BYTES / 1024)} kB.`,
          },
        ],
        'Dit bestand kan niet worden ingelezen.',
      );
    }
    throw error;
  }
  return file.trim() ? file : pasted;
}
