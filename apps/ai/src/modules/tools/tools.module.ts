import { Module } from '@nestjs/common';
import { ToolRunner } from './tool-runner.service';

@Module({ providers: [ToolRunner], exports: [ToolRunner] })
export class ToolsModule {}
