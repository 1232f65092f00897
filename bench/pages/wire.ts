import net from 'node:net';
import zlib from 'node:zlib';

// One HTTP/1.1 GET over a plain socket, counting every byte the server sends back (status line,
// headers, chunk framing and the body as encoded): what a phone on Tor actually downloads, less
// TCP/TLS/Tor framing. Node's fetch decompresses transparently and hides that figure.

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  /** every byte received on the socket */
  wireBytes: number;
  /** the body after undoing transfer and content encoding */
  body: string;
}

/**
 * What Firefox (Tor Browser) and Chromium send over plain HTTP; brotli is offered only over
 * HTTPS, so gzip is the figure that counts. KT_ACCEPT_ENCODING='gzip, deflate, br' shows the other.
 */
export const BROWSER_ACCEPT_ENCODING = process.env.KT_ACCEPT_ENCODING ?? 'gzip, deflate';

const dechunk = (raw: Buffer): Buffer => {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = raw.indexOf('\r\n', at);
    const size = Number.parseInt(raw.subarray(at, lineEnd).toString('latin1'), 16);
    if (!size) return Buffer.concat(parts);
    parts.push(raw.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
};

const decode = (body: Buffer, encoding: string | undefined): Buffer => {
  if (encoding === 'br') return zlib.brotliDecompressSync(body);
  if (encoding === 'gzip') return zlib.gunzipSync(body);
  if (encoding === 'deflate') return zlib.inflateSync(body);
  return body;
};

export const wireGet = (port: number, path: string, headers: Record<string, string> = {}): Promise<WireResponse> =>
  new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('end', () => {
      const raw = Buffer.concat(chunks);
      const headEnd = raw.indexOf('\r\n\r\n');
      const [statusLine, ...lines] = raw.subarray(0, headEnd).toString('latin1').split('\r\n');
      const h: Record<string, string> = {};
      for (const l of lines) {
        const i = l.indexOf(':');
        h[l.slice(0, i).toLowerCase()] = l.slice(i + 1).trim();
      }
      let body: Buffer = raw.subarray(headEnd + 4);
      if (h['transfer-encoding'] === 'chunked') body = dechunk(body);
      resolve({
        status: Number(statusLine.split(' ')[1]),
        headers: h,
        wireBytes: raw.length,
        body: decode(body, h['content-encoding']).toString('utf8'),
      });
    });
    const head = {
      host: `127.0.0.1:${port}`,
      'accept-encoding': BROWSER_ACCEPT_ENCODING,
      accept: 'text/html,application/xhtml+xml,*/*;q=0.8',
      connection: 'close',
      ...headers,
    };
    socket.write(
      `GET ${path} HTTP/1.1\r\n${Object.entries(head)
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('')}\r\n`,
    );
  });
