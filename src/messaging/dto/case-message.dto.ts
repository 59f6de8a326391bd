import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { MAX_MESSAGE_LENGTH, MESSAGE_EMPTY, messageTooLong } from '../case-conversation';

export class CaseMessageDto {
  @ApiProperty({
    minLength: 1,
    maxLength: MAX_MESSAGE_LENGTH,
    example: 'Ik heb u geprobeerd te bellen. Kunt u mij laten weten wanneer u bereikbaar bent?',
  })
  @IsString({ message: 'Het bericht moet tekst zijn.' })
  @IsNotEmpty({ message: MESSAGE_EMPTY })
  @MaxLength(MAX_MESSAGE_LENGTH, {
    message: (args) => messageTooLong(typeof args.value === 'string' ? args.value.length : 0),
  })
  body!: string;
}

export class MessageSentDto {
  @ApiProperty({ format: 'date-time', description: 'When the message was recorded on the case' })
  at!: string;
}
