import { Module } from '@nestjs/common';
import { OperationClient } from '@quartier/messaging';
import { SourcesModule } from '../sources/sources.module';
import { PortfolioDocumentReader } from './portfolio-document.reader';
import { PortfolioDocumentsConsumer } from './portfolio-documents.consumer';

@Module({ imports: [SourcesModule], providers: [PortfolioDocumentReader, PortfolioDocumentsConsumer, OperationClient] })
export class PortfolioDocumentsModule {}
