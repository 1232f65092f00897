import pino, { type Logger, type LoggerOptions } from 'pino';

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
    res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
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

export const createLogger = (level: string, destination?: pino.DestinationStream): Logger =>
  destination ? pino(loggerOptions(level), destination) : pino(loggerOptions(level));
