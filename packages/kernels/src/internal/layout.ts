/**
 * Bump allocation of one call's arrays inside the shared heap. Every region starts on a
 * 4-float (16-byte) boundary so the SIMD loads of a row start aligned.
 */
export class Layout {
  end: number;

  constructor(base: number) {
    this.end = (base + 3) & ~3;
  }

  /** Reserves n floats and returns their element offset. */
  take(n: number): number {
    const at = this.end;
    this.end += (n + 3) & ~3;
    return at;
  }
}
