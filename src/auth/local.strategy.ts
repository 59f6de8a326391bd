import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import { ProblemError } from '../common/problems/problem.error';
import { AuthService } from './auth.service';
import { StaffPrincipal } from './staff-principal';

/** Staff login: tenant, e-mail and password from the body (validated before this runs). */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  async validate(
    request: { body: { tenant: string } },
    email: string,
    password: string,
  ): Promise<StaffPrincipal> {
    const principal = await this.auth.verifyCredentials(request.body.tenant, email, password);
    if (!principal) {
      throw new ProblemError(
        401,
        'invalid-credentials',
        'Inloggen mislukt',
        'Gemeente, e-mailadres of wachtwoord klopt niet.',
      );
    }
    return principal;
  }
}
