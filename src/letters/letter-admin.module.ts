import { Module } from '@nestjs/common';
import { StaffPagesModule } from '../staff-pages/staff-pages.module';
import { LetterAdminPagesController } from './letter-admin-pages.controller';
import { LetterAdminPagesService } from './letter-admin-pages.service';
import { LetterTemplatesController } from './letter-templates.controller';
import { LettersModule } from './letters.module';

/**
 * The tenant admin's letter templates: `/api/v1/tenants/{t}/admin/letter-templates` and the pages
 * `/:tenant/behandelaar/beheer/brieven`. Apart from LettersModule, which StaffPagesModule imports (through the
 * case modules); register it before StaffPagesModule.
 */
@Module({
  imports: [LettersModule, StaffPagesModule],
  controllers: [LetterTemplatesController, LetterAdminPagesController],
  providers: [LetterAdminPagesService],
})
export class LetterAdminModule {}
