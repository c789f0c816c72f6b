import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { AI_MESSAGE_MAX_CHARS } from './limits';
import { Optional } from '@quartier/contracts-shared';

/** `POST /ai/chat`: one user message, in a new or an existing conversation. */
export class ChatDto {
  @ApiProperty({ maxLength: AI_MESSAGE_MAX_CHARS, example: 'Which units are vacant, and what do the house rules say about pets?' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(AI_MESSAGE_MAX_CHARS)
  message!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Continue this conversation; a new one starts without it' })
  @Optional()
  @IsUUID()
  conversationId?: string;
}

export class CitationView {
  @ApiProperty({ description: 'The [n] marker the answer uses' }) index!: number;
  @ApiProperty({ format: 'uuid' }) sourceId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'Position of the chunk in its source (0-based)' }) chunk!: number;
  @ApiProperty({ description: 'Cosine similarity to the question' }) score!: number;
  @ApiProperty({ description: 'Start of the chunk text' }) excerpt!: string;
}

export class ToolCallView {
  @ApiProperty({ example: 'list_vacant_units' }) name!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) arguments!: Record<string, unknown>;
  @ApiProperty({ description: 'False when the called service refused or failed (e.g. 403 for the caller)' }) ok!: boolean;
}

export class ChatResponse {
  @ApiProperty({ format: 'uuid' }) conversationId!: string;
  @ApiProperty({ format: 'uuid' }) messageId!: string;
  @ApiProperty() answer!: string;
  @ApiProperty({ type: [CitationView], description: 'Retrieved chunks the answer cites' }) citations!: CitationView[];
  @ApiProperty({ type: [ToolCallView], description: 'Live data the assistant fetched with the caller’s own permissions' })
  toolCalls!: ToolCallView[];
  @ApiProperty({ example: 'llama3.1:8b' }) model!: string;
}

/** `POST /llm/ask`: one question to the cloud LLM, no retrieval. */
export class AskDto {
  @ApiProperty({ maxLength: AI_MESSAGE_MAX_CHARS, example: 'Draft a friendly reminder for overdue rent.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(AI_MESSAGE_MAX_CHARS)
  question!: string;

  @ApiPropertyOptional({ maxLength: 1000, description: 'Extra instructions (tone, language)' })
  @Optional()
  @IsString()
  @MaxLength(1000)
  context?: string;
}

export class AskResponse {
  @ApiProperty() answer!: string;
  @ApiProperty() model!: string;
}

export class ChatMessageView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['user', 'assistant'] }) role!: 'user' | 'assistant';
  @ApiProperty() content!: string;
  @ApiProperty({ type: [CitationView] }) citations!: CitationView[];
  @ApiProperty({ type: [ToolCallView] }) toolCalls!: ToolCallView[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ConversationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() messageCount!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ConversationDetailView extends ConversationView {
  @ApiProperty({ type: [ChatMessageView] }) messages!: ChatMessageView[];
}

export class ConversationPageView {
  @ApiProperty({ type: [ConversationView] }) items!: ConversationView[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() size!: number;
  @ApiProperty() pages!: number;
}

export class ClearedConversationsView {
  @ApiProperty({ description: 'How many conversations were deleted' }) deleted!: number;
}
