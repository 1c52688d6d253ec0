export * from './agency.ts';
export * from './assignment.ts';
export * from './assignment-clock.ts';
export * from './calendar.ts';
export * from './case.ts';
export * from './case-view.ts';
export * from './errors.ts';
export * from './policy.ts';
export * from './ports.ts';
export * from './schemas.ts';
export * from './seed-data.ts';
export * from './service.ts';
export * from './tenancy.ts';
export * from './timeline.ts';
export * from './tracking-code.ts';
export * from './ids.ts';
export * from './ladder/index.ts';
export * from './labels.ts';
export * from './letters.ts';
export * from './letter-rewrites.ts';
export * from './letter-addresses.ts';
export * from './date-words.ts';
export * from './report-sheets.ts';
export * from './worklist-sheet.ts';
export * from './notification.ts';
export * from './extension.ts';
export * from './stats.ts';
export * from './activity.ts';
export * from './desk.ts';
export * from './retry.ts';
export * from './grouped-calls.ts';
export * from './rearm-job.ts';
// The re-arming job's tasks, for the runners (Step Functions' Lambdas, the local interpreter).
export {
  type ChunkResult,
  finishJob,
  listJobPage,
  PAGES_PER_LISTING,
  rearmJobChunk,
  runRearmJob,
} from './use-cases/rearm-jobs.ts';
// The limits the API's descriptions name (a request for more time, planning an activity).
export { MAX_EXTENSION_REQUESTS } from './use-cases/extensions-and-pauses.ts';
export { MAX_OPEN_ACTIVITIES } from './use-cases/monitoring.ts';
// The cancellation letters a close owes for the activities it calls off (the reply window's end).
export { withCancellationLetters } from './use-cases/invitation-letters.ts';
// The cases export's read budget, and its refusal of a period, which the file's byte bound shares.
export { EXPORT_PAGE, exportPeriodTooLong, MAX_EXPORT_READS } from './use-cases/reporting.ts';
// The worklist export's read budget, and its refusal, which the file's byte bound shares.
export {
  MAX_WORKLIST_EXPORT_READS,
  WORKLIST_EXPORT_PAGE,
  worklistTooLong,
} from './use-cases/worklist-export.ts';
// The sweep's retry of e-mail receipts whose send failed (`functions/ladder-sweep.ts`, embedded);
// the longest Message-ID a receipt keeps (the store's largest case).
export {
  MAX_MESSAGE_ID_CHARS,
  type PendingReceiptsResult,
  RECEIPT_CLAIM_MS,
  RECEIPT_GIVE_UP_MS,
  RECEIPT_GRACE_MS,
  RECEIPT_OVERDUE_MS,
  sendPendingReceipts,
} from './use-cases/mail-receipt.ts';
// What a malware scan's verdict did to the file it names (the scan-result function logs it).
// The two event functions call their one use case directly, not through `Service`: the class
// names every use case, so a function holding it loads all of them (and their schemas).
export { recordScanVerdict, type ScanVerdictOutcome } from './use-cases/attachments.ts';
// What the mail service reported of a letter after accepting it (the SES events function).
export {
  recordLetterBounce,
  type LetterBounce,
  type LetterBounceOutcome,
} from './use-cases/letter-bounces.ts';
export * from './import-row.ts';
export * from './import-row-key.ts';
export * from './documents/index.ts';
export * from './search/index.ts';
