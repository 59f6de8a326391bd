import { Body, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AbuseLimit } from '../abuse/abuse-limit.decorator';
import { Staff } from '../auth/staff.guard';
import { ApiController } from '../common/api-controller.decorator';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { TenantsService } from '../tenancy/tenants.service';
import { AnalyzeTextDto, TextSignalsDto } from './dto/analyze-text.dto';
import { analyzeText } from './text-signals';

@ApiTags('staff')
@ApiController('tenants/:tenant/signals')
@Staff('handler', 'tenant_admin')
export class SignalsController {
  constructor(private readonly tenants: TenantsService) {}

  /**
   * Sentiment and life domains of a text, with the phrases that decided them, read with the tenant's own terms
   * as its cases are. Signals, never verdicts.
   */
  @Post('analyze')
  @HttpCode(200)
  @AbuseLimit('signals')
  @ApiOkResponse({ type: TextSignalsDto })
  @ApiBadRequestResponse({ description: 'No text, or longer than 50,000 characters (problem+json)' })
  async analyze(
    @CurrentTenant() tenant: TenantContext,
    @Body() body: AnalyzeTextDto,
  ): Promise<TextSignalsDto> {
    const { profile } = await this.tenants.requireBySlug(tenant.slug);
    return analyzeText(body.text, { extraTerms: profile.signals });
  }
}
