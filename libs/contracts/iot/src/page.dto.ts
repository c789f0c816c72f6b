import { ApiProperty } from '@nestjs/swagger';
import { AlertResponse } from './alert.dto';
import { CommandResponse } from './command.dto';
import { DeviceResponse } from './device.dto';
import { ReadingResponse } from './reading.dto';
import { RuleResponse } from './rule.dto';

/** `{ items, total, page, size, pages }` for the OpenAPI document. */
export class IotPageMeta {
  @ApiProperty({ example: 42 }) total!: number;
  @ApiProperty({ example: 1 }) page!: number;
  @ApiProperty({ example: 20 }) size!: number;
  @ApiProperty({ example: 3 }) pages!: number;
}

export class DevicePageResponse extends IotPageMeta {
  @ApiProperty({ type: [DeviceResponse] }) items!: DeviceResponse[];
}

export class ReadingPageResponse extends IotPageMeta {
  @ApiProperty({ type: [ReadingResponse] }) items!: ReadingResponse[];
}

export class CommandPageResponse extends IotPageMeta {
  @ApiProperty({ type: [CommandResponse] }) items!: CommandResponse[];
}

export class RulePageResponse extends IotPageMeta {
  @ApiProperty({ type: [RuleResponse] }) items!: RuleResponse[];
}

export class AlertPageResponse extends IotPageMeta {
  @ApiProperty({ type: [AlertResponse] }) items!: AlertResponse[];
}
