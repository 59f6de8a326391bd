import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Database } from '../database/database.service';
import { DEMO_OPERATOR, hasPassword, saveOperator } from './operator-accounts';

/** Outside production, the platform has a demo operator who logs in with DEMO_PASSWORD. */
@Injectable()
export class DemoOperatorService implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoAccounts');

  constructor(
    private readonly database: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const password = this.config.demoPassword;
    if (password === undefined) return;
    await this.database.forPlatform(async (db) => {
      if (!(await hasPassword(db, DEMO_OPERATOR.email, password))) {
        await saveOperator(db, { ...DEMO_OPERATOR, password, demo: true });
      }
    });
    this.logger.log(`Demo platform operator (password "${password}"): ${DEMO_OPERATOR.email}`);
  }
}
