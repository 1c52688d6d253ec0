/**
 * The upload sniffer (file-type and its readers), imported on the first upload only: on Lambda
 * a chunk beside the handler (infra/bundle.ts splits dynamic imports), not part of every cold
 * start. A module of ours, so the boundary rules read this static import.
 */
export { inspectUpload } from '@pantau/documents/sniff';
