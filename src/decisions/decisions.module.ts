import { Module } from '@nestjs/common';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { LettersModule } from '../letters/letters.module';
import { DecisionsController } from './decisions.controller';
import { DecisionsService } from './decisions.service';

/** Decisions on objections (beslissing op bezwaar) and their letters; DecisionsService also serves bulk work. */
@Module({
  imports: [LettersModule, DeadlinesModule],
  controllers: [DecisionsController],
  providers: [DecisionsService],
  exports: [DecisionsService],
})
export class DecisionsModule {}
