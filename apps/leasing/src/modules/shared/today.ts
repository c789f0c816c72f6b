import { Inject, Injectable } from '@nestjs/common';
import { todayIn } from './iso-date';

export const LEASING_TIME_ZONE = Symbol('LEASING_TIME_ZONE');

/** "Today" in the configured time zone: due dates and expiry follow the organization's calendar. */
@Injectable()
export class Today {
  constructor(@Inject(LEASING_TIME_ZONE) private readonly timeZone: string) {}

  get(): string {
    return todayIn(this.timeZone);
  }
}
