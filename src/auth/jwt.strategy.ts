import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { AuthService } from './auth.service';
import { StaffPrincipal, TokenClaims } from './staff-principal';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly auth: AuthService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.tokenSecret,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  /** A deactivated account's token stops working at once; null makes the guard answer 401. */
  validate(claims: TokenClaims): Promise<StaffPrincipal | null> {
    return this.auth.currentPrincipal(claims);
  }
}
