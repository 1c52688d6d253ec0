/** The shared kernel of the use cases: dependencies, idempotency, access, loaders, events, writes. */
export { retryOnConflict } from '../../retry.ts';
export * from './access.ts';
export * from './assignment-change.ts';
export * from './deps.ts';
export * from './events.ts';
export * from './idempotency.ts';
export * from './loaders.ts';
export * from './writes.ts';
