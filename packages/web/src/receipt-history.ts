/**
 * The receipt of a complaint sent from the public form, kept in the tab's own session history
 * (`history.state`), so that Back, Forward and a reload in that tab show it again: the tracking
 * code is the complainant's only credential and the API never gives it twice. Never in a URL,
 * never in localStorage (nor sessionStorage): the browser keeps a tab's history entries for
 * that tab alone, and drops them with it (save what its own session restore keeps).
 *
 * Sending pushes an entry for the receipt over the form's own, which is marked sent: Back from
 * the receipt lands on a page saying the complaint went, leading to its receipt, rather than
 * on an empty form inviting a second case. "Kirim pengaduan lain" (on either) and the header's
 * link to the form forget both.
 */
import type { Schemas } from './api/client';

/** What one history entry keeps of a complaint sent from it. */
export type KeptReceipt = {
  /** `receipt`: the entry shows the receipt; `sent`: the form's entry it was sent from. */
  readonly view: 'receipt' | 'sent';
  /** Pairs a receipt's entry with the form's just behind it (random, never the code). */
  readonly id: string;
  readonly receipt: Schemas['ComplaintReceipt'];
  /** It went as first sent, before changes made after its answer was lost. */
  readonly editsLeftOut: boolean;
};

/** The history entry's key: other state an entry holds (a router's) is left as it is. */
const KEY = 'pantauComplaint';

/**
 * The form entry to forget once Back reaches it, in sessionStorage: its pairing id, no code.
 * Kept there, not in memory, since the entry may load as a new document (after a reload).
 */
const RESTART = 'pantau.complaintRestart';

type Hist = Pick<History, 'state' | 'replaceState' | 'pushState' | 'back'>;
type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The receipt an entry's state keeps, or null (none, or not one this page wrote). */
export function keptOf(state: unknown): KeptReceipt | null {
  if (state === null || typeof state !== 'object') return null;
  const kept = (state as Record<string, unknown>)[KEY] as Partial<KeptReceipt> | undefined;
  if (kept === null || typeof kept !== 'object') return null;
  const ok =
    (kept.view === 'receipt' || kept.view === 'sent') &&
    typeof kept.id === 'string' &&
    typeof kept.receipt?.trackingCode === 'string';
  return ok ? (kept as KeptReceipt) : null;
}

/** The entry's state with `kept` in place of what it held of a complaint (none: removed). */
function withKept(state: unknown, kept: KeptReceipt | null): Record<string, unknown> {
  const { [KEY]: _, ...others } =
    state !== null && typeof state === 'object' ? (state as Record<string, unknown>) : {};
  return kept ? { ...others, [KEY]: kept } : others;
}

/** The answer of a complaint just sent: the form's entry marked sent, the receipt's pushed. */
export function keepReceipt(
  receipt: Schemas['ComplaintReceipt'],
  editsLeftOut: boolean,
  hist: Hist = history,
): void {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
  const kept = { id, receipt, editsLeftOut };
  hist.replaceState(withKept(hist.state, { ...kept, view: 'sent' }), '');
  hist.pushState(withKept(null, { ...kept, view: 'receipt' }), '');
}

/** From the form's entry marked sent: its receipt again, in a new entry over it. */
export function showReceiptAgain(hist: Hist = history): void {
  const kept = keptOf(hist.state);
  if (kept?.view === 'sent') hist.pushState(withKept(null, { ...kept, view: 'receipt' }), '');
}

/**
 * A new complaint, from the receipt or from the form's entry marked sent: "Kirim pengaduan
 * lain" on either, and the header's link to the form while one of them shows (one way to
 * forget, whichever the complainant took). False when the entry keeps no receipt: nothing to do.
 *
 * From the receipt, its entry forgets it, then Back reaches the form's entry behind it, which
 * `forgetOnArrival` clears (Forward then shows an empty form). From the form's entry, it
 * forgets it, then a new entry over it drops the receipt's ahead (a browser drops the entries
 * ahead of one pushed), and Back returns to it: Forward then shows an empty form too.
 */
export function forgetReceipt(hist: Hist = history, store: Store = sessionStorage): boolean {
  const kept = keptOf(hist.state);
  if (!kept) return false;
  hist.replaceState(withKept(hist.state, null), '');
  if (kept.view === 'receipt') store.setItem(RESTART, kept.id);
  else hist.pushState(null, '');
  hist.back();
  return true;
}

/**
 * Called as the form's page opens and on each Back or Forward: the form's entry of a receipt
 * forgotten forgets it too.
 */
export function forgetOnArrival(hist: Hist = history, store: Store = sessionStorage): void {
  const id = store.getItem(RESTART);
  if (id === null) return;
  store.removeItem(RESTART);
  const kept = keptOf(hist.state);
  if (kept?.view === 'sent' && kept.id === id) hist.replaceState(withKept(hist.state, null), '');
}
