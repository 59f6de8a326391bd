import { Module } from '@nestjs/common';

/** The tenant admin's home: the overview page of a municipality's configuration. */
@Module({})
export class AdminModule {}
