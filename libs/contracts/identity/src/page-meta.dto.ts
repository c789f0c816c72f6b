import { ApiProperty } from '@nestjs/swagger';

/** What every page of a list answers besides its items (`Page<T>` of contracts-shared). */
export class PageMetaDto {
  @ApiProperty({ example: 42 }) total!: number;
  @ApiProperty({ example: 1 }) page!: number;
  @ApiProperty({ example: 20 }) size!: number;
  @ApiProperty({ example: 3 }) pages!: number;
}
