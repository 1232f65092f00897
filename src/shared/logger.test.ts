import Fastify, { type FastifyBaseLogger } from 'fastify';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { createLogger, type LogFormat } from './logger.ts';

// `npm start` on a terminal prints plain lines; JSON off a terminal or with LOG_FORMAT=json.
// Either way the log keeps no IP, no user agent, no body, no secret and no raw URL.

const run = async (format: LogFormat): Promise<string> => {
  let out = '';
  const logger = createLogger('info', { write: (s: string) => (out += s) }, format);
  const app = Fastify({ loggerInstance: logger as FastifyBaseLogger });
  app.post('/cases/:id/messages', async () => ({ ok: true }));
  await app.inject({
    method: 'POST',
    url: '/cases/5d2c-secret-id/messages?token=abc123',
    headers: { 'user-agent': 'AgentSmith/1.0', 'x-forwarded-for': '203.0.113.9', 'content-type': 'application/json' },
    payload: { body: 'МОЙ РАССКАЗ', passphrase: 'верба снег окно' },
  });
  logger.warn({ job: 'retention' }, 'purged cases');
  await app.close();
  return out;
};

describe('logs', () => {
  it('plain: one readable line per request, then other messages with their fields', async () => {
    const out = await run('plain');
    const lines = out.trim().split('\n');
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d INFO {2}POST \/cases\/:id\/messages 200 \d+ ms$/);
    expect(out).toMatch(/WARN {2}purged cases job=retention/);
    expect(out).not.toMatch(/^\{/m);
  });

  it('json: one JSON object a line, the completed request naming its route pattern', async () => {
    const lines = (await run('json'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.find((l) => l.msg === 'request completed').res).toMatchObject({
      statusCode: 200,
      method: 'POST',
      route: '/cases/:id/messages',
    });
  });

  it('never holds an address, a user agent, a body, a secret or the raw URL, in either format', async () => {
    for (const format of ['plain', 'json'] as const) {
      const out = await run(format);
      for (const secret of [
        '203.0.113.9',
        '127.0.0.1',
        'AgentSmith',
        'МОЙ РАССКАЗ',
        'верба',
        '5d2c-secret-id',
        'abc123',
      ])
        expect(out, `${format}: ${secret}`).not.toContain(secret);
    }
  });

  it('LOG_FORMAT is json, plain or auto (the default)', () => {
    expect(loadConfig({}).logFormat).toBe('auto');
    expect(loadConfig({ LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(() => loadConfig({ LOG_FORMAT: 'pretty' })).toThrow(/LOG_FORMAT must be one of json, plain, auto/);
  });
});
