import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { ProblemError } from '../common/problems/problem.error';
import { fieldErrors, VALIDATOR_OPTIONS } from '../common/problems/validation';
import { TokenRequestDto } from './dto/token-request.dto';

/** Guards run before pipes: validate the login body here so a malformed one is a 400, not a failed login. */
@Injectable()
export class LoginGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const body: unknown = context.switchToHttp().getRequest<{ body?: unknown }>().body ?? {};
    const errors = await validate(plainToInstance(TokenRequestDto, body), VALIDATOR_OPTIONS);
    if (errors.length) throw ProblemError.invalid(fieldErrors(errors));
    return (await super.canActivate(context)) as boolean;
  }
}
