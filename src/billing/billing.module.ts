import { Module } from '@nestjs/common';

/** Licence plans, licences, metering, invoices and the licence state of each municipality. */
@Module({})
export class BillingModule {}
