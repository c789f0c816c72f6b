import { Controller, Get, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { RequireScopes } from '@quartier/auth';
import { AVATAR_CONTENT_TYPES, AvatarInfoDto, ProfileOperations } from '@quartier/contracts-identity';
import { Caller, CommonErrorCode } from '@quartier/contracts-shared';
import { ApiAuthenticated, ApiProblems } from '../../platform/api-docs';
import { ProblemException } from '../../platform/problem';
import { RequestCaller } from '../../security/caller.decorator';
import { operationController } from '../../operations/operation-routes.factory';
import { isAvatarType, unsupportedAvatarType } from './avatar-upload';

/**
 * /api/v1/me: the signed-in user's own settings, generated from identity's operation descriptors
 * (every role may change its own, so reading scope suffices).
 */
@Controller()
export class MeController extends operationController('MeController', {
  profile: ProfileOperations.get,
  updateProfile: ProfileOperations.update,
  updatePreferences: ProfileOperations.updatePreferences,
  updateNotifications: ProfileOperations.updateNotifications,
  changePassword: ProfileOperations.changePassword,
}) {
  // Hand-written: a multipart upload, which a descriptor's route cannot read.
  @Post('me/avatar')
  @RequireScopes('read')
  @ApiAuthenticated()
  @ApiOperation({ summary: 'Upload own avatar: multipart/form-data field "file", PNG, JPEG, WebP or GIF' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: AvatarInfoDto })
  @ApiProblems(413, 415, 422)
  async uploadAvatar(@Req() request: FastifyRequest, @RequestCaller() caller: Caller): Promise<AvatarInfoDto> {
    if (!request.isMultipart()) throw unsupportedAvatarType();
    const file = await request.file();
    if (!file) {
      throw new ProblemException(422, CommonErrorCode.VALIDATION_FAILED, 'The request is invalid', [
        { field: 'file', message: 'file is required' },
      ]);
    }
    if (!isAvatarType(file.mimetype)) {
      file.file.resume();
      throw unsupportedAvatarType();
    }
    // Throws a 413 error once the configured size limit is passed.
    const bytes = await file.toBuffer();
    return this.client.send(ProfileOperations.setAvatar, { contentType: file.mimetype, data: bytes.toString('base64') }, caller);
  }

  // Hand-written: it answers the image itself, not JSON.
  @Get('me/avatar')
  @RequireScopes('read')
  @ApiAuthenticated()
  @ApiOperation({ summary: 'Own avatar image' })
  @ApiProduces(...AVATAR_CONTENT_TYPES)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiProblems(404)
  async avatar(@Res({ passthrough: true }) reply: FastifyReply, @RequestCaller() caller: Caller): Promise<Buffer> {
    const avatar = await this.client.send(ProfileOperations.getAvatar, {}, caller);
    reply.header('content-type', avatar.contentType).header('cache-control', 'private, no-cache');
    return Buffer.from(avatar.data, 'base64');
  }
}
