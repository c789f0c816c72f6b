import { ApiProperty } from '@nestjs/swagger';

/** `portfolio.v1.usage.get`: what the organization has, for plan limits. */
export class PortfolioUsageResponse {
  @ApiProperty({ example: 7 }) properties!: number;
  @ApiProperty({ example: 9 }) buildings!: number;
  @ApiProperty({ example: 112 }) units!: number;
  @ApiProperty({ example: 340 }) documents!: number;
  @ApiProperty({ example: 73400320, description: 'Bytes of every stored document version' }) storageBytes!: number;
}
