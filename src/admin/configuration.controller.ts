import { Body, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentStaff, StaffPrincipal } from '../auth/staff-principal';
import { Staff } from '../auth/staff.guard';
import { ApiController } from '../common/api-controller.decorator';
import { ProblemError } from '../common/problems/problem.error';
import { LETTER_KIND_NAMES } from '../letters/letter-kinds';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { attachment } from './configuration-download';
import { ConfigurationService } from './configuration.service';
import {
  AppliedConfigurationDto,
  ConfigurationApplyRequestDto,
  ConfigurationPreviewDto,
  ConfigurationPreviewRequestDto,
  OwnLetterTemplateDto,
} from './dto/configuration.dto';

const BASE = 'tenants/:tenant/admin/configuration';

/**
 * The municipality's configuration as tenant.yaml: download it, preview what importing one would change, and
 * apply exactly what was previewed. Its own letter templates download one by one (templates/letters/<kind>.hbs).
 */
@ApiTags('admin')
@ApiController(BASE)
@Staff('tenant_admin')
@ApiExtraModels(ConfigurationPreviewRequestDto)
export class ConfigurationController {
  constructor(private readonly configuration: ConfigurationService) {}

  @Get()
  @ApiProduces('text/yaml')
  @ApiOkResponse({ description: 'tenant.yaml (attachment): validates as at start-up' })
  async export(
    @CurrentTenant() tenant: TenantContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return attachment(reply, 'tenant.yaml', await this.configuration.exportYaml(tenant.id));
  }

  @Get('letters')
  @ApiOkResponse({ type: [OwnLetterTemplateDto], description: "The municipality's own letter templates" })
  async letters(@CurrentTenant() tenant: TenantContext): Promise<OwnLetterTemplateDto[]> {
    return (await this.configuration.letterTemplates(tenant.id)).map((template) => ({
      kind: template.kind,
      name: LETTER_KIND_NAMES[template.kind],
      updatedAt: template.updatedAt.toISOString(),
      updatedBy: template.updatedBy,
      href: `/api/v1/tenants/${tenant.slug}/admin/configuration/letters/${template.kind}`,
    }));
  }

  @Get('letters/:kind')
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: '<kind>.hbs (attachment), as in tenants/<slug>/templates/letters/' })
  async letter(
    @CurrentTenant() tenant: TenantContext,
    @Param('kind') kind: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const template = await this.configuration.letterTemplate(tenant.id, kind);
    return attachment(reply, `${template.kind}.hbs`, template.source);
  }

  @Post('preview')
  @HttpCode(200)
  @ApiBody({
    description: 'The tenant.yaml as the body (Content-Type: text/yaml), or JSON { yaml }',
    schema: { oneOf: [{ type: 'string' }, { $ref: getSchemaPath(ConfigurationPreviewRequestDto) }] },
  })
  @ApiOkResponse({ type: ConfigurationPreviewDto })
  preview(@CurrentTenant() tenant: TenantContext, @Body() body: unknown): Promise<ConfigurationPreviewDto> {
    return this.configuration.preview(tenant, yamlOf(body));
  }

  @Post()
  @HttpCode(200)
  @ApiBody({ type: ConfigurationApplyRequestDto })
  @ApiOkResponse({ type: AppliedConfigurationDto })
  @ApiConflictResponse({ description: 'The configuration (or the file) differs from the preview' })
  apply(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Body() body: unknown,
  ): Promise<AppliedConfigurationDto> {
    const hash = (body as { previewHash?: unknown } | null)?.previewHash;
    if (typeof hash !== 'string' || !hash) {
      throw ProblemError.invalid([
        { field: 'previewHash', message: 'Stuur de previewHash mee die de voorvertoning gaf.' },
      ]);
    }
    return this.configuration.apply(tenant, staff.userId, yamlOf(body), hash);
  }
}

function yamlOf(body: unknown): string {
  if (typeof body === 'string') return body;
  const yaml = (body as { yaml?: unknown } | null)?.yaml;
  if (typeof yaml === 'string') return yaml;
  throw ProblemError.invalid(
    [{ field: 'yaml', message: 'Stuur de tenant.yaml als tekst: als body (text/yaml) of in het veld yaml.' }],
    'Er is geen tenant.yaml meegestuurd.',
  );
}
