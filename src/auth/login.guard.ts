import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { validateInput } from '../common/problems/validation';
import { TokenRequestDto } from './dto/token-request.dto';

/** Guards run before pipes: validate the login body here so a malformed one is a 400, not a failed login. */
@Injectable()
export class LoginGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    await validateInput(TokenRequestDto, context.switchToHttp().getRequest<{ body?: unknown }>().body ?? {});
    return (await super.canActivate(context)) as boolean;
  }
}
