/**
 * Reading a log: a file or standard input, gzip or not (told by its first bytes), as lines, in
 * constant memory whatever the file's size. "\r\n" and "\n" both end a line; a line longer than
 * the limit is reported as too long (with its number) without being held in memory.
 */
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';

export type LineEvent = { number: number; text: string; tooLong?: undefined } | { number: number; tooLong: number; text?: undefined };

/** A file, or "-" for standard input. */
export function openInput(name: string): Readable {
  return name === '-' ? process.stdin : createReadStream(name, { highWaterMark: 1 << 20 });
}

/** The chunks of `source`, gunzipped when they start with gzip's magic bytes (concatenated members too). */
export async function* decompressed(source: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  const chunks = source[Symbol.asyncIterator]();
  const first = await chunks.next();
  if (first.done) return;
  const head = Buffer.isBuffer(first.value) ? first.value : Buffer.from(first.value);
  if (head.length < 2 || head[0] !== 0x1f || head[1] !== 0x8b) {
    yield head;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
      yield Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
    }
    return;
  }
  const gunzip = createGunzip();
  // Feed the compressed chunks in while the caller reads the plain ones out.
  const feeding = (async () => {
    try {
      if (!gunzip.write(head)) await new Promise((resolve) => gunzip.once('drain', resolve));
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
        if (!gunzip.write(next.value)) await new Promise((resolve) => gunzip.once('drain', resolve));
      }
      gunzip.end();
    } catch (error) {
      gunzip.destroy(error as Error);
    }
  })();
  for await (const chunk of gunzip) yield chunk as Buffer;
  await feeding;
}

/** The lines of `chunks` (UTF-8), numbered from 1; lines over `maxLength` characters come as `tooLong`. */
export async function* linesOf(chunks: AsyncIterable<Buffer>, maxLength: number): AsyncGenerator<LineEvent[]> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  /** Characters of the current line dropped because it is too long (0: none). */
  let dropped = 0;
  let number = 0;
  const finish = (text: string, out: LineEvent[]) => {
    number++;
    if (dropped > 0) {
      out.push({ number, tooLong: dropped + text.length - (text.endsWith('\r') ? 1 : 0) });
      dropped = 0;
    } else out.push({ number, text: text.endsWith('\r') ? text.slice(0, -1) : text });
  };
  for await (const chunk of chunks) {
    const text = carry + decoder.write(chunk);
    const out: LineEvent[] = [];
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      finish(dropped > 0 || end - start <= maxLength ? text.slice(start, end) : tooLongPart(text, start, end), out);
      start = end + 1;
    }
    carry = text.slice(start);
    if (carry.length > maxLength) {
      dropped += carry.length;
      carry = '';
    }
    if (out.length > 0) yield out;
  }
  const rest = carry + decoder.end();
  if (rest.length > 0 || dropped > 0) {
    const out: LineEvent[] = [];
    finish(rest, out);
    yield out;
  }

  /** A complete line over the limit: counted, not kept. */
  function tooLongPart(text: string, start: number, end: number): string {
    // The "\r" of a "\r\n" is no part of the line.
    dropped += end - start - (text.charCodeAt(end - 1) === 13 ? 1 : 0);
    return '';
  }
}
