import { Body, Controller, Get, HttpCode, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { RequireScopes } from '@quartier/auth';
import {
  AVATAR_CONTENT_TYPES,
  AvatarDto,
  AvatarInfoDto,
  ChangePasswordDto,
  IdentitySubjects,
  NotificationSettingsDto,
  OkDto,
  PreferencesDto,
  ProfileDto,
  UpdateProfileDto,
} from '@quartier/contracts-identity';
import { Caller, CommonErrorCode } from '@quartier/contracts-shared';
import { RpcClient } from '@quartier/messaging';
import { ApiAuthenticated, ApiProblems } from '../../platform/api-docs';
import { ProblemException } from '../../platform/problem';
import { RequestCaller } from '../../security/caller.decorator';
import { isAvatarType, unsupportedAvatarType } from './avatar-upload';

/** The signed-in user's own settings: every role may change its own, so reading scope suffices. */
@ApiTags('me')
@ApiAuthenticated()
@RequireScopes('read')
@Controller('me')
export class MeController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('profile')
  @ApiOperation({ summary: 'Own profile with preferences and notification settings' })
  @ApiOkResponse({ type: ProfileDto })
  @ApiProblems()
  profile(@RequestCaller() caller: Caller): Promise<ProfileDto> {
    return this.rpc.request(IdentitySubjects.profileGet, {}, caller);
  }

  @Patch('profile')
  @ApiOperation({ summary: 'Update own name, phone, locale' })
  @ApiOkResponse({ type: ProfileDto })
  @ApiProblems(422)
  updateProfile(@Body() dto: UpdateProfileDto, @RequestCaller() caller: Caller): Promise<ProfileDto> {
    return this.rpc.request(IdentitySubjects.profileUpdate, dto, caller);
  }

  @Patch('preferences')
  @ApiOperation({ summary: 'Update own preferences (theme, language, time zone, …)' })
  @ApiOkResponse({ type: ProfileDto })
  @ApiProblems(422)
  updatePreferences(@Body() dto: PreferencesDto, @RequestCaller() caller: Caller): Promise<ProfileDto> {
    return this.rpc.request(IdentitySubjects.preferencesUpdate, dto, caller);
  }

  @Patch('notifications')
  @ApiOperation({ summary: 'Update own notification settings' })
  @ApiOkResponse({ type: ProfileDto })
  @ApiProblems(422)
  updateNotifications(@Body() dto: NotificationSettingsDto, @RequestCaller() caller: Caller): Promise<ProfileDto> {
    return this.rpc.request(IdentitySubjects.notificationsUpdate, dto, caller);
  }

  @Post('change-password')
  @HttpCode(200)
  @ApiOperation({ summary: 'Change own password (current password required; signs out every other session)' })
  @ApiOkResponse({ type: OkDto })
  @ApiProblems(401, 422)
  changePassword(@Body() dto: ChangePasswordDto, @RequestCaller() caller: Caller): Promise<OkDto> {
    return this.rpc.request(IdentitySubjects.passwordChange, dto, caller);
  }

  @Post('avatar')
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
    return this.rpc.request(IdentitySubjects.avatarSet, { contentType: file.mimetype, data: bytes.toString('base64') }, caller);
  }

  @Get('avatar')
  @ApiOperation({ summary: 'Own avatar image' })
  @ApiProduces(...AVATAR_CONTENT_TYPES)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiProblems(404)
  async avatar(@Res({ passthrough: true }) reply: FastifyReply, @RequestCaller() caller: Caller): Promise<Buffer> {
    const avatar = await this.rpc.request<AvatarDto>(IdentitySubjects.avatarGet, {}, caller);
    reply.header('content-type', avatar.contentType).header('cache-control', 'private, no-cache');
    return Buffer.from(avatar.data, 'base64');
  }
}
