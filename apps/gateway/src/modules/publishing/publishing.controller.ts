import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ADMIN_ROLES, RequireRoles } from '@quartier/auth';
import { Caller } from '@quartier/contracts-shared';
import {
  ChannelListView,
  ChannelNameDto,
  ChannelSubjects,
  ChannelView,
  ConfigureChannelDto,
  FeedDeliveryView,
  FeedSubjects,
  FeedView,
  JobPageView,
  JobQueryDto,
  JobSubjects,
  JobView,
} from '@quartier/contracts-publishing';
import { RpcClient } from '@quartier/messaging';
import { ApiAuthenticated, ApiProblems } from '../../platform/api-docs';
import { UuidParam } from '../../platform/validation';
import { RequestCaller } from '../../security/caller.decorator';
import { FeedChannelParam, FeedModeQueryDto, PUBLISHING_ROLES } from './publishing-route.dto';

/** A full feed gathers every published listing's pictures and uploads them: more than the usual request budget. */
const FEED_UPLOAD_TIMEOUT_MS = 120_000;

@ApiTags('publishing')
@ApiAuthenticated()
@RequireRoles(...PUBLISHING_ROLES)
@Controller('publishing')
export class PublishingController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('channels')
  @ApiOperation({ summary: 'Every channel with whether it is configured; secrets are never shown, only which are set' })
  @ApiOkResponse({ type: ChannelListView })
  channels(@RequestCaller() caller: Caller): Promise<ChannelListView> {
    return this.rpc.request(ChannelSubjects.list, {}, caller);
  }

  @Put('channels/:channel')
  @RequireRoles(...ADMIN_ROLES)
  @ApiOperation({
    summary: 'Set a channel’s settings and secrets (owners and admins)',
    description:
      'immoscout24: secrets consumerKey, consumerSecret, accessToken, accessTokenSecret. immowelt/kleinanzeigen: settings ftpUsername, providerId, companyName; secret ftpPassword. facebook: setting pageId, secret pageAccessToken. instagram: setting igUserId, secret accessToken. linkedin: setting organizationId, secret accessToken. Values are merged into what is stored; an empty secret removes it. Secrets are encrypted at rest and never returned.',
  })
  @ApiOkResponse({ type: ChannelView })
  @ApiProblems(422, 503)
  configure(@Param() params: ChannelNameDto, @Body() dto: ConfigureChannelDto, @RequestCaller() caller: Caller): Promise<ChannelView> {
    return this.rpc.request(ChannelSubjects.configure, { ...dto, channel: params.channel }, caller);
  }

  @Delete('channels/:channel')
  @HttpCode(204)
  @RequireRoles(...ADMIN_ROLES)
  @ApiOperation({ summary: 'Forget a channel’s settings and secrets (owners and admins)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(404, 422)
  async removeChannel(@Param() params: ChannelNameDto, @RequestCaller() caller: Caller): Promise<void> {
    await this.rpc.request(ChannelSubjects.remove, { channel: params.channel }, caller);
  }

  @Get('jobs')
  @ApiOperation({ summary: 'Publishing jobs, newest first (filter by status, channel, action, listingId)' })
  @ApiOkResponse({ type: JobPageView })
  @ApiProblems(422)
  jobs(@Query() query: JobQueryDto, @RequestCaller() caller: Caller): Promise<JobPageView> {
    return this.rpc.request(JobSubjects.list, query, caller);
  }

  @Get('jobs/:id')
  @ApiOperation({ summary: 'One job: status, attempts, the portal’s last error, external id and URL' })
  @ApiOkResponse({ type: JobView })
  @ApiProblems(404, 422)
  job(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<JobView> {
    return this.rpc.request(JobSubjects.get, { id }, caller);
  }

  @Get('feeds/:channel.xml')
  @ApiOperation({ summary: 'The OpenImmo 1.2.7 feed of Immowelt or Kleinanzeigen: full (every published listing) or delta (changes not yet delivered)' })
  @ApiProduces('application/xml')
  @ApiOkResponse({ description: 'OpenImmo XML', schema: { type: 'string' } })
  @ApiProblems(422)
  async feed(
    @Param() params: FeedChannelParam,
    @Query() query: FeedModeQueryDto,
    @RequestCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const feed = await this.rpc.request<FeedView>(FeedSubjects.get, { ...query, channel: params.channel }, caller);
    reply.header('Content-Type', 'application/xml; charset=utf-8');
    reply.header('Content-Disposition', `attachment; filename="${feed.filename}"`);
    return feed.content;
  }

  @Post('feeds/:channel/deliver')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Upload the full OpenImmo feed (VOLL) to the portal’s import FTP server now',
    description: 'Changes go up by themselves as delta feeds when listings are published or withdrawn; a full feed resynchronizes the portal (it removes what the feed leaves out). 502 PUBLISHING_PORTAL_FAILED with the server’s reply when the upload fails.',
  })
  @ApiOkResponse({ type: FeedDeliveryView })
  @ApiProblems(422, 502)
  deliver(@Param() params: FeedChannelParam, @RequestCaller() caller: Caller): Promise<FeedDeliveryView> {
    return this.rpc.request(FeedSubjects.deliver, { channel: params.channel }, caller, FEED_UPLOAD_TIMEOUT_MS);
  }
}
