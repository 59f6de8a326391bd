import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ReferralPartner } from './referral-partner.entity';
import { ReferralsController } from './referrals.controller';
import { ReferralsService } from './referrals.service';

/** Referral partners per tenant; handlers refer citizens to them from a case. */
@Module({
  imports: [TypeOrmModule.forFeature([ReferralPartner])],
  controllers: [ReferralsController],
  providers: [ReferralsService],
  exports: [ReferralsService],
})
export class ReferralsModule {}
