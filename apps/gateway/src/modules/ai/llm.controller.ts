import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScopes } from '@quartier/auth';
import { AI_GATEWAY_TIMEOUT_MS, AiSubjects, AskDto, AskResponse } from '@quartier/contracts-ai';
import { Caller } from '@quartier/contracts-shared';
import { RpcClient } from '@quartier/messaging';
import { ApiAuthenticated, ApiProblems } from '../../platform/api-docs';
import { RequestCaller } from '../../security/caller.decorator';

@ApiTags('ai')
@ApiAuthenticated()
@Controller('llm')
export class LlmController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('ask')
  @HttpCode(200)
  @RequireScopes('read')
  @ApiOperation({ summary: 'General question to the cloud LLM (OpenAI-compatible); no organization data is sent. 503 when none is configured' })
  @ApiOkResponse({ type: AskResponse })
  @ApiProblems(422)
  ask(@Body() dto: AskDto, @RequestCaller() caller: Caller): Promise<AskResponse> {
    return this.rpc.request(AiSubjects.ask, dto, caller, AI_GATEWAY_TIMEOUT_MS);
  }
}
