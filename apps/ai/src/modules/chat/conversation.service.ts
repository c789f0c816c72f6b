import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CitationView, ConversationDetailView, ConversationPageView, ToolCallView } from '@quartier/contracts-ai';
import { OrgCaller, PageQueryDto, pageOf, pageParams } from '@quartier/contracts-shared';
import { OrgScopedRepository } from '@quartier/db';
import { notFound } from '@quartier/messaging';
import { ConversationEntity, MessageEntity } from './conversation.entity';
import { conversationTitle, toConversationView, toMessageView } from './conversation.mapper';
import { HistoryMessage } from './prompt';

/** Conversations belong to one user of one organization: anyone else's is answered as missing. */
@Injectable()
export class ConversationService {
  constructor(private readonly dataSource: DataSource) {}

  private get conversations(): OrgScopedRepository<ConversationEntity> {
    return new OrgScopedRepository(ConversationEntity, this.dataSource.manager);
  }

  private get messages(): OrgScopedRepository<MessageEntity> {
    return new OrgScopedRepository(MessageEntity, this.dataSource.manager);
  }

  async require(caller: OrgCaller, id: string): Promise<ConversationEntity> {
    const conversation = await this.conversations.findOne(caller.organizationId, { id, userId: caller.userId });
    if (!conversation) throw notFound('Conversation', id);
    return conversation;
  }

  /** The last `count` messages, oldest first. */
  async history(caller: OrgCaller, conversationId: string, count: number): Promise<HistoryMessage[]> {
    if (count === 0) return [];
    const rows = await this.messages
      .query(caller.organizationId, 'message')
      .andWhere('message.conversation_id = :conversationId', { conversationId })
      .orderBy('message.created_at', 'DESC')
      .limit(count)
      .getMany();
    return rows.reverse().map((row) => ({ role: row.role, content: row.content }));
  }

  /**
   * Stores the question and its answer together, in a new conversation when none is given (so a
   * failed first turn leaves no empty conversation behind); returns both ids.
   */
  async record(
    caller: OrgCaller,
    existingId: string | undefined,
    question: string,
    answer: { content: string; citations: CitationView[]; toolCalls: ToolCallView[] },
  ): Promise<{ conversationId: string; messageId: string }> {
    return this.dataSource.transaction(async (manager) => {
      const conversationId =
        existingId ??
        (
          await this.conversations
            .withManager(manager)
            .insert(caller.organizationId, { userId: caller.userId, title: conversationTitle(question), messageCount: 0 })
        ).id;
      const messages = this.messages.withManager(manager);
      await messages.insert(caller.organizationId, { conversationId, role: 'user', content: question, citations: [], toolCalls: [] });
      const reply = await messages.insert(caller.organizationId, { conversationId, role: 'assistant', ...answer });
      await manager
        .createQueryBuilder()
        .update(ConversationEntity)
        .set({ messageCount: () => 'message_count + 2', updatedAt: () => 'now()' })
        .where('organization_id = :organizationId AND id = :id', { organizationId: caller.organizationId, id: conversationId })
        .execute();
      return { conversationId, messageId: reply.id };
    });
  }

  async list(caller: OrgCaller, query: PageQueryDto): Promise<ConversationPageView> {
    const { page, size } = pageParams(query);
    const [rows, total] = await this.conversations.findPage(caller.organizationId, {
      where: { userId: caller.userId },
      order: { updatedAt: 'DESC', id: 'ASC' },
      page,
      size,
    });
    return pageOf(rows.map(toConversationView), total, page, size);
  }

  async get(caller: OrgCaller, id: string): Promise<ConversationDetailView> {
    const conversation = await this.require(caller, id);
    const messages = await this.messages.find(caller.organizationId, { conversationId: id }, { createdAt: 'ASC' });
    return { ...toConversationView(conversation), messages: messages.map(toMessageView) };
  }

  /** Deletes every conversation of the caller (their whole chat history). */
  clear(caller: OrgCaller): Promise<number> {
    return this.conversations.deleteWhere(caller.organizationId, { userId: caller.userId });
  }

  async delete(caller: OrgCaller, id: string): Promise<void> {
    await this.require(caller, id);
    await this.conversations.deleteById(caller.organizationId, id);
  }
}
