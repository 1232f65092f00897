import { openSqlite } from '../../src/db/database.ts';
import { systemClock } from '../../src/shared/clock.ts';
import { principalOf, type AuthContext } from '../../src/policy/principal.ts';
import { authoriseCase } from '../../src/cases/case-access.service.ts';
import { sendMessage } from '../../src/cases/case-work.service.ts';
import { addEvent, verifyEvent } from '../../src/cases/events.service.ts';
import { parsePartialDate } from '../../src/people/partial-date.ts';
import { runRetention } from '../../src/cases/retention.service.ts';

// One of several processes writing to one SQLite file at once (test/concurrency/). Each operation
// reads and then writes in one transaction, as the services do; every failure is counted.
// Prints one JSON line: how many operations succeeded and the distinct error messages.

type Wire = Omit<AuthContext, 'userPrivateKey'> & { key: string };
const fromWire = (w: Wire): AuthContext => ({ ...w, userPrivateKey: Buffer.from(w.key, 'base64') });

const { db, close } = openSqlite(process.env.DB_FILE!);
const count = Number(process.env.COUNT);
const caseId = process.env.CASE_ID!;
const family = fromWire(JSON.parse(process.env.FAMILY!));
const staff = fromWire(JSON.parse(process.env.STAFF!));
const deps = { db, clock: systemClock };
const errors = new Set<string>();
let ok = 0;
const attempt = async (op: () => Promise<unknown>) => {
  try {
    await op();
    ok++;
  } catch (err) {
    errors.add(err instanceof Error ? err.message : String(err));
  }
};

for (let i = 0; i < count; i++) {
  if (process.env.MODE === 'retention') {
    await attempt(() => runRetention(deps, { days: 90 }));
    continue;
  }
  await attempt(async () =>
    sendMessage(deps, await authoriseCase(db, principalOf(family), caseId, 'message'), `сообщение ${i}`),
  );
  await attempt(async () => {
    const { eventId } = await addEvent(deps, await authoriseCase(db, principalOf(staff), caseId, 'add_event'), {
      kind: 'deployed',
      date: parsePartialDate('2025-06') ?? undefined,
      source: 'official',
      verification: undefined,
      place: undefined,
      description: undefined,
    });
    await verifyEvent(deps, await authoriseCase(db, principalOf(staff), caseId, 'verify'), eventId, 'corroborated');
  });
}
await close();
process.stdout.write(`${JSON.stringify({ ok, errors: [...errors] })}\n`);
