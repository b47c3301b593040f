/**
 * A set of lower-case host names that answers "is this host, or one of its parent domains, in the
 * set?" for a host given as a range of a longer string, in any letter case: no substring, no
 * allocation. Open addressing over a hash of each name read from its end, so one walk from the
 * last character to the first meets every parent domain ("com", "kaspersky.com",
 * "usa.kaspersky.com") in turn.
 */

const EMPTY = 0;

/** FNV-1a, one code unit at a time, fed from the end of the name. */
const step = (hash: number, unit: number) => Math.imul(hash ^ unit, 0x01000193);
const SEED = 0x811c9dc5 | 0;

const lower = (unit: number) => (unit >= 65 && unit <= 90 ? unit + 32 : unit);

export class HostTable {
  private readonly keys: string[];
  /** Per slot, side by side so one probe touches one cache line: the key's hash, and its flags (0: an empty slot). */
  private readonly cells: Int32Array;
  private readonly mask: number;

  /** `entries`: host name → flags (non-zero); names are compared in lower case. */
  constructor(entries: ReadonlyMap<string, number>) {
    let size = 8;
    while (size < entries.size * 2) size *= 2;
    this.keys = new Array<string>(size).fill('');
    this.cells = new Int32Array(size * 2);
    this.mask = size - 1;
    for (const [name, flag] of entries) {
      const key = name.toLowerCase();
      let hash = SEED;
      for (let i = key.length - 1; i >= 0; i--) hash = step(hash, key.charCodeAt(i));
      let slot = hash & this.mask;
      while (this.cells[slot * 2 + 1] !== EMPTY && this.keys[slot] !== key) slot = (slot + 1) & this.mask;
      this.keys[slot] = key;
      this.cells[slot * 2] = hash;
      this.cells[slot * 2 + 1] = this.cells[slot * 2 + 1]! | flag;
    }
  }

  /** Flags of `text[start, end)` (any case), or 0. `hash` is the name's hash read from its end. */
  private lookup(text: string, start: number, end: number, hash: number): number {
    const { cells } = this;
    for (let slot = hash & this.mask; cells[slot * 2 + 1] !== EMPTY; slot = (slot + 1) & this.mask) {
      if (cells[slot * 2] !== hash) continue;
      const key = this.keys[slot]!;
      if (key.length !== end - start) continue;
      let same = true;
      for (let i = 0; i < key.length && same; i++) same = key.charCodeAt(i) === lower(text.charCodeAt(start + i));
      if (same) return cells[slot * 2 + 1]!;
    }
    return 0;
  }

  /** Where the longest parent domain of `text[start, end)` (the host included) with `flag` starts, or -1. */
  longestParent(text: string, start: number, end: number, flag: number): number {
    let hash = SEED;
    let found = -1;
    for (let i = end - 1; i >= start; i--) {
      hash = step(hash, lower(text.charCodeAt(i)));
      if ((i === start || text.charCodeAt(i - 1) === 46) && (this.lookup(text, i, end, hash) & flag) !== 0) found = i;
    }
    return found;
  }

  /**
   * The flags of the host `text[start, end)` itself (`exact`) and the union of the flags of every
   * parent domain of it that is in the set (`parents`, the host included), as `exact | parents << 8`.
   */
  walk(text: string, start: number, end: number): number {
    let hash = SEED;
    let parents = 0;
    for (let i = end - 1; i >= start; i--) {
      hash = step(hash, lower(text.charCodeAt(i)));
      if (i === start || text.charCodeAt(i - 1) === 46 /* . */) {
        const flags = this.lookup(text, i, end, hash);
        parents |= flags;
        if (i === start) return flags | (parents << 8);
      }
    }
    return parents << 8;
  }
}
