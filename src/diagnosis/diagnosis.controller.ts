import { Body, HttpCode, Post } from '@nestjs/common';
import { AbuseLimit } from '../abuse/abuse-limit.decorator';
import { ApiController } from '../common/api-controller.decorator';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { DiagnosisService } from './diagnosis.service';
import { DiagnosisRequestDto, DiagnosisResponseDto } from './dto/diagnosis.dto';

@ApiTags('citizens')
@ApiController('tenants/:tenant/diagnosis')
export class DiagnosisController {
  constructor(private readonly diagnosis: DiagnosisService) {}

  /** Stateless: send every answer given so far; nothing is stored. */
  @Post()
  @HttpCode(200)
  @AbuseLimit('diagnosis')
  @ApiOkResponse({ type: DiagnosisResponseDto, description: 'The next question, or the outcome' })
  diagnose(
    @CurrentTenant() tenant: TenantContext,
    @Body() body: DiagnosisRequestDto,
  ): Promise<DiagnosisResponseDto> {
    return this.diagnosis.diagnose(tenant.id, body.regulation, body.answers);
  }
}
