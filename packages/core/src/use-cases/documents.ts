/**
 * Documents (issue 15): the unit's document settings (letterhead, signatory, numbering), and
 * letters and the walk-in receipt as documents for the PDF renderer (which lives outside the
 * domain, in @pantau/documents).
 */
import {
  DEFAULT_DOCUMENT_SETTINGS,
  type LetterDocument,
  receiptDocument,
} from '../documents/letter-document.ts';
import { COMPLAINT_ADDRESS_REFUSED, complaintAddressOf } from '../complaint-address.ts';
import { DomainError, invalidInput, notFound } from '../errors.ts';
import type { DocumentSettings, DocumentSettingsInput } from '../schemas/documents.ts';
import type { Principal } from '../tenancy.ts';
import {
  ADMIN_ROLES,
  CENTRAL_ROLES,
  readableCase,
  requireRole,
  retryOnConflict,
  savedAlready,
  type ServiceDeps,
  settingsVersion,
} from './kernel/index.ts';

const settingsOf = async (deps: ServiceDeps): Promise<DocumentSettings> =>
  (await deps.store.getDocumentSettings()) ?? DEFAULT_DOCUMENT_SETTINGS;

/** The letterhead, signatory and numbering in force (the defaults until saved). */
export async function documentSettings(deps: ServiceDeps, p: Principal): Promise<DocumentSettings> {
  requireRole(p, CENTRAL_ROLES);
  return settingsOf(deps);
}

/**
 * Replaces them (central admin); numbers already given stay as they are. A complaint address as
 * the unit's e-mail is refused (`letterhead.email`), nothing saved.
 */
export async function putDocumentSettings(
  deps: ServiceDeps,
  p: Principal,
  input: DocumentSettingsInput,
): Promise<DocumentSettings> {
  requireRole(p, ADMIN_ROLES);
  // The letters answer to it (their Reply-To): at a complaint address, an agency's reply would
  // be registered as a new complaint and its sender sent a complaint receipt.
  const email = input.letterhead.email;
  if (email && complaintAddressOf(email, deps.complaintAddresses ?? []))
    throw invalidInput('letterhead.email', COMPLAINT_ADDRESS_REFUSED);
  const { version: seen, ...fields } = input;
  // Made on the version the admin loaded (0: the defaults, none saved): another admin's save
  // since is refused, not reverted; the same save sent again (its answer lost) is answered as
  // saved. Without it the last save wins, as for any later save: two admins saving the first
  // settings at once both find none, and the one whose write lands second saves over the
  // first ('exists').
  return retryOnConflict(async () => {
    const current = await deps.store.getDocumentSettings(await settingsVersion(deps));
    const stored = current?.version ?? 0;
    const next: DocumentSettings = {
      ...fields,
      version: stored + 1,
      updatedAt: deps.clock().toISOString(),
    };
    const again = savedAlready(current, seen, next);
    if (again) return again;
    if (seen !== undefined && stored !== seen)
      throw new DomainError(
        'version_conflict',
        `the document settings were saved since version ${seen} (now ${stored}): read them again`,
      );
    await deps.store.putDocumentSettings(next, current ? current.version : null);
    return next;
  }, ['version', 'exists']);
}

/**
 * A letter's document, for its PDF: central, or the agency it was sent to (a focal point's
 * coordinator also its member units', as on the Letters page).
 */
export async function letterDocument(
  deps: ServiceDeps,
  p: Principal,
  caseId: string,
  notificationId: string,
): Promise<LetterDocument> {
  const { reader } = await readableCase(deps, p, caseId);
  const n = await deps.store.getNotification(caseId, notificationId);
  if (!n || (!reader.central && !reader.agencies.has(n.agencyId)))
    throw notFound(`letter ${notificationId}`);
  if (!n.document)
    throw new DomainError('not_found', 'this letter was written before letters had PDFs');
  return n.document;
}

/** The walk-in receipt (central: it carries the tracking code). */
export async function receiptDocumentOf(
  deps: ServiceDeps,
  p: Principal,
  caseId: string,
  trackingUrl: string,
): Promise<LetterDocument> {
  requireRole(p, CENTRAL_ROLES);
  const { bundle } = await readableCase(deps, p, caseId);
  return receiptDocument({ case: bundle.case, settings: await settingsOf(deps), trackingUrl });
}
