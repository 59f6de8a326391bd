import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegulationAdminController } from './regulation-admin.controller';
import { RegulationAdminService } from './regulation-admin.service';
import { Regulation } from './regulation.entity';
import { RegulationVersion } from './regulation-version.entity';
import { RegulationsController } from './regulations.controller';
import { RegulationsService } from './regulations.service';

/**
 * Regulations: the citizens' list, and the tenant admin's API that changes them as versions
 * (`/api/v1/tenants/{t}/admin/regulations`). The admin pages live in RegulationAdminModule.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Regulation, RegulationVersion])],
  controllers: [RegulationsController, RegulationAdminController],
  providers: [RegulationsService, RegulationAdminService],
  exports: [RegulationsService, RegulationAdminService],
})
export class RegulationsModule {}
