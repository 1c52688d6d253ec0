export { type AppDeps, createApp, MAX_BODY_BYTES } from './app.ts';
export type { PdfRenderer } from './routes/documents.ts';
export {
  createJwtVerifier,
  createMultiIssuerVerifier,
  type JwtVerifierOptions,
  type TokenVerifier,
} from './auth.ts';
export type { OriginSecret, PublicRateLimit } from './edge.ts';
export { createRoute, json, jsonBody, PROBLEMS, z } from './openapi.ts';
export {
  isPublicRoute,
  PUBLIC_ROUTES,
  type PublicRoute,
  TRACK_PATHS,
  TRACKING_ROUTES,
} from './public-routes.ts';
export {
  CORRELATION_HEADER,
  correlationIdOf,
  currentCorrelationId,
  withCorrelationId,
} from './correlation.ts';
export { derivedSecret } from './proof-of-work.ts';
