export * from './document.ts';
export * from './normalize.ts';
export * from './query.ts';
export * from './text.ts';
