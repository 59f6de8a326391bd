import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ReferralPartner } from './referral-partner.entity';

/** Referral partners per tenant; handlers refer citizens to them (see the inbox). */
@Module({ imports: [TypeOrmModule.forFeature([ReferralPartner])] })
export class ReferralsModule {}
