export { type AppDeps, createApp, MAX_BODY_BYTES } from './app.ts';
export {
  createJwtVerifier,
  createMultiIssuerVerifier,
  type JwtVerifierOptions,
  type TokenVerifier,
} from './auth.ts';
export type { OriginSecret, PublicRateLimit } from './edge.ts';
export { allow, createRoute, json, jsonBody, PROBLEMS, z } from './openapi.ts';
