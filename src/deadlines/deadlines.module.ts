import { Module } from '@nestjs/common';
import { RegulationsModule } from '../regulations/regulations.module';
import { DeadlinesController } from './deadlines.controller';
import { DeadlinesService } from './deadlines.service';

@Module({ imports: [RegulationsModule], controllers: [DeadlinesController], providers: [DeadlinesService] })
export class DeadlinesModule {}
