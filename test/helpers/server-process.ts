import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

// The real server as an operator runs it: `kintrace serve` in a process of its own, on a free
// port of 127.0.0.1, with the environment given. Resolves once it says it is running (its start
// message is in English unless the environment given sets KINTRACE_LANG).

const root = path.resolve(import.meta.dirname, '..', '..');

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });

export interface ServerProcess {
  base: string;
  child: ChildProcess;
  /** Everything it has written to its output and error streams so far. */
  output(): string;
  /** SIGTERM (or the signal given) and wait until the process is gone */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export const startServerProcess = async (env: Record<string, string>): Promise<ServerProcess> => {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(root, 'bin', 'kintrace.mjs'), 'serve'], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', KINTRACE_LANG: 'en', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (/Kintrace (is running at|работает по адресу)/.test(out)) resolve();
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    child,
    output: () => out,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill(signal);
      await exited;
    },
  };
};
