// Test-only preload (NODE_OPTIONS=--import): SIGKILLs the process the moment its mailer moves
// a letter's .eml file into place, that is after the ladder step committed the letter to the
// outbox and before its delivery was recorded: the crash the sweep exists for.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const rename = fs.renameSync;
fs.renameSync = (from, to) => {
  if (String(to).endsWith('.eml')) process.kill(process.pid, 'SIGKILL');
  return rename(from, to);
};
// `import { renameSync } from 'node:fs'` (the mailer) sees the patched function too.
syncBuiltinESMExports();
