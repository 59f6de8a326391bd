import { Module } from '@nestjs/common';

/** The platform operator: login, onboarding and offboarding municipalities, and the operator's pages. */
@Module({})
export class PlatformModule {}
