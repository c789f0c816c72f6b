import { Module } from '@nestjs/common';
import { OperationClient } from '@quartier/messaging';
import { ToolRunner } from './tool-runner.service';

@Module({ providers: [ToolRunner, OperationClient], exports: [ToolRunner] })
export class ToolsModule {}
