import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AvatarDto,
  AvatarInfoDto,
  ChangePasswordDto,
  IdentitySubjects,
  NotificationSettingsDto,
  OkDto,
  PreferencesDto,
  ProfileDto,
  SetAvatarDto,
  UpdateProfileDto,
} from '@quartier/contracts-identity';
import { OrgCaller } from '@quartier/contracts-shared';
import { CurrentCaller } from '@quartier/messaging';
import { ProfileService } from './profile.service';

@Controller()
export class ProfileController {
  constructor(private readonly profiles: ProfileService) {}

  @MessagePattern(IdentitySubjects.profileGet)
  get(@CurrentCaller() caller: OrgCaller): Promise<ProfileDto> {
    return this.profiles.get(caller.userId);
  }

  @MessagePattern(IdentitySubjects.profileUpdate)
  update(@CurrentCaller() caller: OrgCaller, @Payload() changes: UpdateProfileDto): Promise<ProfileDto> {
    return this.profiles.update(caller.userId, changes);
  }

  @MessagePattern(IdentitySubjects.preferencesUpdate)
  updatePreferences(@CurrentCaller() caller: OrgCaller, @Payload() changes: PreferencesDto): Promise<ProfileDto> {
    return this.profiles.updatePreferences(caller.userId, changes);
  }

  @MessagePattern(IdentitySubjects.notificationsUpdate)
  updateNotifications(@CurrentCaller() caller: OrgCaller, @Payload() changes: NotificationSettingsDto): Promise<ProfileDto> {
    return this.profiles.updateNotifications(caller.userId, changes);
  }

  @MessagePattern(IdentitySubjects.passwordChange)
  changePassword(@CurrentCaller() caller: OrgCaller, @Payload() request: ChangePasswordDto): Promise<OkDto> {
    return this.profiles.changePassword(caller.userId, request);
  }

  @MessagePattern(IdentitySubjects.avatarSet)
  setAvatar(@CurrentCaller() caller: OrgCaller, @Payload() request: SetAvatarDto): Promise<AvatarInfoDto> {
    return this.profiles.setAvatar(caller.userId, request);
  }

  @MessagePattern(IdentitySubjects.avatarGet)
  getAvatar(@CurrentCaller() caller: OrgCaller): Promise<AvatarDto> {
    return this.profiles.getAvatar(caller.userId);
  }
}
