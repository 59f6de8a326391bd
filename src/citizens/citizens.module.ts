import { Global, Module } from '@nestjs/common';
import { CryptoModule } from '../crypto/crypto.module';
import { CitizenLoginController } from './citizen-login.controller';
import { CitizenMeController } from './citizen-me.controller';
import { CitizenSessionService } from './citizen-session.service';
import { CitizensService } from './citizens.service';
import { DevIdentityProvider } from './dev-identity-provider';
import { OidcClientService } from './oidc-client.service';

/**
 * Citizen login with OpenID Connect (a DigiD broker; outside production an in-process stand-in), the citizens'
 * records with the BSN encrypted, and their session. Global so that any domain can ask who is logged in
 * (CitizenSessionService.currentCitizen).
 */
@Global()
@Module({
  imports: [CryptoModule],
  controllers: [CitizenLoginController, CitizenMeController],
  providers: [CitizensService, CitizenSessionService, OidcClientService, DevIdentityProvider],
  exports: [CitizenSessionService, CitizensService],
})
export class CitizensModule {}
