import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseMessagesController } from './case-messages.controller';
import { CaseMessagesService } from './case-messages.service';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxDispatcher } from './outbox-dispatcher.service';

/**
 * E-mail (the outbox) and the messages on a case. Global, like the database: the citizen's case API
 * (objections) and the portal reach CaseMessagesService without importing this module, and this module needs
 * nothing of theirs, so no module ever imports the other in a circle.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessage])],
  controllers: [CaseMessagesController],
  providers: [OutboxDispatcher, CaseMessagesService],
  exports: [OutboxDispatcher, CaseMessagesService],
})
export class MessagingModule {}
