import { Body, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AbuseLimit } from '../abuse/abuse-limit.decorator';
import { TokenResponseDto } from '../auth/dto/token-request.dto';
import { ApiController } from '../common/api-controller.decorator';
import { ProblemError } from '../common/problems/problem.error';
import { OperatorTokenRequestDto } from './dto/operator-token-request.dto';
import { OperatorAuthService } from './operator-auth.service';

@ApiTags('platform')
@ApiController('platform/auth')
export class OperatorAuthController {
  constructor(private readonly auth: OperatorAuthService) {}

  /** Platform operator login: a bearer token for the /api/v1/platform routes (never for a municipality's). */
  @Post('token')
  @HttpCode(200)
  @AbuseLimit('operator-login')
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail address or password' })
  async token(@Body() credentials: OperatorTokenRequestDto): Promise<TokenResponseDto> {
    const principal = await this.auth.verifyCredentials(credentials.email, credentials.password);
    if (!principal) {
      throw new ProblemError(
        401,
        'invalid-credentials',
        'Inloggen mislukt',
        'E-mailadres of wachtwoord klopt niet.',
      );
    }
    return this.auth.issueToken(principal);
  }
}
