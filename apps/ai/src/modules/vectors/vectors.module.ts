import { Module } from '@nestjs/common';
import { VectorStore } from './vector-store.service';

@Module({ providers: [VectorStore], exports: [VectorStore] })
export class VectorsModule {}
