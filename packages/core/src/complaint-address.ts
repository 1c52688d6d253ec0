/**
 * The addresses complaints arrive at by e-mail (SES's receipt rule, `-c mailIntakeRecipients`),
 * and the one rule saying whether a mailbox is one of them: the stack refuses such a
 * `lettersReplyTo` at synth, and the document settings such a `letterhead.email` (both are the
 * letters' Reply-To). Pure: no configuration is read here.
 */

/**
 * Why the document settings refuse a `letterhead.email` (`letterhead.email`'s field message):
 * it is a complaint address, so an agency's reply to a letter would come back as a new
 * complaint, and its sender would get a complaint receipt.
 */
export const COMPLAINT_ADDRESS_REFUSED =
  'this address receives complaints: an agency’s reply to a letter would be registered as a ' +
  'new complaint. Give the unit’s own mailbox, one its staff read';

/**
 * The complaint address (an entry of `recipients`, SES's recipient conditions) that receives
 * mail sent to `address`, if any: the address itself, its domain, or a parent domain written
 * with a leading dot (its subdomains), case-insensitive.
 */
export function complaintAddressOf(
  address: string,
  recipients: readonly string[],
): string | undefined {
  const lower = address.toLowerCase();
  const domain = lower.split('@')[1] ?? '';
  return recipients.find((r) => {
    const recipient = r.toLowerCase();
    if (recipient.includes('@')) return recipient === lower;
    return recipient.startsWith('.') ? domain.endsWith(recipient) : domain === recipient;
  });
}
