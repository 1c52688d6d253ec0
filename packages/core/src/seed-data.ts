import holidaysFile from '../data/holidays-id.json' with { type: 'json' };
import type { CalendarDay, WorkingCalendar } from './calendar.ts';

/** The default calendar's id: Indonesia's national calendar (API.md). */
export const DEFAULT_CALENDAR_ID = 'id';

/**
 * Indonesia's 2025–2026 national holidays and cuti bersama (SKB 3 Menteri), the seed of the
 * editable calendar table. A copy of ../shared/data/holidays-id.json kept in the project so
 * it runs on a machine without ../shared.
 */
export const INDONESIAN_HOLIDAYS: WorkingCalendar = {
  id: DEFAULT_CALENDAR_ID,
  years: [...new Set(holidaysFile.days.map((d) => Number(d.date.slice(0, 4))))].sort(),
  days: holidaysFile.days as CalendarDay[],
};
