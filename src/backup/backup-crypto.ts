import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { Said } from '../shared/said.ts';
import {
  DecryptionFailed,
  derivePassphraseKeys,
  newSalt,
  open,
  openWith,
  publicKeyOf,
  randomKey,
  seal,
  sealTo,
  type Argon2Params,
} from '../shared/crypto/index.ts';

// The backup file (docs/deploy.md, docs/threat-model.md §14). Everything after the header is
// AES-256-GCM under a random data key, in frames of at most 1 MiB: each frame's nonce is a random
// prefix and its index, its AAD is the SHA-256 of the header, its index and whether it is the
// last — so a frame cannot be dropped, moved, replayed from another backup or the file cut short
// without the restore noticing. The data key is sealed either under a key derived from a
// passphrase (one Argon2id run, its parameters in the header) or to an operator's X25519 public
// key (the project's box, src/shared/crypto/box.ts), whose private key never touches the server.
//
//   "KINTRACE-BACKUP\n" | u32 header length | header (JSON) | frames: u32 length | ciphertext+tag

export const MAGIC = Buffer.from('KINTRACE-BACKUP\n', 'utf8');
const FRAME = 1024 * 1024;
const KEY_AAD = 'kintrace-backup-v1:data-key';

export type BackupSealing =
  | { kind: 'passphrase'; passphrase: string; argon2: Argon2Params }
  | { kind: 'public'; publicKey: string };
export type BackupOpening = { kind: 'passphrase'; passphrase: string } | { kind: 'private'; privateKey: Buffer };

export interface BackupHeader {
  format: 1;
  /** the day the backup was made (the only thing in clear besides how its key is sealed) */
  day: string;
  noncePrefix: string;
  wrappedKey: string;
  kdf?: { alg: 'argon2id'; salt: string } & Argon2Params;
  recipient?: { alg: 'x25519'; publicKey: string };
}

/** A backup that does not open or read whole, said by its words (backup.cli.problems.*). */
export class BackupUnreadable extends Said {}

/** A new data key and the header that carries it sealed. */
export const newBackupKey = async (
  sealing: BackupSealing,
  day: string,
): Promise<{ key: Buffer; header: BackupHeader }> => {
  const key = randomKey();
  const base = { format: 1 as const, day, noncePrefix: randomBytes(4).toString('base64url') };
  if (sealing.kind === 'public')
    return {
      key,
      header: {
        ...base,
        wrappedKey: sealTo(sealing.publicKey, key, KEY_AAD),
        recipient: { alg: 'x25519', publicKey: sealing.publicKey },
      },
    };
  const salt = newSalt();
  const { kek } = await derivePassphraseKeys(sealing.passphrase, salt, sealing.argon2);
  return {
    key,
    header: { ...base, wrappedKey: seal(kek, key, KEY_AAD), kdf: { alg: 'argon2id', salt, ...sealing.argon2 } },
  };
};

/** The data key of a backup, or BackupUnreadable with what was wrong (never which byte). */
export const openBackupKey = async (header: BackupHeader, opening: BackupOpening): Promise<Buffer> => {
  try {
    if (header.recipient) {
      if (opening.kind !== 'private') throw new BackupUnreadable('backup.cli.problems.sealedToKey');
      if (publicKeyOf(opening.privateKey) !== header.recipient.publicKey)
        throw new BackupUnreadable('backup.cli.problems.wrongKeyFile');
      return openWith(opening.privateKey, header.wrappedKey, KEY_AAD);
    }
    if (!header.kdf) throw new BackupUnreadable('backup.cli.problems.noKey');
    if (opening.kind !== 'passphrase') throw new BackupUnreadable('backup.cli.problems.sealedWithPassphrase');
    const { alg, salt, ...params } = header.kdf;
    if (alg !== 'argon2id') throw new BackupUnreadable('backup.cli.problems.unknownKdf', { alg: String(alg) });
    const { kek } = await derivePassphraseKeys(opening.passphrase, salt, params);
    return open(kek, header.wrappedKey, KEY_AAD);
  } catch (err) {
    if (err instanceof DecryptionFailed) throw new BackupUnreadable('backup.cli.problems.wrongPassphrase');
    throw err;
  }
};

export const encodeHeader = (header: BackupHeader): Buffer => {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(json.length);
  return Buffer.concat([MAGIC, len, json]);
};

/** Reads the header from the start of a file; returns it with the bytes it took. */
export const decodeHeader = (start: Buffer): { header: BackupHeader; raw: Buffer; length: number } => {
  if (start.length < MAGIC.length + 4 || !start.subarray(0, MAGIC.length).equals(MAGIC))
    throw new BackupUnreadable('backup.cli.problems.notABackup');
  const len = start.readUInt32BE(MAGIC.length);
  if (len > 64 * 1024 || start.length < MAGIC.length + 4 + len)
    throw new BackupUnreadable('backup.cli.problems.headerDamaged');
  const raw = start.subarray(MAGIC.length + 4, MAGIC.length + 4 + len);
  let header: BackupHeader;
  try {
    header = JSON.parse(raw.toString('utf8')) as BackupHeader;
  } catch {
    throw new BackupUnreadable('backup.cli.problems.headerDamaged');
  }
  if (header.format !== 1)
    throw new BackupUnreadable('backup.cli.problems.unknownFormat', { format: String(header.format) });
  return {
    header,
    raw: Buffer.concat([MAGIC, start.subarray(MAGIC.length, MAGIC.length + 4), raw]),
    length: MAGIC.length + 4 + len,
  };
};

const nonceOf = (prefix: Buffer, index: number): Buffer => {
  const n = Buffer.alloc(12);
  prefix.copy(n, 0, 0, 4);
  n.writeBigUInt64BE(BigInt(index), 4);
  return n;
};

const aadOf = (headerHash: Buffer, index: number, final: boolean): Buffer => {
  const b = Buffer.alloc(9);
  b.writeBigUInt64BE(BigInt(index), 0);
  b[8] = final ? 1 : 0;
  return Buffer.concat([headerHash, b]);
};

const frameCipher = (key: Buffer, header: Buffer, prefix: Buffer) => {
  const headerHash = createHash('sha256').update(header).digest();
  return {
    seal: (data: Buffer, index: number, final: boolean): Buffer => {
      const c = createCipheriv('aes-256-gcm', key, nonceOf(prefix, index), { authTagLength: 16 });
      c.setAAD(aadOf(headerHash, index, final));
      const body = Buffer.concat([c.update(data), c.final(), c.getAuthTag()]);
      const len = Buffer.alloc(4);
      len.writeUInt32BE(body.length);
      return Buffer.concat([len, body]);
    },
    open: (body: Buffer, index: number, final: boolean): Buffer => {
      if (body.length < 16) throw new BackupUnreadable('backup.cli.problems.damaged');
      const d = createDecipheriv('aes-256-gcm', key, nonceOf(prefix, index), { authTagLength: 16 });
      d.setAAD(aadOf(headerHash, index, final));
      d.setAuthTag(body.subarray(body.length - 16));
      try {
        return Buffer.concat([d.update(body.subarray(0, body.length - 16)), d.final()]);
      } catch {
        throw new BackupUnreadable('backup.cli.problems.changed');
      }
    },
  };
};

/** Plaintext in, the header then sealed frames out. */
export class EncryptStream extends Transform {
  private pending: Buffer[] = [];
  private size = 0;
  private index = 0;
  private readonly cipher: ReturnType<typeof frameCipher>;
  constructor(key: Buffer, header: Buffer, prefix: Buffer) {
    super();
    this.cipher = frameCipher(key, header, prefix);
    this.push(header);
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.pending.push(chunk);
    this.size += chunk.length;
    while (this.size >= FRAME) {
      const all = Buffer.concat(this.pending);
      this.push(this.cipher.seal(all.subarray(0, FRAME), this.index++, false));
      this.pending = [all.subarray(FRAME)];
      this.size = all.length - FRAME;
    }
    done();
  }
  override _flush(done: TransformCallback): void {
    this.push(this.cipher.seal(Buffer.concat(this.pending), this.index++, true));
    done();
  }
}

/**
 * Sealed frames in (after the header), plaintext out. Fails on any changed, missing, moved or
 * extra frame, and when the file ends before its last frame.
 */
export class DecryptStream extends Transform {
  private buf = Buffer.alloc(0);
  private index = 0;
  private finished = false;
  private readonly cipher: ReturnType<typeof frameCipher>;
  constructor(key: Buffer, header: Buffer, prefix: Buffer) {
    super();
    this.cipher = frameCipher(key, header, prefix);
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.buf = Buffer.concat([this.buf, chunk]);
    try {
      while (this.buf.length >= 4) {
        if (this.finished) throw new BackupUnreadable('backup.cli.problems.dataAfterEnd');
        const len = this.buf.readUInt32BE(0);
        if (len > FRAME + 16) throw new BackupUnreadable('backup.cli.problems.damaged');
        if (this.buf.length < 4 + len) break;
        const body = this.buf.subarray(4, 4 + len);
        this.buf = this.buf.subarray(4 + len);
        // The last frame is the one that opens with the "final" mark; any other fails both ways.
        let plain: Buffer;
        try {
          plain = this.cipher.open(body, this.index, false);
        } catch {
          plain = this.cipher.open(body, this.index, true);
          this.finished = true;
        }
        this.index++;
        this.push(plain);
      }
      done();
    } catch (err) {
      done(err as Error);
    }
  }
  override _flush(done: TransformCallback): void {
    if (!this.finished || this.buf.length > 0) done(new BackupUnreadable('backup.cli.problems.cutShort'));
    else done();
  }
}

export const noncePrefixOf = (header: BackupHeader): Buffer => Buffer.from(header.noncePrefix, 'base64url');
