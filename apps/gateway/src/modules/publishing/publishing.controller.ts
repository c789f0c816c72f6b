import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Caller } from '@quartier/contracts-shared';
import { ChannelNameDto, ChannelOperations, ChannelView, ConfigureChannelDto, FeedDeliveryView, FeedOperations, JobOperations } from '@quartier/contracts-publishing';
import { operationController } from '../../operations/operation-routes.factory';
import { ApiAuthenticated, ApiProblems } from '../../platform/api-docs';
import { RequestCaller } from '../../security/caller.decorator';
import { OperationAccess } from '../../operations/operation-access.decorator';
import { FeedChannelParam, FeedModeQueryDto } from './publishing-route.dto';

/** /api/v1/publishing: channels and jobs generated from their descriptors, the rest written by hand. */
@Controller()
export class PublishingController extends operationController('PublishingController', {
  channels: ChannelOperations.list,
  jobs: JobOperations.list,
  job: JobOperations.get,
}) {
  // Hand-written: the factory would document the channel in the path without its enum.
  @Put('publishing/channels/:channel')
  @OperationAccess(ChannelOperations.configure)
  @ApiAuthenticated()
  @ApiOperation({
    summary: 'Set a channel’s settings and secrets (owners and admins)',
    description:
      'immoscout24: secrets consumerKey, consumerSecret, accessToken, accessTokenSecret. immowelt/kleinanzeigen: settings ftpUsername, providerId, companyName; secret ftpPassword. facebook: setting pageId, secret pageAccessToken. instagram: setting igUserId, secret accessToken. linkedin: setting organizationId, secret accessToken. Values are merged into what is stored; an empty secret removes it. Secrets are encrypted at rest and never returned.',
  })
  @ApiOkResponse({ type: ChannelView })
  @ApiProblems(422, 503)
  configure(@Param() params: ChannelNameDto, @Body() dto: ConfigureChannelDto, @RequestCaller() caller: Caller): Promise<ChannelView> {
    return this.client.send(ChannelOperations.configure, { ...dto, channel: params.channel }, caller);
  }

  // Hand-written: the factory would document the channel in the path without its enum.
  @Delete('publishing/channels/:channel')
  @HttpCode(204)
  @OperationAccess(ChannelOperations.remove)
  @ApiAuthenticated()
  @ApiOperation({ summary: 'Forget a channel’s settings and secrets (owners and admins)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(404, 422)
  async removeChannel(@Param() params: ChannelNameDto, @RequestCaller() caller: Caller): Promise<void> {
    await this.client.send(ChannelOperations.remove, { channel: params.channel }, caller);
  }

  // Hand-written: an XML download with its own headers, not a JSON body.
  @Get('publishing/feeds/:channel.xml')
  @OperationAccess(FeedOperations.get)
  @ApiAuthenticated()
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
    const feed = await this.client.send(FeedOperations.get, { ...query, channel: params.channel }, caller);
    reply.header('Content-Type', 'application/xml; charset=utf-8');
    reply.header('Content-Disposition', `attachment; filename="${feed.filename}"`);
    return feed.content;
  }

  // Hand-written: the factory would document the channel in the path without its enum.
  @Post('publishing/feeds/:channel/deliver')
  @HttpCode(200)
  @OperationAccess(FeedOperations.deliver)
  @ApiAuthenticated()
  @ApiOperation({
    summary: 'Upload the full OpenImmo feed (VOLL) to the portal’s import FTP server now',
    description: 'Changes go up by themselves as delta feeds when listings are published or withdrawn; a full feed resynchronizes the portal (it removes what the feed leaves out). 502 PUBLISHING_PORTAL_FAILED with the server’s reply when the upload fails.',
  })
  @ApiOkResponse({ type: FeedDeliveryView })
  @ApiProblems(422, 502)
  deliver(@Param() params: FeedChannelParam, @RequestCaller() caller: Caller): Promise<FeedDeliveryView> {
    return this.client.send(FeedOperations.deliver, { channel: params.channel }, caller);
  }
}
