import { OmitType } from '@nestjs/swagger';
import { CommandListQueryDto, ReadingQueryDto } from '@quartier/contracts-iot';

/** Queries of routes whose path already names the device. */
export class DeviceReadingQueryDto extends OmitType(ReadingQueryDto, ['deviceId'] as const) {}
export class DeviceCommandQueryDto extends OmitType(CommandListQueryDto, ['deviceId'] as const) {}
