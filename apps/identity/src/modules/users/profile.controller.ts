import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  AvatarDto,
  AvatarInfoDto,
  ChangePasswordDto,
  NotificationSettingsDto,
  OkDto,
  PreferencesDto,
  ProfileDto,
  ProfileOperations,
  SetAvatarDto,
  UpdateProfileDto,
} from '@quartier/contracts-identity';
import { OrgCaller } from '@quartier/contracts-shared';
import { CurrentCaller, HandlesOperation } from '@quartier/messaging';
import { ProfileService } from './profile.service';

@Controller()
export class ProfileController {
  constructor(private readonly profiles: ProfileService) {}

  @HandlesOperation(ProfileOperations.get)
  get(@CurrentCaller() caller: OrgCaller): Promise<ProfileDto> {
    return this.profiles.get(caller.userId);
  }

  @HandlesOperation(ProfileOperations.update)
  update(@CurrentCaller() caller: OrgCaller, @Payload() changes: UpdateProfileDto): Promise<ProfileDto> {
    return this.profiles.update(caller.userId, changes);
  }

  @HandlesOperation(ProfileOperations.updatePreferences)
  updatePreferences(@CurrentCaller() caller: OrgCaller, @Payload() changes: PreferencesDto): Promise<ProfileDto> {
    return this.profiles.updatePreferences(caller.userId, changes);
  }

  @HandlesOperation(ProfileOperations.updateNotifications)
  updateNotifications(@CurrentCaller() caller: OrgCaller, @Payload() changes: NotificationSettingsDto): Promise<ProfileDto> {
    return this.profiles.updateNotifications(caller.userId, changes);
  }

  @HandlesOperation(ProfileOperations.changePassword)
  changePassword(@CurrentCaller() caller: OrgCaller, @Payload() request: ChangePasswordDto): Promise<OkDto> {
    return this.profiles.changePassword(caller.userId, request);
  }

  @HandlesOperation(ProfileOperations.setAvatar)
  setAvatar(@CurrentCaller() caller: OrgCaller, @Payload() request: SetAvatarDto): Promise<AvatarInfoDto> {
    return this.profiles.setAvatar(caller.userId, request);
  }

  @HandlesOperation(ProfileOperations.getAvatar)
  getAvatar(@CurrentCaller() caller: OrgCaller): Promise<AvatarDto> {
    return this.profiles.getAvatar(caller.userId);
  }
}
