import { join, resolve } from 'node:path';
import { redriveDeadLetters } from '../local/bridge-journal.js';

/**
 * `npm run redrive`: puts the events of the local dead-letter file (`<data dir>/dead-letters.jsonl`)
 * back into the bridge's journal, like an SQS redrive; `npm start` delivers them when it starts
 * (if it is running now, at its next start: stop it with Ctrl-C and start it again).
 */
const dataDir = resolve(process.env.TRENDWIRE_DATA_DIR || '.data');
const count = redriveDeadLetters(join(dataDir, 'dead-letters.jsonl'), join(dataDir, 'bridge-journal.log'));
process.stdout.write(
  count === 0
    ? `no dead letters in ${dataDir}\n`
    : `${count} dead-lettered event(s) queued again; npm start delivers them when it (re)starts\n`,
);
