/**
 * The DOMAIN.md worked example, shared by the tiers that check it: a normative complaint
 * forwarded on Monday 16 March 2026, 10:00 WIB (Nyepi and the Idulfitri leave follow), to an
 * agency that never answers.
 */
export const FORWARDED_AT = '2026-03-16T03:00:00.000Z';

/** The instant a WIB calendar day starts (when a ladder step counted to the day before fires). */
export const wib = (date: string) => new Date(`${date}T00:00:00.000+07:00`).toISOString();

/** [step, instant, targets] of every letter the silent agency gets, in order. */
export const SILENT_LADDER = [
  ['warning', wib('2026-03-18'), 'acknowledge'],
  ['warning', wib('2026-03-27'), 'followUp'],
  ['reminder_1', wib('2026-03-27'), 'acknowledge'],
  ['reminder_2', wib('2026-04-03'), 'acknowledge+followUp'],
  ['warning', wib('2026-04-10'), 'resolution'],
  ['formal_warning', wib('2026-04-11'), 'acknowledge+followUp'],
  ['central_intervention', wib('2026-04-18'), 'acknowledge+followUp+resolution'],
];
