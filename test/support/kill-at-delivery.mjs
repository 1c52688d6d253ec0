// Test-only preload (NODE_OPTIONS=--import): SIGKILLs the process the moment its mailer moves
// a letter's .eml file into place, that is after the ladder step committed the letter to the
// outbox and before its delivery was recorded: the crash the sweep exists for.
import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';

const rename = fsp.rename;
fsp.rename = (from, to) => {
  if (String(to).endsWith('.eml')) process.kill(process.pid, 'SIGKILL');
  return rename(from, to);
};
// `import { rename } from 'node:fs/promises'` (the mailer's durable write) sees it too.
syncBuiltinESMExports();
