import { ValueError } from './errors';
import type { NdArray } from './nd-array';
import { type Label, checkLabels, sortLabels } from './label-encoder';
import { checkFitted } from './internal/fitted';

/** Options of {@link OneHotEncoder}; the defaults are scikit-learn's. */
export interface OneHotEncoderOptions {
  /**
   * What to do with a label not seen by `fit`: `'error'` throws (default); `'ignore'` encodes
   * it as a row of zeros, which `inverseTransform` decodes as `null`.
   */
  handleUnknown?: 'error' | 'ignore';
}

/** The fitted state of a {@link OneHotEncoder}, as plain JSON. */
export interface OneHotEncoderJSON {
  type: 'one-hot-encoder';
  handleUnknown: 'error' | 'ignore';
  categories: Label[];
}

/**
 * Encode labels as one-hot rows over their sorted categories, like scikit-learn's
 * `OneHotEncoder` on one column.
 *
 * @example
 * const enc = new OneHotEncoder();
 * const y = enc.fitTransform(['cold', 'warm', 'hot']); // shape [3, 3]
 * enc.inverseTransform(y); // ['cold', 'warm', 'hot']
 */
export class OneHotEncoder {
  readonly type = 'one-hot-encoder';
  readonly handleUnknown: 'error' | 'ignore';
  /** The sorted distinct labels seen by `fit`; column j of the encoding is `categories[j]`. */
  categories: Label[] | null = null;
  private index = new Map<Label, number>();

  /**
   * @param options `handleUnknown`: `'error'` (default) or `'ignore'`
   * @throws ValueError for another handleUnknown value
   */
  constructor(options: OneHotEncoderOptions = {}) {
    const h = options.handleUnknown ?? 'error';
    if (h !== 'error' && h !== 'ignore') throw new ValueError(`expected handleUnknown 'error' or 'ignore', got ${JSON.stringify(h)}`);
    this.handleUnknown = h;
  }

  /**
   * Learn the sorted categories.
   *
   * @throws ValueError when labels is empty or holds something other than strings and numbers
   * @example
   * new OneHotEncoder().fit([3, 1, 3]).categories; // [1, 3]
   */
  fit(labels: readonly Label[]): this {
    checkLabels(labels, 'labels');
    if (labels.length === 0) throw new ValueError('expected at least one label to fit a OneHotEncoder, got an empty list');
    this.setCategories(sortLabels(labels));
    return this;
  }

  /**
   * Encode labels as one-hot rows.
   *
   * @returns an NdArray of shape `[labels.length, categories.length]`
   * @throws ValueError for an unseen label when handleUnknown is `'error'`
   * @example
   * enc.transform(['hot']).data; // [0, 1, 0]
   */
  transform(labels: readonly Label[]): NdArray {
    checkFitted(this.categories, 'OneHotEncoder');
    checkLabels(labels, 'labels');
    const k = this.categories!.length;
    const out = new Float32Array(labels.length * k);
    labels.forEach((l, i) => {
      const j = this.index.get(l);
      if (j === undefined) {
        if (this.handleUnknown === 'ignore') return;
        throw new ValueError(
          `unknown label ${JSON.stringify(l)} at position ${i}; expected one of ${JSON.stringify(this.categories)}, or create the encoder with { handleUnknown: 'ignore' } to encode it as zeros`,
        );
      }
      out[i * k + j] = 1;
    });
    return { shape: Object.freeze([labels.length, k]), data: out };
  }

  /**
   * Fit on labels and return their one-hot rows.
   *
   * @example
   * new OneHotEncoder().fitTransform(['a', 'b']).shape; // [2, 2]
   */
  fitTransform(labels: readonly Label[]): NdArray {
    return this.fit(labels).transform(labels);
  }

  /**
   * Decode one-hot rows (or class scores such as softmax outputs) by argmax; an all-zero row
   * (an ignored unknown label) decodes to `null`.
   *
   * @param encoded an NdArray whose last dimension has one column per category
   * @throws ValueError when the last dimension does not match the categories
   * @example
   * enc.inverseTransform(enc.transform(['warm'])); // ['warm']
   */
  inverseTransform(encoded: NdArray): (Label | null)[] {
    checkFitted(this.categories, 'OneHotEncoder');
    const k = this.categories!.length;
    const last = encoded.shape[encoded.shape.length - 1];
    if (encoded.shape.length === 0 || last !== k) {
      throw new ValueError(`expected rows of ${k} columns (one per category), got shape [${encoded.shape.join(', ')}]`);
    }
    const out: (Label | null)[] = [];
    for (let i = 0; i < encoded.data.length / k; i++) {
      let best = -1;
      let bestValue = 0;
      for (let j = 0; j < k; j++) {
        const v = encoded.data[i * k + j];
        if (v > bestValue) {
          bestValue = v;
          best = j;
        }
      }
      out.push(best < 0 ? null : this.categories![best]);
    }
    return out;
  }

  /** The fitted categories as plain JSON. @example JSON.stringify(enc.toJSON()) */
  toJSON(): OneHotEncoderJSON {
    checkFitted(this.categories, 'OneHotEncoder');
    return { type: 'one-hot-encoder', handleUnknown: this.handleUnknown, categories: [...this.categories!] };
  }

  /**
   * Restore an encoder from {@link OneHotEncoder.toJSON} output.
   *
   * @throws ValueError when the JSON is not a one-hot encoder
   * @example
   * const enc = OneHotEncoder.fromJSON(JSON.parse(saved));
   */
  static fromJSON(json: OneHotEncoderJSON): OneHotEncoder {
    if (!json || json.type !== 'one-hot-encoder' || !Array.isArray(json.categories)) {
      throw new ValueError(`expected JSON with type 'one-hot-encoder' and a categories array, got ${JSON.stringify(json)?.slice(0, 80)}`);
    }
    checkLabels(json.categories, 'categories');
    const enc = new OneHotEncoder({ handleUnknown: json.handleUnknown });
    enc.setCategories([...json.categories]);
    return enc;
  }

  private setCategories(categories: Label[]): void {
    this.categories = categories;
    this.index = new Map(categories.map((c, i) => [c, i]));
  }
}
