import { Body, Delete, Get, Header, HttpCode, Param, Post, Put, StreamableFile } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, StaffPrincipal } from '../auth/staff-principal';
import { Staff } from '../auth/staff.guard';
import { ApiController } from '../common/api-controller.decorator';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import {
  LetterTemplateDto,
  LetterTemplateSummaryDto,
  PreviewLetterTemplateDto,
  SaveLetterTemplateDto,
} from './dto/letter-template.dto';
import { LetterKind } from './letter-kinds';
import { TenantLetterTemplatesService } from './tenant-letter-templates.service';

/** A preview PDF: shown in the browser, never cached, never taken for anything else. */
export function previewFile(kind: string, pdf: Buffer): StreamableFile {
  return new StreamableFile(pdf, {
    type: 'application/pdf',
    disposition: `inline; filename="voorbeeld-${kind.replace(/[^a-z_]/g, '')}.pdf"`,
    length: pdf.length,
  });
}

/** The municipality's letter templates, for its functioneel beheerders. */
@ApiTags('admin')
@ApiController('tenants/:tenant/admin/letter-templates')
@Staff('tenant_admin')
export class LetterTemplatesController {
  constructor(private readonly templates: TenantLetterTemplatesService) {}

  @Get()
  @ApiOkResponse({ type: [LetterTemplateSummaryDto] })
  async list(@CurrentTenant() tenant: TenantContext): Promise<LetterTemplateSummaryDto[]> {
    return (await this.templates.list(tenant)).map(LetterTemplateSummaryDto.from);
  }

  @Get(':kind')
  @ApiOkResponse({ type: LetterTemplateDto })
  async get(@CurrentTenant() tenant: TenantContext, @Param('kind') kind: string): Promise<LetterTemplateDto> {
    return LetterTemplateDto.from(await this.templates.get(tenant, kind as LetterKind));
  }

  /** Checked first (400 with every issue, in Dutch, with line and column); the next letter of this kind uses it. */
  @Put(':kind')
  @ApiOkResponse({ type: LetterTemplateDto })
  async save(
    @CurrentTenant() tenant: TenantContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('kind') kind: string,
    @Body() body: SaveLetterTemplateDto,
  ): Promise<LetterTemplateDto> {
    await this.templates.save(tenant.id, staff.userId, kind as LetterKind, body.source);
    return LetterTemplateDto.from(await this.templates.get(tenant, kind as LetterKind));
  }

  /** Back to the municipality's file or the platform's template. */
  @Delete(':kind')
  @HttpCode(204)
  @ApiNoContentResponse()
  async reset(@CurrentTenant() tenant: TenantContext, @Param('kind') kind: string): Promise<void> {
    await this.templates.reset(tenant.id, kind as LetterKind);
  }

  /** Bo's case as this letter, from the posted draft (not saved) or the template in use. */
  @Post(':kind/preview')
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  @Header('x-content-type-options', 'nosniff')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The letter as PDF' })
  async preview(
    @CurrentTenant() tenant: TenantContext,
    @Param('kind') kind: string,
    @Body() body: PreviewLetterTemplateDto,
  ): Promise<StreamableFile> {
    const pdf = await this.templates.preview(tenant.id, kind as LetterKind, body.source);
    return previewFile(kind, pdf);
  }
}
