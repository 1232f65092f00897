import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Searching raw bytes for marker strings: in the encodings a database, a log or a temp file may
// hold text in (UTF-8, UTF-16 LE/BE), so a marker cannot hide behind an encoding.

export interface Hit {
  file: string;
  marker: string;
  encoding: string;
}

const encodings = (marker: string): Array<[string, Buffer]> => {
  const le = Buffer.from(marker, 'utf16le');
  const be = Buffer.from(le);
  be.swap16();
  return [
    ['utf8', Buffer.from(marker, 'utf8')],
    ['utf16le', le],
    ['utf16be', be],
  ];
};

/** Every regular file under `root` (symbolic links are not followed). */
export const filesUnder = (root: string): string[] => {
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // not readable by us (for example the embedded PostgreSQL's own directory)
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(p);
    }
  };
  if (fs.statSync(root).isDirectory()) walk(root);
  else out.push(root);
  return out;
};

/** Every (file, marker, encoding) where the marker's bytes occur in the file. */
export const searchFiles = (files: string[], markers: string[]): Hit[] => {
  const needles = markers.flatMap((m) => encodings(m).map(([encoding, bytes]) => ({ marker: m, encoding, bytes })));
  const hits: Hit[] = [];
  for (const file of files) {
    let data: Buffer;
    try {
      data = fs.readFileSync(file);
    } catch {
      continue; // vanished or unreadable while we looked
    }
    for (const n of needles) if (data.includes(n.bytes)) hits.push({ file, marker: n.marker, encoding: n.encoding });
  }
  return hits;
};

/** Names in the system temp directory now, to tell later which entries appeared meanwhile. */
export const tmpSnapshot = (): Set<string> => new Set(fs.readdirSync(os.tmpdir()));

/**
 * Files under temp-directory entries that appeared since `before`, minus anything under
 * `exclude`. Other test files and tools share the temp directory; files over `maxBytes` are
 * theirs (the app writes no large temp file), so a parallel benchmark cannot stall the sweep.
 */
export const newTmpFiles = (before: Set<string>, exclude: string[] = [], maxBytes = 64 * 1024 * 1024): string[] =>
  fs
    .readdirSync(os.tmpdir())
    // tsx's compile cache holds our source code (enum values such as "other_relative"), not data.
    .filter((name) => !before.has(name) && !name.startsWith('tsx-'))
    .map((name) => path.join(os.tmpdir(), name))
    .filter((p) => !exclude.some((x) => p === x || p.startsWith(x + path.sep)))
    .flatMap((p) => {
      try {
        return filesUnder(p);
      } catch {
        return [];
      }
    })
    .filter((f) => (fs.statSync(f, { throwIfNoEntry: false })?.size ?? Infinity) <= maxBytes);
