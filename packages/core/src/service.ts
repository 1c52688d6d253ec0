/**
 * The one object the HTTP routes and the embedded runtime call: a thin facade over the use
 * cases in `use-cases/`, one file per capability, each a plain function of (deps, principal,
 * ...). The facade binds the dependencies once, so callers keep `new Service(deps)` and one
 * method per operation, while each use case stays a function that can be read and tested on
 * its own. Roles, scoping and idempotency are the use cases' (see `use-cases/kernel/`).
 */
import { AgendaTurns } from './documents/agenda.ts';
import * as agencies from './use-cases/agencies.ts';
import * as attachments from './use-cases/attachments.ts';
import * as reads from './use-cases/assignment-reads.ts';
import * as assignments from './use-cases/assignments.ts';
import * as cases from './use-cases/cases.ts';
import * as delegation from './use-cases/delegation.ts';
import * as restatement from './use-cases/restatement.ts';
import * as timelines from './use-cases/timeline.ts';
import * as documents from './use-cases/documents.ts';
import * as desk from './use-cases/desk.ts';
import * as extensions from './use-cases/extensions-and-pauses.ts';
import * as failedLetters from './use-cases/failed-letters.ts';
import * as imports from './use-cases/import.ts';
import * as intake from './use-cases/intake.ts';
import * as letterBounces from './use-cases/letter-bounces.ts';
import * as mail from './use-cases/mail.ts';
import type { ServiceDeps } from './use-cases/kernel/index.ts';
import * as monitoring from './use-cases/monitoring.ts';
import * as publicSide from './use-cases/public.ts';
import * as jobs from './use-cases/rearm-jobs.ts';
import * as reporting from './use-cases/reporting.ts';
import * as searching from './use-cases/search.ts';
import * as settings from './use-cases/settings.ts';
import * as worklistFile from './use-cases/worklist-export.ts';

export type { Idempotency, ServiceDeps } from './use-cases/kernel/index.ts';
export type {
  ForwardedMail,
  IncomingMail,
  MailFiles,
  MailOutcome,
} from './use-cases/mail-message.ts';
export { ORIGINAL_MAIL_NAME } from './use-cases/mail-message.ts';
export { MAX_IMPORT_ROWS } from './use-cases/import.ts';
export { receiptText } from './use-cases/intake.ts';
export { AlreadyRegistered } from './use-cases/registration.ts';

export class Service {
  readonly #deps: ServiceDeps;

  constructor(deps: ServiceDeps) {
    this.#deps = { agendaTurns: new AgendaTurns(), ...deps };
  }

  /** A use case with the dependencies bound (read at call time). */
  #bind<A extends unknown[], R>(useCase: (deps: ServiceDeps, ...args: A) => R) {
    return (...args: A): R => useCase(this.#deps, ...args);
  }

  // agencies
  readonly createAgency = this.#bind(agencies.createAgency);
  readonly listAgencies = this.#bind(agencies.listAgencies);
  readonly getAgency = this.#bind(agencies.getAgency);
  readonly agencyNames = this.#bind(agencies.agencyNames);
  readonly updateAgency = this.#bind(agencies.updateAgency);

  // cases
  readonly createCase = this.#bind(cases.createCase);
  readonly listCases = this.#bind(cases.listCases);
  readonly getCase = this.#bind(cases.getCase);
  readonly verifyCase = this.#bind(cases.verifyCase);
  readonly restateCase = this.#bind(restatement.restateCase);
  readonly forward = this.#bind(cases.forward);
  readonly closeCase = this.#bind(cases.closeCase);
  readonly timeline = this.#bind(timelines.timeline);

  // assignments
  readonly getAssignment = this.#bind(reads.getAssignment);
  readonly queue = this.#bind(reads.queue);
  readonly worklist = this.#bind(reads.worklist);
  readonly deadlines = this.#bind(reads.deadlines);
  readonly acknowledge = this.#bind(assignments.acknowledge);
  readonly respond = this.#bind(assignments.respond);
  readonly redirect = this.#bind(assignments.redirect);
  readonly withdrawAssignment = this.#bind(assignments.withdrawAssignment);
  readonly delegate = this.#bind(delegation.delegate);

  // extensions and pauses
  readonly requestExtension = this.#bind(extensions.requestExtension);
  readonly decideExtension = this.#bind(extensions.decideExtension);
  readonly pauseAssignment = this.#bind(extensions.pauseAssignment);
  readonly resumeAssignment = this.#bind(extensions.resumeAssignment);

  // monitoring
  readonly planActivity = this.#bind(monitoring.planActivity);
  readonly reportActivity = this.#bind(monitoring.reportActivity);
  readonly cancelActivity = this.#bind(monitoring.cancelActivity);
  readonly scheduleActivity = this.#bind(monitoring.scheduleActivity);
  readonly listActivities = this.#bind(monitoring.listActivities);
  readonly invitedActivities = this.#bind(monitoring.invitedActivities);

  // search
  readonly search = this.#bind(searching.search);

  // settings
  readonly getCalendarDays = this.#bind(settings.getCalendarDays);
  readonly putCalendarDay = this.#bind(settings.putCalendarDay);
  readonly putCalendarDays = this.#bind(settings.putCalendarDays);
  readonly deleteCalendarDay = this.#bind(settings.deleteCalendarDay);
  readonly putCalendarYear = this.#bind(settings.putCalendarYear);
  readonly listPolicies = this.#bind(settings.listPolicies);
  readonly getPolicy = this.#bind(settings.getPolicy);
  readonly putPolicy = this.#bind(settings.putPolicy);
  readonly getJob = this.#bind(jobs.getJob);
  readonly retryJob = this.#bind(jobs.retryJob);

  // reporting
  readonly agencyStats = this.#bind(reporting.agencyStats);
  readonly agencyStatsExport = this.#bind(reporting.agencyStatsExport);
  readonly exportCases = this.#bind(reporting.exportCases);
  readonly caseExportNotes = this.#bind(reporting.caseExportNotes);
  readonly caseExportPeriod = this.#bind(reporting.caseExportPeriod);
  readonly worklistExport = this.#bind(worklistFile.worklistExport);
  readonly listNotifications = this.#bind(reporting.listNotifications);
  readonly listFailedNotifications = this.#bind(reporting.listFailedNotifications);
  readonly failedLettersByAgency = this.#bind(failedLetters.failedLettersByAgency);
  readonly resendLetter = this.#bind(reporting.resendLetter);
  readonly dismissLetter = this.#bind(reporting.dismissLetter);
  readonly recordLetterBounce = this.#bind(letterBounces.recordLetterBounce);

  // intake channels
  readonly submitComplaint = this.#bind(intake.submitComplaint);
  readonly receiveEmail = this.#bind(mail.receiveEmail);
  readonly importCases = this.#bind(imports.importCases);

  // documents (issue 15)
  readonly documentSettings = this.#bind(documents.documentSettings);
  readonly putDocumentSettings = this.#bind(documents.putDocumentSettings);
  readonly letterDocument = this.#bind(documents.letterDocument);
  readonly receiptDocument = this.#bind(documents.receiptDocumentOf);
  readonly createAttachment = this.#bind(attachments.createAttachment);
  readonly listAttachments = this.#bind(attachments.listAttachments);
  readonly completeAttachment = this.#bind(attachments.completeAttachment);
  readonly downloadAttachment = this.#bind(attachments.downloadAttachment);
  readonly updateAttachment = this.#bind(attachments.updateAttachment);
  readonly recordScanVerdict = this.#bind(attachments.recordScanVerdict);

  // central's desk
  readonly now = this.#bind(desk.now);
  readonly pendingExtensions = this.#bind(desk.pendingExtensions);
  readonly holidayRemovalImpact = this.#bind(desk.holidayRemovalImpact);
  readonly holidayAdditionImpact = this.#bind(desk.holidayAdditionImpact);

  // public
  readonly track = this.#bind(publicSide.track);
  readonly reply = this.#bind(publicSide.reply);
}
