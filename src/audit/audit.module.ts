import { Module } from '@nestjs/common';
import { StaffPagesModule } from '../staff-pages/staff-pages.module';
import { AuditActors } from './audit-actors';
import { AuditPagesController } from './audit-pages.controller';
import { AuditPagesService } from './audit-pages.service';
import { AuditSearchService } from './audit-search.service';
import { AuditTrail } from './audit-trail.service';
import { AuditController } from './audit.controller';

/**
 * The audit trail (BIO 8.15): written for every change and every marked read on a municipality's routes by one
 * hook (AuditTrail), searched by its tenant admins (`/api/v1/tenants/{t}/admin/audit` and
 * `/:tenant/behandelaar/beheer/audit`), verified by `npm run audit:verify`. Register before StaffPagesModule.
 */
@Module({
  imports: [StaffPagesModule],
  controllers: [AuditController, AuditPagesController],
  providers: [AuditTrail, AuditActors, AuditSearchService, AuditPagesService],
})
export class AuditModule {}
