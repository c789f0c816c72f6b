import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { FieldError } from './errors';

export const MAX_PAGE_SIZE = 100;

/** `?page=&size=&sort=field,-other` as every list endpoint accepts it. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  size?: number;

  @ApiPropertyOptional({ description: 'Comma-separated fields, `-` for descending, e.g. `city,-createdAt`' })
  @IsOptional()
  @IsString()
  @Matches(/^-?[a-zA-Z]+(,-?[a-zA-Z]+)*$/, { message: 'sort must be a comma-separated list of fields, optionally prefixed with -' })
  sort?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  size: number;
  pages: number;
}

export interface SortField {
  field: string;
  direction: 'ASC' | 'DESC';
}

/** Parses `city,-createdAt`; unknown fields are rejected by the caller against its allow-list. */
export function parseSort(sort: string | undefined): SortField[] {
  if (!sort) return [];
  return sort.split(',').map((part) =>
    part.startsWith('-') ? { field: part.slice(1), direction: 'DESC' } : { field: part, direction: 'ASC' },
  );
}

/** Sort fields not on the allow-list, as the one field error every list endpoint reports (→ 422). */
export function unknownSortFields(fields: SortField[], allowed: readonly string[]): FieldError | undefined {
  const unknown = fields.filter((part) => !allowed.includes(part.field)).map((part) => part.field);
  if (unknown.length === 0) return undefined;
  return { field: 'sort', message: `cannot sort by ${unknown.join(', ')}; allowed: ${allowed.join(', ')}` };
}

export function pageOf<T>(items: T[], total: number, page: number, size: number): Page<T> {
  return { items, total, page, size, pages: Math.ceil(total / size) };
}
