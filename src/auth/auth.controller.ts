import { AbuseLimit } from '../abuse/abuse-limit.decorator';
import { ApiController } from '../common/api-controller.decorator';
import { Body, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthService } from './auth.service';
import { TokenRequestDto, TokenResponseDto } from './dto/token-request.dto';
import { LoginGuard } from './login.guard';
import { CurrentStaff, StaffPrincipal } from './staff-principal';

@ApiTags('staff')
@ApiController('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** Staff login; the body is read by the local strategy, declared here for the API document. */
  @Post('token')
  @HttpCode(200)
  @UseGuards(LoginGuard)
  @AbuseLimit('staff-login') // below LoginGuard: runs before it
  @ApiOkResponse({ type: TokenResponseDto })
  token(
    @CurrentStaff() staff: StaffPrincipal,
    @Body() _credentials: TokenRequestDto,
  ): Promise<TokenResponseDto> {
    return this.auth.issueToken(staff);
  }
}
