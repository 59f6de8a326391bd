import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class TokenRequestDto {
  @ApiProperty({ example: 'rivierstad' })
  @IsString({ message: 'Vul de gemeente in.' })
  @IsNotEmpty({ message: 'Vul de gemeente in.' })
  @MaxLength(63)
  tenant!: string;

  @ApiProperty({ example: 'behandelaar@rivierstad.example' })
  @IsEmail({}, { message: 'Vul een geldig e-mailadres in.' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'demo' })
  @IsString({ message: 'Vul het wachtwoord in.' })
  @IsNotEmpty({ message: 'Vul het wachtwoord in.' })
  @MaxLength(1024)
  password!: string;
}

export class TokenResponseDto {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ example: 'Bearer' }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'Lifetime in seconds', example: 900 }) expiresIn!: number;
}
