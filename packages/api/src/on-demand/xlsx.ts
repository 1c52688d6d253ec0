/**
 * The workbook writer (exceljs and its zip writer), imported by the `.xlsx` routes on first use
 * only: on Lambda a chunk beside the handler (infra/bundle.ts splits dynamic imports), not part
 * of every cold start.
 */
export { boundedXlsx, toXlsx } from '../xlsx.ts';
