import { canonUnit } from './fold.ts';

/**
 * Every brand and product token of the registry (and the labels vendors hold under every suffix)
 * in one Aho–Corasick automaton: one table lookup per code unit finds any of them, at any length
 * of text, without regular expressions or allocation. Matching is case-insensitive exactly as
 * `/token1|token2/i` is (fold.ts), so it can stand in for such a pattern.
 *
 * The transition table is complete (every state has a next state for every symbol), so feeding a
 * unit is `state = next[state * width + symbol]`; symbol 0 stands for every unit no pattern
 * contains, and leads back to the start.
 */
export class TokenAutomaton {
  /** Columns of `next`: the symbols of the patterns' folded units, plus 0 for any other unit. */
  readonly width: number;
  /** state × symbol → state. */
  readonly next: Int32Array;
  /** Symbol of each ASCII code unit (already folded). */
  readonly asciiSymbol: Int32Array;
  /** Symbol of each folded non-ASCII unit that some pattern contains. */
  private readonly unitSymbol: ReadonlyMap<number, number>;
  /** 1 where at least one pattern ends (on its own or as a suffix). */
  readonly accepting: Uint8Array;
  /**
   * For "does any pattern occur": `next` with every state already multiplied by `width`
   * (`offset = anyNext[offset + symbol]`), and accepting states that never leave, so one look at
   * the last state answers.
   */
  readonly anyNext: Int32Array;
  /** Patterns that end in each state: ids in `outputIds[outputStart[s] .. outputStart[s + 1])`. */
  private readonly outputStart: Int32Array;
  private readonly outputIds: Int32Array;
  /** Some pattern contains a surrogate (a supplementary character). */
  readonly hasSurrogates: boolean;
  /** The longest pattern, in code units. */
  readonly maxLength: number;

  constructor(readonly patterns: readonly string[]) {
    const unitSymbol = new Map<number, number>();
    const asciiSymbol = new Int32Array(128);
    let symbols = 0;
    const symbolOf = (unit: number) => {
      const folded = canonUnit(unit);
      let symbol = unitSymbol.get(folded);
      if (symbol === undefined) unitSymbol.set(folded, (symbol = ++symbols));
      return symbol;
    };
    // The trie, as child maps; converted to the complete table below.
    const children: Map<number, number>[] = [new Map()];
    const ends: number[][] = [[]];
    patterns.forEach((pattern, id) => {
      let state = 0;
      for (let i = 0; i < pattern.length; i++) {
        const symbol = symbolOf(pattern.charCodeAt(i));
        let child = children[state]!.get(symbol);
        if (child === undefined) {
          child = children.length;
          children.push(new Map());
          ends.push([]);
          children[state]!.set(symbol, child);
        }
        state = child;
      }
      if (pattern.length > 0) ends[state]!.push(id);
    });
    const width = symbols + 1;
    const states = children.length;
    const next = new Int32Array(states * width);
    const fail = new Int32Array(states);
    const outputs: number[][] = ends.map((ids) => [...ids]);
    // Breadth first: a state's failure link is complete before its children need it.
    const queue: number[] = [];
    for (const [symbol, child] of children[0]!) {
      next[symbol] = child;
      queue.push(child);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      outputs[state]!.push(...outputs[fail[state]!]!);
      for (let symbol = 0; symbol < width; symbol++) {
        const child = children[state]!.get(symbol);
        if (child === undefined) {
          next[state * width + symbol] = next[fail[state]! * width + symbol]!;
        } else {
          fail[child] = next[fail[state]! * width + symbol]!;
          next[state * width + symbol] = child;
          queue.push(child);
        }
      }
    }
    for (let unit = 0; unit < 128; unit++) asciiSymbol[unit] = unitSymbol.get(canonUnit(unit)) ?? 0;
    const outputStart = new Int32Array(states + 1);
    const flat: number[] = [];
    const accepting = new Uint8Array(states);
    for (let state = 0; state < states; state++) {
      outputStart[state] = flat.length;
      flat.push(...outputs[state]!);
      accepting[state] = outputs[state]!.length > 0 ? 1 : 0;
    }
    outputStart[states] = flat.length;
    const anyNext = new Int32Array(states * width);
    for (let state = 0; state < states; state++) {
      for (let symbol = 0; symbol < width; symbol++) {
        anyNext[state * width + symbol] = (accepting[state] === 1 ? state : next[state * width + symbol]!) * width;
      }
    }
    this.anyNext = anyNext;
    this.width = width;
    this.next = next;
    this.asciiSymbol = asciiSymbol;
    this.unitSymbol = unitSymbol;
    this.accepting = accepting;
    this.outputStart = outputStart;
    this.outputIds = Int32Array.from(flat);
    this.hasSurrogates = [...unitSymbol.keys()].some((unit) => unit >= 0xd800 && unit <= 0xdfff);
    this.maxLength = Math.max(0, ...patterns.map((pattern) => pattern.length));
  }

  /** The symbol of an already folded code unit (fold.ts). */
  symbolOfFolded(folded: number): number {
    return folded < 128 ? this.asciiSymbol[folded]! : (this.unitSymbol.get(folded) ?? 0);
  }

  /**
   * The first pattern in `text` as `/p1|p2|…/i` with the patterns longest first would find it:
   * the leftmost start, and the longest pattern there; only patterns with ids below `idLimit`
   * count. Null when none occurs.
   */
  firstMatch(text: string, idLimit: number = this.patterns.length): { id: number; index: number } | null {
    const { next, width, outputStart, outputIds, maxLength } = this;
    let state = 0;
    let bestId = -1;
    let bestStart = Number.MAX_SAFE_INTEGER;
    let bestLength = 0;
    for (let i = 0; i < text.length; i++) {
      // No pattern ending from here on can start at or before the best start found.
      if (bestId >= 0 && i - maxLength + 1 > bestStart) break;
      const unit = text.charCodeAt(i);
      state = next[state * width + (unit < 128 ? this.asciiSymbol[unit]! : this.symbolOfFolded(canonUnit(unit)))]!;
      for (let k = outputStart[state]!; k < outputStart[state + 1]!; k++) {
        const id = outputIds[k]!;
        const length = this.patterns[id]!.length;
        const start = i - length + 1;
        if (id < idLimit && (start < bestStart || (start === bestStart && length > bestLength))) {
          bestId = id;
          bestStart = start;
          bestLength = length;
        }
      }
    }
    return bestId < 0 ? null : { id: bestId, index: bestStart };
  }
}
