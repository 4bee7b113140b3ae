import { ShapeError, ValueError } from './errors';
import type { NdArray } from './nd-array';
import { checkFitted } from './internal/fitted';

/** A class label: a string or a number. */
export type Label = string | number;

/** The fitted state of a {@link LabelEncoder}, as plain JSON. */
export interface LabelEncoderJSON {
  type: 'label-encoder';
  classes: Label[];
}

/** Sort labels like scikit-learn's `np.unique`: numbers numerically, strings by code unit, numbers first. */
export function sortLabels(labels: Iterable<Label>): Label[] {
  const unique = [...new Set(labels)];
  return unique.sort((a, b) => {
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    if (typeof a === 'number') return -1;
    if (typeof b === 'number') return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  });
}

export function checkLabels(labels: readonly Label[], what: string): void {
  if (!Array.isArray(labels)) throw new ShapeError(`expected ${what} as an array of strings or numbers, got ${typeof labels}`);
  labels.forEach((l, i) => {
    if (typeof l !== 'string' && !(typeof l === 'number' && Number.isFinite(l))) {
      throw new ValueError(`expected ${what} to hold strings or finite numbers, got ${String(l)} at position ${i}`);
    }
  });
}

/**
 * Encode labels as integers `0..k-1` in sorted class order, like scikit-learn's `LabelEncoder`.
 *
 * @example
 * const enc = new LabelEncoder();
 * enc.fitTransform(['cold', 'warm', 'hot']); // [0, 2, 1]
 * enc.classes; // ['cold', 'hot', 'warm']
 * enc.inverseTransform([2]); // ['warm']
 */
export class LabelEncoder {
  readonly type = 'label-encoder';
  /** The sorted distinct labels seen by `fit`; a label's code is its index here. */
  classes: Label[] | null = null;
  private index = new Map<Label, number>();

  /**
   * Learn the sorted set of classes.
   *
   * @throws ValueError when labels is empty or holds something other than strings and numbers
   * @example
   * new LabelEncoder().fit(['b', 'a', 'b']).classes; // ['a', 'b']
   */
  fit(labels: readonly Label[]): this {
    checkLabels(labels, 'labels');
    if (labels.length === 0) throw new ValueError('expected at least one label to fit a LabelEncoder, got an empty list');
    this.setClasses(sortLabels(labels));
    return this;
  }

  /**
   * Encode labels as their class indices.
   *
   * @throws ValueError when a label was not seen by `fit`
   * @example
   * enc.transform(['hot']); // [1]
   */
  transform(labels: readonly Label[]): number[] {
    checkFitted(this.classes, 'LabelEncoder');
    checkLabels(labels, 'labels');
    return labels.map((l, i) => {
      const k = this.index.get(l);
      if (k === undefined) {
        throw new ValueError(
          `unknown label ${JSON.stringify(l)} at position ${i}; expected one of the fitted classes ${JSON.stringify(this.classes)} (refit on data that includes it)`,
        );
      }
      return k;
    });
  }

  /**
   * Fit on labels and return their codes.
   *
   * @example
   * new LabelEncoder().fitTransform(['x', 'y', 'x']); // [0, 1, 0]
   */
  fitTransform(labels: readonly Label[]): number[] {
    return this.fit(labels).transform(labels);
  }

  /**
   * Map class indices (or an NdArray of them) back to labels.
   *
   * @throws ValueError when an index is not an integer in `[0, classes.length)`
   * @example
   * enc.inverseTransform([0, 2]); // ['cold', 'warm']
   */
  inverseTransform(codes: ArrayLike<number> | NdArray): Label[] {
    checkFitted(this.classes, 'LabelEncoder');
    const values = 'data' in codes && (codes as NdArray).data instanceof Float32Array ? (codes as NdArray).data : (codes as ArrayLike<number>);
    const out: Label[] = [];
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (!Number.isInteger(v) || v < 0 || v >= this.classes!.length) {
        throw new ValueError(`expected class indices that are integers in [0, ${this.classes!.length}), got ${v} at position ${i}`);
      }
      out.push(this.classes![v]);
    }
    return out;
  }

  /** The fitted classes as plain JSON. @example JSON.stringify(enc.toJSON()) */
  toJSON(): LabelEncoderJSON {
    checkFitted(this.classes, 'LabelEncoder');
    return { type: 'label-encoder', classes: [...this.classes!] };
  }

  /**
   * Restore an encoder from {@link LabelEncoder.toJSON} output.
   *
   * @throws ValueError when the JSON is not a label encoder
   * @example
   * const enc = LabelEncoder.fromJSON(JSON.parse(saved));
   */
  static fromJSON(json: LabelEncoderJSON): LabelEncoder {
    if (!json || json.type !== 'label-encoder' || !Array.isArray(json.classes)) {
      throw new ValueError(`expected JSON with type 'label-encoder' and a classes array, got ${JSON.stringify(json)?.slice(0, 80)}`);
    }
    checkLabels(json.classes, 'classes');
    const enc = new LabelEncoder();
    enc.setClasses([...json.classes]);
    return enc;
  }

  private setClasses(classes: Label[]): void {
    this.classes = classes;
    this.index = new Map(classes.map((c, i) => [c, i]));
  }
}
