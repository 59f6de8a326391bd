import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import { AtwCalendar } from './atw-calendar';

/** How long a replica trusts its copy of the decree days; an operator's addition reaches all within this. */
const REFRESH_MS = 5 * 60_000;

/** The Algemene termijnenwet calendar with the decree days from the database (the table operators extend). */
@Injectable()
export class LegalCalendarService {
  private cached?: { calendar: AtwCalendar; loadedAt: number };

  constructor(private readonly database: Database) {}

  async current(): Promise<AtwCalendar> {
    if (this.cached && Date.now() - this.cached.loadedAt < REFRESH_MS) return this.cached.calendar;
    const rows = (await this.database.forPlatform((db) =>
      db.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date, name, source FROM atw_decree_days ORDER BY date`),
    )) as { date: string; name: string; source: string }[];
    this.cached = { calendar: new AtwCalendar(rows), loadedAt: Date.now() };
    return this.cached.calendar;
  }

  /** Forget the copy, e.g. right after an operator added a day. */
  invalidate(): void {
    this.cached = undefined;
  }
}
