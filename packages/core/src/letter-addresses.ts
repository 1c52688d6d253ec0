/**
 * Who a letter goes to: its parties' addresses as their contacts are now (a ladder step's by its
 * policy, a forwarding or an invitation by the agency's), those a letter sent again did not
 * reach before, and why one has no one to go to.
 */
import { emailsOf } from './agency.ts';
import { isLadderAction, type NotificationRecord } from './notification.ts';
import type { LadderParty, LadderStep } from './policy.ts';
import type { Agency } from './schemas.ts';

export interface LetterParties {
  readonly agency: Agency;
  readonly focalPoint: Agency | undefined;
  readonly central: Agency | undefined;
}

/**
 * Email addresses of a ladder party. Only contacts of the right kind: `agency` is the agency's
 * liaisons, `agency_head` its heads, `focal_point` the focal point's liaisons, `central` the
 * central unit's liaisons. So a head hears of a case only on the rungs the policy copies it on.
 */
export function addressesOf(party: LadderParty, p: LetterParties): string[] {
  switch (party) {
    case 'agency':
      return emailsOf(p.agency, 'liaison');
    case 'agency_head':
      return emailsOf(p.agency, 'head');
    case 'focal_point':
      return emailsOf(p.focalPoint, 'liaison');
    case 'central':
      return emailsOf(p.central, 'liaison');
  }
}

/**
 * Who a ladder step's letter goes to, by the parties' contacts as they are now: when it is
 * written, and when central sends a failed one again after correcting them.
 */
export function stepAddresses(
  step: Pick<LadderStep, 'recipients' | 'cc'>,
  parties: LetterParties,
): { to: string[]; cc: string[] } {
  const unique = (xs: string[]) => [...new Set(xs)];
  const to = unique(step.recipients.flatMap((r) => addressesOf(r, parties)));
  const cc = unique(step.cc.flatMap((r) => addressesOf(r, parties))).filter((e) => !to.includes(e));
  return { to, cc };
}

/**
 * Who a letter goes to by its parties' contacts as they are now: a ladder letter as its policy
 * `step` says (`stepAddresses`); a forwarding letter, or one whose step the policy has since
 * dropped (`step` undefined), the agency's liaisons; an invitation, its liaisons copied to its
 * head. When central sends a failed letter again
 * (`resendLetter`), and when one held for letter hours or waiting out a retry goes
 * (`letterAddressedNow`): a unit moved to another focal point, or a contact removed or
 * corrected, since it was written.
 */
export function letterAddresses(
  action: NotificationRecord['action'],
  step: Pick<LadderStep, 'recipients' | 'cc'> | undefined,
  parties: LetterParties,
): { to: string[]; cc: string[] } {
  if (isLadderAction(action) && step) return stepAddresses(step, parties);
  const to = emailsOf(parties.agency, 'liaison');
  // An invitation is copied to the agency's head: it names a day its people must keep.
  const cc = action === 'invitation' ? emailsOf(parties.agency, 'head') : [];
  return { to, cc: cc.filter((e) => !to.includes(e)) };
}

/**
 * The addresses sent letter `n` reached, lower-cased: those it reached before it was sent again
 * (`reached`), and its own but those refused.
 */
export function reachedAddresses(
  n: Pick<NotificationRecord, 'recipients' | 'cc' | 'refusedAddresses' | 'reached'>,
): string[] {
  const refused = new Set((n.refusedAddresses ?? []).map((r) => r.address.toLowerCase()));
  const now = [...n.recipients, ...n.cc].map((a) => a.toLowerCase()).filter((a) => !refused.has(a));
  return [...new Set([...(n.reached ?? []), ...now])];
}

/**
 * Where a letter that reached some of its addresses before (`NotificationRecord.reached`) goes
 * when central sends it again: `addresses` (its parties' contacts as they are now, corrected
 * since) but those. An intervention went to central, its copy to the agency refused: the copy
 * goes to the agency's corrected address, as To (a message needs one), and central does not get
 * it twice.
 */
export function addressesNotReached(
  addresses: { readonly to: readonly string[]; readonly cc: readonly string[] },
  reachedBefore: readonly string[],
): { to: string[]; cc: string[] } {
  const reached = new Set(reachedBefore.map((a) => a.toLowerCase()));
  const left = (xs: readonly string[]) => xs.filter((a) => !reached.has(a.toLowerCase()));
  const [to, cc] = [left(addresses.to), left(addresses.cc)];
  return to.length > 0 ? { to, cc } : { to: cc, cc: [] };
}

/**
 * Why a ladder step's letter has no one to go to (`stepAddresses` gave no `to`), for central's
 * list of failed letters: each party it is addressed to, and that none has an address. In
 * English, as the mailer's refusals there are (an operator's detail), naming the agency.
 */
export function unaddressedReason(
  step: Pick<LadderStep, 'recipients'>,
  parties: LetterParties,
): string {
  const { agency, focalPoint } = parties;
  const party = (r: LadderParty) => {
    switch (r) {
      case 'agency':
        return `${agency.name}'s liaisons`;
      case 'agency_head':
        return `${agency.name}'s head`;
      case 'focal_point':
        return focalPoint
          ? `${focalPoint.name}'s liaisons`
          : `a focal point (${agency.name} has none)`;
      case 'central':
        return "central's liaisons";
    }
  };
  return (
    `no e-mail address for this letter: it is addressed to ${step.recipients.map(party).join(' and ')}, ` +
    'and none has one. Add the contact to the agency, then send the letter again'
  );
}
