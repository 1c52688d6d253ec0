export * from './agenda.ts';
export * from './attachments.ts';
export * from './forwarding.ts';
export * from './invitation.ts';
export * from './letter-document.ts';
export * from './numbering.ts';
export * from './ports.ts';
export * from './stored-settings.ts';
