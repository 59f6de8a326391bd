import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxDispatcher } from './outbox-dispatcher.service';

@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessage])],
  providers: [OutboxDispatcher],
  exports: [OutboxDispatcher],
})
export class MessagingModule {}
