import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app.ts';
import { DIALECTS } from '../helpers/db.ts';
import { runStory, storyTexts, type StoryResult, type StoryTexts } from '../helpers/story.ts';

// The audit trail the whole story leaves (issue 3: "every staff read or change of a case is
// written to an append-only audit log (who, what, when; no content), visible to the
// organisation admin"), read back from the database and from the admin's page.

describe.each(DIALECTS)('the audit trail of the whole story (%s)', (dialect) => {
  let t: TestApp;
  let story: StoryResult;
  let texts: StoryTexts;

  beforeAll(async () => {
    t = await testApp(dialect);
    texts = storyTexts();
    story = await runStory(t.app, texts);
  });
  afterAll(() => t?.close());

  const rows = () => t.opened.db.selectFrom('audit_log').selectAll().orderBy('at').execute();

  it('records every staff read and change of the case, and the family opening it', async () => {
    const log = await rows();
    const by = (userId: string) => log.filter((r) => r.actor_user_id === userId).map((r) => r.action);
    const worker = story.caseworker.userId;
    expect(by(worker)).toEqual(
      expect.arrayContaining([
        'account.invite_accepted',
        'account.2fa_set',
        'case.read',
        'case.assigned',
        // the capture, corroborated on its confirmation page with a reason (issue 9)
        'event.confirmed',
        'note.added',
        'message.sent',
      ]),
    );
    const family = log.filter((r) => r.actor_role === 'family');
    expect(family.map((r) => r.action)).toEqual(expect.arrayContaining(['case.opened', 'event.added', 'message.sent']));
    for (const r of log.filter((x) => x.case_id !== null)) expect(r.case_id).toBe(story.caseId);
    for (const r of log) expect(r.organisation_id).toBe(story.organisationId);
    // Each staff page view of the case is one read.
    expect(by(worker).filter((a) => a === 'case.read').length).toBeGreaterThanOrEqual(4);
  });

  it('holds no content: no text typed in the story, in any column', async () => {
    const all = JSON.stringify(await rows());
    for (const text of [...Object.values(texts), story.family.pseudonym, story.caseworker.pseudonym, 'Демидов'])
      expect(all).not.toContain(text);
  });

  it('is append-only: the database refuses to change or delete an entry', async () => {
    await expect(sql`UPDATE audit_log SET action = 'x'`.execute(t.opened.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(t.opened.db)).rejects.toThrow(/append-only/);
  });

  it('is shown to the organisation admin, and to nobody else', async () => {
    const page = await story.admin.visitor.get('/staff/audit');
    expect(page.status).toBe(200);
    expect(page.body).toContain(story.caseworker.pseudonym);
    const worker = await story.caseworker.visitor.request('GET', '/staff/audit', undefined, false);
    expect(worker.status).toBe(404);
    const family = await story.family.visitor.request('GET', '/staff/audit', undefined, false);
    expect(family.status).toBe(404);
  });
  it('names every action in words on the admin page, a staff removal included', async () => {
    const confirm = await story.admin.visitor.submit(
      `/admin/invites?org=${story.organisationId}`,
      '/admin/invites/remove',
      { userId: story.caseworker.userId },
    );
    expect(confirm.status).toBe(200);
    await story.admin.visitor.submit(null, '/admin/invites/remove', {
      userId: story.caseworker.userId,
      confirm: 'yes',
    });
    const log = await rows();
    expect(log.map((r) => r.action)).toContain('account.removed');
    const page = await story.admin.visitor.get('/staff/audit');
    // Every action shown is translated: no raw key such as "account.removed" on the page.
    expect(page.body).not.toMatch(/[>\s](case|event|note|message|account|organisation)\.[a-z_0-9]+</);
  });
});
