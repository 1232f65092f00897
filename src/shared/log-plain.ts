import type { DestinationStream } from 'pino';

// Plain lines for a person reading a terminal (`npm start`): "09:12:03 INFO  GET /cases/:id 200 4 ms".
// The logger still builds its JSON record first, with the same serializers and redaction (no IP,
// no user agent, no body, no secret), and this only re-writes that record: it can show nothing
// the JSON line would not. JSON stays the format off a terminal and with LOG_FORMAT=json.

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

type Rec = {
  level?: number;
  time?: number;
  msg?: string;
  reqId?: string;
  req?: { method?: string; route?: string };
  res?: { statusCode?: number; method?: string; route?: string };
  responseTime?: number;
  err?: { type?: string; message?: string; stack?: string };
  [key: string]: unknown;
};

const clock = (ms: number | undefined) => new Date(ms ?? Date.now()).toISOString().slice(11, 19);

export const plainLine = (rec: Rec): string | null => {
  // Every request is one line, written when it is answered; its "incoming" twin adds nothing.
  if (rec.msg === 'incoming request') return null;
  const { level, time, msg, reqId, req, res, responseTime, err, ...rest } = rec;
  const head = `${clock(time)} ${(LEVELS[level ?? 30] ?? String(level)).padEnd(5)}`;
  if (msg === 'request completed' && res)
    return `${head} ${res.method ?? ''} ${res.route ?? '(no route)'} ${res.statusCode} ${Math.round(responseTime ?? 0)} ms\n`;
  const extra = Object.entries(rest)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
  const route = req?.route ? ` ${req.method} ${req.route}` : '';
  const error = err ? `\n${err.stack ?? `${err.type}: ${err.message}`}` : '';
  return `${head} ${msg ?? ''}${route}${extra ? ` ${extra}` : ''}${error}\n`;
};

/** A pino destination that writes plain lines to `out` (a terminal). */
export const plainDestination = (out: { write(s: string): unknown } = process.stdout): DestinationStream => ({
  write: (json: string) => {
    for (const one of json.split('\n').filter(Boolean)) {
      const line = plainLine(JSON.parse(one) as Rec);
      if (line) out.write(line);
    }
  },
});
