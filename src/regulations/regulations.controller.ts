import { ApiController } from '../common/api-controller.decorator';
import { Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { RegulationDto } from './dto/regulation.dto';
import { RegulationsService } from './regulations.service';

@ApiTags('citizens')
@ApiController('tenants/:tenant/regulations')
export class RegulationsController {
  constructor(private readonly regulations: RegulationsService) {}

  @Get()
  @ApiOkResponse({ type: [RegulationDto], description: 'The regulations a citizen can object under' })
  async list(@CurrentTenant() tenant: TenantContext): Promise<RegulationDto[]> {
    return (await this.regulations.listActive(tenant.id)).map(RegulationDto.from);
  }
}
