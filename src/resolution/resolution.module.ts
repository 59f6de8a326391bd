import { Module } from '@nestjs/common';
import { LettersModule } from '../letters/letters.module';
import { InformalResolutionService } from './informal-resolution.service';
import { ResolutionController } from './resolution.controller';

/** The informal approach (domain-nl §5): contacts, conversations, agreement letters, informal endings. */
@Module({
  imports: [LettersModule],
  controllers: [ResolutionController],
  providers: [InformalResolutionService],
  exports: [InformalResolutionService],
})
export class ResolutionModule {}
