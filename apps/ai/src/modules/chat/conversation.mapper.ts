import { ChatMessageView, ConversationView } from '@quartier/contracts-ai';
import { ConversationEntity, MessageEntity } from './conversation.entity';

export function toConversationView(conversation: ConversationEntity): ConversationView {
  return {
    id: conversation.id,
    title: conversation.title,
    messageCount: conversation.messageCount,
    createdAt: conversation.createdAt.toISOString(),
    updatedAt: conversation.updatedAt.toISOString(),
  };
}

export function toMessageView(message: MessageEntity): ChatMessageView {
  return {
    id: message.id,
    role: message.role,
    content: message.content,
    citations: message.citations,
    toolCalls: message.toolCalls,
    createdAt: message.createdAt.toISOString(),
  };
}

/** A conversation is named after the start of its first question. */
export function conversationTitle(message: string): string {
  const line = message.trim().replace(/\s+/g, ' ');
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}
