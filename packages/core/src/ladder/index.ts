/** The escalation ladder: its rules (rules.ts), what it writes (records.ts), and its letters until they go (outbox.ts). */
export * from './rules.ts';
export * from './records.ts';
export * from './outbox.ts';
export * from './state.ts';
