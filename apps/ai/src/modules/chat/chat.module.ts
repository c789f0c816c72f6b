import { Module } from '@nestjs/common';
import { LimitsModule } from '../limits/limits.module';
import { ModelsModule } from '../models/models.module';
import { ToolsModule } from '../tools/tools.module';
import { VectorsModule } from '../vectors/vectors.module';
import { ChatController } from './chat.controller';
import { ChatService } from './chat.service';
import { ConversationService } from './conversation.service';

@Module({
  imports: [ModelsModule, VectorsModule, ToolsModule, LimitsModule],
  controllers: [ChatController],
  providers: [ChatService, ConversationService],
})
export class ChatModule {}
