import { Module } from '@nestjs/common';
import { SignalsController } from './signals.controller';

/** Text signals (sentiment, life domains) for staff; the analyser itself is the pure ./text-signals. */
@Module({ controllers: [SignalsController] })
export class SignalsModule {}
