import { Body, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Staff } from '../auth/staff.guard';
import { ApiController } from '../common/api-controller.decorator';
import { AnalyzeTextDto, TextSignalsDto } from './dto/analyze-text.dto';
import { analyzeText } from './text-signals';

@ApiTags('staff')
@ApiController('tenants/:tenant/signals')
@Staff('handler', 'tenant_admin')
export class SignalsController {
  /** Sentiment and life domains of a text, with the phrases that decided them. Signals, never verdicts. */
  @Post('analyze')
  @HttpCode(200)
  @ApiOkResponse({ type: TextSignalsDto })
  @ApiBadRequestResponse({ description: 'No text, or longer than 50,000 characters (problem+json)' })
  analyze(@Body() body: AnalyzeTextDto): TextSignalsDto {
    return analyzeText(body.text);
  }
}
