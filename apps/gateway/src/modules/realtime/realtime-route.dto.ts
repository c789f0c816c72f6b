import { ApiProperty } from '@nestjs/swagger';

export class ActiveConnectionDto {
  @ApiProperty({ example: 'dashboard-7f3a', description: 'The id from the path, or one the gateway generated' }) clientId!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ format: 'date-time' }) connectedAt!: string;
  @ApiProperty({
    type: [String],
    nullable: true,
    example: ['leasing.lease.*', 'iot.alert.raised'],
    description: 'Event type patterns the client subscribed to; null = every event type it may receive',
  })
  types!: string[] | null;
}

export class ActiveConnectionPageDto {
  @ApiProperty({ type: () => ActiveConnectionDto, isArray: true }) items!: ActiveConnectionDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() size!: number;
  @ApiProperty() pages!: number;
}
