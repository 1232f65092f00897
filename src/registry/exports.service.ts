import type { Db } from '../db/database.ts';
import type { Principal } from '../policy/principal.ts';
import { apiPerson, csvPerson, PERSON_COLUMNS, toCsv } from './open-data.ts';
import { allPublicRecords } from './registry-read.service.ts';

// The whole registry as one file, for the download and `kintrace export registry`: written a
// batch at a time, so 100,000 rows never sit in memory at once.

export async function* personsExport(db: Db, principal: Principal, format: 'csv' | 'json'): AsyncGenerator<string> {
  let first = true;
  if (format === 'json') yield '{"persons":[';
  for await (const batch of allPublicRecords(db, principal)) {
    if (format === 'csv') {
      const csv = toCsv(PERSON_COLUMNS, batch.map(csvPerson));
      // the header (and the byte-order mark) only once
      yield first ? csv : csv.slice(csv.indexOf('\r\n') + 2);
    } else yield `${first ? '' : ','}${batch.map((r) => JSON.stringify(apiPerson(r))).join(',')}`;
    first = false;
  }
  if (format === 'csv' && first) yield toCsv(PERSON_COLUMNS, []);
  if (format === 'json') yield ']}\n';
}
