/**
 * Reproducible zip archives through fflate: the same files give the same bytes, whenever and
 * wherever they are zipped. fflate writes the format; this module only fixes what would vary:
 * entries sorted by path, every timestamp 1980-01-01 00:00 (the earliest a zip can say), every
 * file a regular file with permissions 0644 made on Unix, no extra fields. Deflate at level 9; a
 * file that does not shrink is stored.
 */
import { deflateSync, zipSync, type ZipOptions, type Zippable } from 'fflate';

export interface ZipEntry {
  /** Path inside the archive, with forward slashes and no leading slash. */
  path: string;
  data: Uint8Array;
}

/**
 * fflate writes the DOS timestamp from the Date's local-time fields, so the date is made from
 * local-time fields too: 1980-01-01 00:00 in every time zone.
 */
const ZIP_EPOCH = () => new Date(1980, 0, 1, 0, 0, 0);
/** Made by Unix (APPNOTE 4.4.2.2), so unzip applies the permissions below. */
const UNIX = 3;
/** A regular file, rw-r--r--, in the high 16 bits of the external attributes. */
const REGULAR_FILE_0644 = (0o100644 << 16) >>> 0;

function checkPath(path: string): void {
  if (
    !path ||
    path.startsWith('/') ||
    path.includes('\\') ||
    path.split('/').some((part) => part === '' || part === '.' || part === '..')
  ) {
    throw new Error(`Not a clean relative path for a zip entry: ${JSON.stringify(path)}`);
  }
}

/** The zip archive of `entries`, sorted by path; the same entries always give the same bytes. */
export function reproducibleZip(entries: readonly ZipEntry[]): Buffer {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const files: Zippable = {};
  for (const [index, { path, data }] of sorted.entries()) {
    checkPath(path);
    if (index > 0 && path === sorted[index - 1]!.path) throw new Error(`Duplicate zip entry: ${path}`);
    const shrinks = deflateSync(data, { level: 9 }).length < data.length;
    const options: ZipOptions = { level: shrinks ? 9 : 0, mtime: ZIP_EPOCH(), os: UNIX, attrs: REGULAR_FILE_0644 };
    files[path] = [data, options];
  }
  if (sorted.length > 0xffff) throw new Error('Too many entries for a zip without Zip64');
  const archive = zipSync(files);
  if (archive.length > 0xffffffff) throw new Error('Archive too large for a zip without Zip64');
  return Buffer.from(archive.buffer, archive.byteOffset, archive.byteLength);
}
