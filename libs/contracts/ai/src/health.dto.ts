import { ApiProperty } from '@nestjs/swagger';

export class AiHealthView {
  @ApiProperty({ description: 'Ollama answers' }) ollama!: boolean;
  @ApiProperty({ description: 'Qdrant answers' }) qdrant!: boolean;
  @ApiProperty({ description: 'The chunk collection exists with the configured dimension' }) collectionExists!: boolean;
  @ApiProperty({ description: 'A cloud LLM is configured' }) cloudLlmConfigured!: boolean;
  @ApiProperty({ type: Boolean, nullable: true, description: 'The cloud LLM answers; null when none is configured' })
  cloudLlm!: boolean | null;
  @ApiProperty({ description: "Chunks of the caller's organization in the vector store" }) organizationChunkCount!: number;
  @ApiProperty({ example: 'llama3.1:8b' }) chatModel!: string;
  @ApiProperty({ example: 'nomic-embed-text' }) embeddingModel!: string;
}

export class InsightView {
  @ApiProperty({ enum: ['vacancy', 'overdue_rent', 'urgent_work_orders'] }) kind!: 'vacancy' | 'overdue_rent' | 'urgent_work_orders';
  @ApiProperty({ enum: ['info', 'warning', 'critical'] }) severity!: 'info' | 'warning' | 'critical';
  @ApiProperty() title!: string;
  @ApiProperty() detail!: string;
  @ApiProperty({ description: 'How many records the insight is about' }) count!: number;
}

export class InsightsView {
  @ApiProperty({ type: [InsightView] }) items!: InsightView[];
  @ApiProperty({ type: [String], description: 'Data the caller may not read or that did not answer, left out of the insights' })
  unavailable!: string[];
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
}

export class AnalysisView {
  @ApiProperty({ enum: ['property', 'tenant'] }) subject!: 'property' | 'tenant';
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: "The assistant's assessment, written from the facts only" }) summary!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The figures the assessment is based on' })
  facts!: Record<string, unknown>;
  @ApiProperty({ type: [String], description: 'Data the caller may not read or that did not answer, left out' }) unavailable!: string[];
  @ApiProperty({ example: 'llama3.1:8b' }) model!: string;
}
