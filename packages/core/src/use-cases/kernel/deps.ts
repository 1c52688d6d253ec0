import type { AgendaTurns } from '../../documents/agenda.ts';
import type { Sniffed } from '../../documents/attachments.ts';
import type { BlobStore } from '../../documents/ports.ts';
import type { ComplainantMailer, LadderStarter } from '../../notification.ts';
import type { Store } from '../../ports.ts';
import type { JobRunner } from '../../rearm-job.ts';

/** What every use case runs against: persistence through the port, time through the clock. */
export interface ServiceDeps {
  readonly store: Store;
  readonly clock: () => Date;
  /** Starts each assignment's escalation ladder once it is written. */
  readonly ladders?: LadderStarter;
  /** Runs the re-arming jobs settings edits start (without one they run inside the edit). */
  readonly jobs?: JobRunner;
  /**
   * Issue 15: each forwarding's ladder first writes a forwarding letter (surat penerusan).
   * The app turns it on; domain tests that count ladder letters leave it off.
   */
  readonly forwardingLetters?: boolean;
  /**
   * Central's invitation letters (surat undangan) to an activity's agencies, its new date's and
   * its cancellation's (`invitationLetterWrite`), written with the activity. The app turns it
   * on; domain tests that count letters leave it off.
   */
  readonly invitationLetters?: boolean;
  /** The console's address: an invitation letter names the case's page there (`caseLink`). */
  readonly consoleUrl?: string | undefined;
  /** Issue 15: where attachments' bytes live; absent, attachments answer 503. */
  readonly blobs?: BlobStore;
  /** Issue 15: type (from the bytes), size and SHA-256 of an upload; absent, as `blobs`. */
  readonly inspect?: (bytes: Uint8Array) => Promise<Sniffed>;
  /**
   * The mail domains of central's staff (`setneg.go.id`; lower case, exact: a subdomain is
   * another domain). A citizen's message one of them forwards to the intake address is the
   * citizen's complaint (`receiveEmail`); central's registry contacts count as staff too.
   * None by default.
   */
  readonly staffMailDomains?: readonly string[];
  /**
   * The addresses complaints arrive at by e-mail (SES's recipient conditions: addresses,
   * domains, `.parent` domains): the document settings refuse one as the unit's e-mail, which
   * the letters answer to (`complaintAddressOf`). None by default (embedded: the SMTP listener
   * takes any recipient, so none is known).
   */
  readonly complaintAddresses?: readonly string[];
  /** This process's registrations, one agenda number at a time (the Service makes one). */
  readonly agendaTurns?: AgendaTurns;
  /**
   * The reads one export may make: the cases' (`MAX_EXPORT_READS` by default) and the
   * worklist's (`MAX_WORKLIST_EXPORT_READS`), which production keeps; tests make it small
   * rather than load a year of cases or thousands of assignments.
   */
  readonly exportReads?: number;
  /**
   * Mails an e-mail complainant their receipt (`mail-receipt.ts`) through the letters' mailer,
   * naming the tracking page (`trackingUrl`, the console's public origin + `/track`). Absent
   * (the API, most tests): no receipt is written nor sent.
   */
  readonly receipts?: {
    readonly mailer: ComplainantMailer;
    readonly trackingUrl: string;
    /** Where a reply to the receipt goes: the address complaints arrive at, when known. */
    readonly replyTo?: string;
  };
}
