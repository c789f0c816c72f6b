import { Module } from '@nestjs/common';
import { CloudLlmService } from './cloud-llm.service';
import { OllamaService } from './ollama.service';

@Module({ providers: [OllamaService, CloudLlmService], exports: [OllamaService, CloudLlmService] })
export class ModelsModule {}
