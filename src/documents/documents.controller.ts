import { ApiController } from '../common/api-controller.decorator';
import { Get, Header, Param, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Staff } from '../auth/staff.guard';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { DocumentsService } from './documents.service';
import { StoredDocument } from './stored-document.entity';
import { Audited } from '../audit/audited.decorator';

/** A download that a browser saves under its own name and never renders inline as something else. */
export function downloadOf(document: StoredDocument): StreamableFile {
  return new StreamableFile(document.content, {
    type: document.mediaType,
    disposition: `attachment; filename="${document.filename.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(document.filename)}`,
    length: document.size,
  });
}

@ApiTags('staff')
@ApiController('tenants/:tenant/documents')
@Staff('handler', 'tenant_admin')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get(':id')
  @Audited('document.read')
  @Header('x-content-type-options', 'nosniff')
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png')
  @ApiOkResponse({ description: 'A document of a case (letter, receipt or attachment)' })
  async download(@CurrentTenant() tenant: TenantContext, @Param('id') id: string): Promise<StreamableFile> {
    return downloadOf(await this.documents.getWithContent(tenant.id, id));
  }
}
