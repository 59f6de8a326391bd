import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class OperatorTokenRequestDto {
  @ApiProperty({ example: 'operator@bezwaarplatform.example' })
  @IsEmail({}, { message: 'Vul een geldig e-mailadres in.' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'demo' })
  @IsString({ message: 'Vul het wachtwoord in.' })
  @IsNotEmpty({ message: 'Vul het wachtwoord in.' })
  @MaxLength(1024)
  password!: string;
}
