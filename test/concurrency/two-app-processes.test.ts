import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { systemClock } from '../../src/shared/clock.ts';
import { openCase } from '../../src/cases/cases.service.ts';
import { caseInput } from '../../src/cases/cases.fixtures.ts';
import { totpCode } from '../../src/accounts/totp.crypto.ts';
import { freshPgUrl } from '../helpers/db.ts';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';
import { createFamily, createOrganisation, createStaff, type TestUser } from '../helpers/factories.ts';

// Two `kintrace serve` processes on one PostgreSQL database, as docs/deploy.md describes (a
// reverse proxy or two onion service ports in front): a family and a caseworker are served by
// both in turn — logged in on one, working on the other, reading there what was written here —
// because sessions, keys and the schedule live in the database, never in a process.

const startServer = (url: string, dataDir: string) => startServerProcess({ DATABASE_URL: url, DATA_DIR: dataDir });

/** A browser without JavaScript, going to whichever server it is pointed at: cookies are the site's. */
class Browser {
  cookies = new Map<string, string>();
  async request(
    url: string,
    form?: Record<string, string>,
  ): Promise<{ status: number; body: string; location: string | null }> {
    const res = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair.indexOf('=');
      const value = pair.slice(eq + 1);
      if (value) this.cookies.set(pair.slice(0, eq), value);
      else this.cookies.delete(pair.slice(0, eq));
    }
    return { status: res.status, body: await res.text(), location: res.headers.get('location') };
  }
  async post(base: string, page: string, action: string, fields: Record<string, string>) {
    const html = (await this.request(base + page)).body;
    const token = /name="_csrf" value="([^"]+)"/.exec(html)![1];
    return this.request(base + action, { ...fields, _csrf: token });
  }
}

describe('two app processes on one PostgreSQL', () => {
  let a: ServerProcess;
  let b: ServerProcess;
  let family: TestUser;
  let staff: TestUser;
  let caseId: string;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kintrace-2proc-'));

  beforeAll(async () => {
    const url = await freshPgUrl();
    const opened = openPostgres(url);
    await migrateToLatest(opened.db);
    const org = await createOrganisation(opened.db, { clock: systemClock });
    family = await createFamily(opened.db, { clock: systemClock });
    staff = await createStaff(opened.db, org, 'caseworker', { clock: systemClock });
    caseId = (await openCase({ db: opened.db, clock: systemClock }, family.auth, caseInput(org.id))).caseId;
    await opened.close();
    [a, b] = await Promise.all([startServer(url, dataDir), startServer(url, dataDir)]);
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves a family and a caseworker by both in turn', async () => {
    const fam = new Browser();
    const login = await fam.post(a.base, '/login', '/login', {
      pseudonym: family.pseudonym,
      passphrase: family.passphrase,
    });
    expect(login.status).toBe(303);
    // Logged in on A, writing on B, reading on A.
    expect((await fam.request(`${b.base}/my/cases`)).status).toBe(200);
    const sent = await fam.post(b.base, `/cases/${caseId}`, `/cases/${caseId}/messages`, {
      body: 'Написано через второй процесс',
    });
    expect(sent.status).toBe(303);
    expect((await fam.request(`${a.base}/cases/${caseId}`)).body).toContain('Написано через второй процесс');

    const cw = new Browser();
    const first = await cw.post(b.base, '/login', '/login', {
      pseudonym: staff.pseudonym,
      passphrase: staff.passphrase,
    });
    expect(first.location).toBe('/login/2fa');
    // The second factor on the other process: the session is in the database, not in B.
    const second = await cw.post(a.base, '/login/2fa', '/login/2fa', { code: totpCode(staff.totpSecret!, new Date()) });
    expect(second.status).toBe(303);
    const reply = await cw.post(b.base, `/cases/${caseId}`, `/cases/${caseId}/messages`, {
      body: 'Ответ из первого процесса',
    });
    expect(reply.status).toBe(303);
    const seen = await fam.request(`${b.base}/cases/${caseId}`);
    expect(seen.body).toContain('Ответ из первого процесса');
    // A tip sent through A is read by staff through B, and the sender's code works on either.
    const tipper = new Browser();
    const tipForm = await tipper.request(`${a.base}/tips/new`);
    const token = /name="_csrf" value="([^"]+)"/.exec(tipForm.body)![1];
    const orgId = /<option value="([0-9a-f-]{36})"/.exec(tipForm.body)![1];
    const posted = await tipper.request(`${a.base}/tips/new`, {
      _csrf: token,
      organisation: orgId,
      what_happened: 'Видел его в Курске',
      how_known: 'saw_myself',
    });
    expect(posted.location).toBe('/tip/receipt');
    const receipt = await tipper.request(`${b.base}/tip/receipt`);
    const code = /<code class="secret receipt">([\s\S]*?)<\/code>/.exec(receipt.body)![1].replace(/<wbr\/?>/g, '');
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){5}$/);
    expect((await cw.request(`${b.base}/staff/tips?filter=new`)).body).toContain('Видел его в Курске');
    const back = new Browser();
    const opened = await back.post(b.base, '/tip', '/tip/open', { code });
    expect(opened.location).toBe('/tip');
    expect((await back.request(`${a.base}/tip`)).body).toContain('Видел его в Курске');
  });
});
