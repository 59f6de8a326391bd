import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { REFERRAL_KINDS } from '../../tenancy/tenant-config.schema';
import { ReferralPartner } from '../referral-partner.entity';

export class ReferralPartnersQueryDto {
  @ApiPropertyOptional({ example: 'participatiewet', description: "This regulation's partners come first" })
  @IsOptional()
  @IsString({ message: 'Geef de code van een regeling.' })
  @IsNotEmpty({ message: 'Geef de code van een regeling.' })
  regulation?: string;
}

export class ReferralPartnerDto {
  @ApiProperty({ example: 'schuldhulpverlening' }) code!: string;
  @ApiProperty({ example: 'Schuldhulpverlening Rivierstad' }) name!: string;
  @ApiProperty({ enum: REFERRAL_KINDS }) kind!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) website!: string | null;

  static from(partner: ReferralPartner): ReferralPartnerDto {
    const { kind, description, phone, email, website } = partner.definition;
    return {
      code: partner.code,
      name: partner.name,
      kind,
      description,
      phone: phone ?? null,
      email: email ?? null,
      website: website ?? null,
    };
  }
}

export class ReferDto {
  @ApiProperty({ example: 'schuldhulpverlening', description: 'Code of an active referral partner' })
  @IsString({ message: 'Kies een hulporganisatie.' })
  @IsNotEmpty({ message: 'Kies een hulporganisatie.' })
  @MaxLength(100, { message: 'Kies een hulporganisatie uit de lijst van deze gemeente.' })
  partner!: string;

  @ApiPropertyOptional({ example: 'U kunt bij hen terecht voor een afspraak, ook terwijl uw bezwaar loopt.' })
  @IsOptional()
  @IsString({ message: 'Het bericht moet tekst zijn.' })
  @MaxLength(2000, { message: 'Het bericht is te lang (hoogstens 2000 tekens).' })
  note?: string;
}

class ReferredPartnerDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

export class ReferralDto {
  @ApiProperty() reference!: string;
  @ApiProperty({ type: ReferredPartnerDto }) partner!: ReferredPartnerDto;
}
