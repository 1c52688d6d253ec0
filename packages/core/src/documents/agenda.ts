/**
 * The agenda number a registration claims: the year's counter read, plus one, written in the
 * same transaction as the case under the value read. Two registrations that read the same
 * value cannot both commit; the loser reads again and takes the next number, so numbers are
 * unique and gapless within a year.
 */
import { localDate } from '../calendar.ts';
import { WriteConflict } from '../ports.ts';
import { DEFAULT_DOCUMENT_SETTINGS } from './letter-document.ts';
import { formatNumber, sequenceName } from './numbering.ts';
import type { DocumentStore, SequenceClaim } from './ports.ts';

/** Attempts before a registration gives up under contention (a 409 the client may retry). */
export const MAX_AGENDA_ATTEMPTS = 200;

export async function claimAgendaNumber(
  store: DocumentStore,
  now: Date,
): Promise<{ number: string; claim: SequenceClaim }> {
  // The registration's date in WIB (the unit's zone) names the year and the month.
  const date = localDate(now, 'Asia/Jakarta');
  const name = sequenceName('agenda', date);
  const [settings, current] = await Promise.all([
    store.getDocumentSettings(),
    store.getSequence(name),
  ]);
  const pattern = (settings ?? DEFAULT_DOCUMENT_SETTINGS).agendaNumberPattern;
  const value = current + 1;
  return { number: formatNumber(pattern, value, date), claim: { name, value, expected: current } };
}

/**
 * Whether a failed write lost a race on a contended item (a registration its number, an upload
 * its case's version) and may try again after a short random pause, so that a crowd spreads
 * out instead of colliding again.
 */
export async function lostAgendaRace(error: unknown, attempt: number): Promise<boolean> {
  if (!(error instanceof WriteConflict) || error.kind !== 'version') return false;
  if (attempt >= MAX_AGENDA_ATTEMPTS) return false;
  const ceiling = Math.min(200, 5 * 2 ** Math.min(attempt, 6));
  await new Promise((done) => setTimeout(done, Math.random() * ceiling));
  return true;
}
