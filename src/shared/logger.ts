import pino, { type Logger, type LoggerOptions } from 'pino';
import { plainDestination } from './log-plain.ts';

// The threat model forbids logging IP addresses, user agents, bodies or secrets. Fastify's
// default request serializer logs remoteAddress and headers, so we replace the serializers
// with ones that keep only the method, the route pattern (never the raw URL: it may carry ids
// or tokens) and the status code.
export const loggerOptions = (level: string): LoggerOptions => ({
  level,
  base: undefined,
  serializers: {
    req: (req: { method?: string; routeOptions?: { url?: string } }) => ({
      method: req.method,
      route: req.routeOptions?.url,
    }),
    // Fastify hands the reply here: its request's method and route pattern (never the raw URL)
    // make "request completed" one readable line on its own.
    res: (res: { statusCode?: number; request?: { method?: string; routeOptions?: { url?: string } } }) => ({
      statusCode: res.statusCode,
      method: res.request?.method,
      route: res.request?.routeOptions?.url,
    }),
    err: (err: Error) => ({ type: err.name, message: err.message, stack: err.stack }),
  },
  redact: {
    paths: [
      'req.headers',
      'req.ip',
      'req.ips',
      'req.remoteAddress',
      'req.body',
      'headers',
      'ip',
      'body',
      'password',
      'passphrase',
      '*.passphrase',
      '*.password',
    ],
    remove: true,
  },
});

export type LogFormat = 'json' | 'plain';

/** JSON by default; plain lines (log-plain.ts) for a person at a terminal. */
export const createLogger = (
  level: string,
  destination?: pino.DestinationStream,
  format: LogFormat = 'json',
): Logger =>
  format === 'plain'
    ? pino(loggerOptions(level), plainDestination(destination))
    : destination
      ? pino(loggerOptions(level), destination)
      : // Written as each line comes (pino's own default buffers them): the lines of the jobs run at
        // start came after `serve`'s message on a file or a service's journal, where a newcomer
        // looks for the address. The platform logs little (no request lines), so the writes cost
        // nothing that shows.
        pino(loggerOptions(level), pino.destination({ dest: 1, sync: true }));
