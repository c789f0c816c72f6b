import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Caller } from '@quartier/contracts-shared';
import { ChannelNameDto, ChannelOperations, ChannelView, ConfigureChannelDto, FeedDeliveryView, FeedOperations } from '@quartier/contracts-publishing';
import { OperationClient } from '@quartier/messaging';
import { ApiAuthenticated, ApiProblems } from '../../platform/api-docs';
import { RequestCaller } from '../../security/caller.decorator';
import { OperationAccess } from './operation-access.decorator';
import { FeedChannelParam, FeedModeQueryDto } from './publishing-route.dto';

/**
 * The /api/v1/publishing routes the route factory cannot express: a channel name in the path (the
 * factory takes UUID path ids only) and the XML feed download. Channels and jobs are generated in
 * publishing.module.ts.
 */
@ApiTags('publishing')
@ApiAuthenticated()
@Controller('publishing')
export class PublishingController {
  constructor(private readonly operations: OperationClient) {}

  // Hand-written: the factory takes UUID path ids only, this path names a channel.
  @Put('channels/:channel')
  @OperationAccess(ChannelOperations.configure)
  @ApiOperation({
    summary: 'Set a channel’s settings and secrets (owners and admins)',
    description:
      'immoscout24: secrets consumerKey, consumerSecret, accessToken, accessTokenSecret. immowelt/kleinanzeigen: settings ftpUsername, providerId, companyName; secret ftpPassword. facebook: setting pageId, secret pageAccessToken. instagram: setting igUserId, secret accessToken. linkedin: setting organizationId, secret accessToken. Values are merged into what is stored; an empty secret removes it. Secrets are encrypted at rest and never returned.',
  })
  @ApiOkResponse({ type: ChannelView })
  @ApiProblems(422, 503)
  configure(@Param() params: ChannelNameDto, @Body() dto: ConfigureChannelDto, @RequestCaller() caller: Caller): Promise<ChannelView> {
    return this.operations.send(ChannelOperations.configure, { ...dto, channel: params.channel }, caller);
  }

  // Hand-written: the factory takes UUID path ids only, this path names a channel.
  @Delete('channels/:channel')
  @HttpCode(204)
  @OperationAccess(ChannelOperations.remove)
  @ApiOperation({ summary: 'Forget a channel’s settings and secrets (owners and admins)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(404, 422)
  async removeChannel(@Param() params: ChannelNameDto, @RequestCaller() caller: Caller): Promise<void> {
    await this.operations.send(ChannelOperations.remove, { channel: params.channel }, caller);
  }

  // Hand-written: an XML download with its own headers, not a JSON body.
  @Get('feeds/:channel.xml')
  @OperationAccess(FeedOperations.get)
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
    const feed = await this.operations.send(FeedOperations.get, { ...query, channel: params.channel }, caller);
    reply.header('Content-Type', 'application/xml; charset=utf-8');
    reply.header('Content-Disposition', `attachment; filename="${feed.filename}"`);
    return feed.content;
  }

  // Hand-written: the factory takes UUID path ids only, this path names a channel.
  @Post('feeds/:channel/deliver')
  @HttpCode(200)
  @OperationAccess(FeedOperations.deliver)
  @ApiOperation({
    summary: 'Upload the full OpenImmo feed (VOLL) to the portal’s import FTP server now',
    description: 'Changes go up by themselves as delta feeds when listings are published or withdrawn; a full feed resynchronizes the portal (it removes what the feed leaves out). 502 PUBLISHING_PORTAL_FAILED with the server’s reply when the upload fails.',
  })
  @ApiOkResponse({ type: FeedDeliveryView })
  @ApiProblems(422, 502)
  deliver(@Param() params: FeedChannelParam, @RequestCaller() caller: Caller): Promise<FeedDeliveryView> {
    return this.operations.send(FeedOperations.deliver, { channel: params.channel }, caller);
  }
}
