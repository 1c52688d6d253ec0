/**
 * The spreadsheet reader (exceljs and its zip readers, about 1 MB bundled), imported by the
 * import route on first use only: on Lambda a chunk beside the handler (infra/bundle.ts splits
 * dynamic imports), not part of every cold start. A module of ours, so the boundary rules read
 * this static import.
 */
export { readSheet } from '@pantau/intake/sheet';
