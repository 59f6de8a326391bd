import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Objection } from './objection.entity';

@Module({ imports: [TypeOrmModule.forFeature([Objection])] })
export class ObjectionsModule {}
