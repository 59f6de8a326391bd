import { Module } from '@nestjs/common';

/** Platform operators: their accounts, login (API token and page session) and the guards of platform routes. */
@Module({})
export class OperatorsModule {}
