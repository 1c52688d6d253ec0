/**
 * The PDF renderer as its own bundle (`pdf-renderer.mjs`), built beside the API's handler
 * (infra/api.ts) and loaded by functions/api.ts on the first PDF request: pdf-lib, fontkit and
 * qrcode stay out of the API's cold start. The letters' font sits beside it (`fonts/`).
 */
export { renderLetterFile } from '@pantau/documents/pdf';
