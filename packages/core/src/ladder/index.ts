/** The escalation ladder: its rules (rules.ts) and what it writes (records.ts). */
export * from './rules.ts';
export * from './records.ts';
export * from './state.ts';
