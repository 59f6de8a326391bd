import { Module } from '@nestjs/common';
import { LettersService } from './letters.service';
import { TenantLetterTemplatesService } from './tenant-letter-templates.service';

/** The letter pipeline, and a municipality's own letter templates (see LetterAdminModule for their pages). */
@Module({
  providers: [LettersService, TenantLetterTemplatesService],
  exports: [LettersService, TenantLetterTemplatesService],
})
export class LettersModule {}
