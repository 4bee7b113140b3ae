// Property-based round trips on random data (fast-check): every inverse undoes its transform.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BoxCoxTransformer,
  Differencer,
  LabelEncoder,
  MinMaxScaler,
  OneHotEncoder,
  Pipeline,
  SlidingWindow,
  StandardScaler,
  boxCox,
  decodeString,
  decodeStringOneHot,
  difference,
  encodeString,
  encodeStringOneHot,
  fromNested,
  inverseBoxCox,
  inverseDifference,
  oneHotDecode,
  oneHotEncode,
  padSequences,
} from './index';

const value = fc.double({ min: -1e3, max: 1e3, noNaN: true, noDefaultInfinity: true });
// Box-Cox output is stored as float32; for strongly negative λ and large x the inverse is
// ill-conditioned (x^λ near 0), so the property covers the range where float32 is enough.
const positive = fc.double({ min: 0.1, max: 100, noNaN: true, noDefaultInfinity: true });
const matrix = (min: number) =>
  fc.integer({ min: 1, max: 4 }).chain((f) => fc.array(fc.array(value, { minLength: f, maxLength: f }), { minLength: min, maxLength: 30 }));
/** float32 storage keeps about 7 significant digits. */
const near = (a: number, b: number, scale: number): boolean => Math.abs(a - b) <= 1e-4 * Math.max(1, Math.abs(b), scale);
const runs = { numRuns: 60 };

describe('round-trip properties', () => {
  it('scalers: inverseTransform(transform(x)) == x, for any columns including constant ones', () => {
    fc.assert(
      fc.property(matrix(1), (rows) => {
        for (const scaler of [new MinMaxScaler({ featureRange: [-1, 1] }), new StandardScaler()]) {
          const back = scaler.inverseTransform(scaler.fitTransform(rows));
          const flat = rows.flat();
          const scale = Math.max(...flat.map(Math.abs));
          flat.forEach((v, i) => expect(near(back.data[i], v, scale)).toBe(true));
        }
      }),
      runs,
    );
  });

  it('scaler JSON restores identical transforms', () => {
    fc.assert(
      fc.property(matrix(1), (rows) => {
        const s = new StandardScaler().fit(rows);
        const r = StandardScaler.fromJSON(JSON.parse(JSON.stringify(s.toJSON())));
        expect(Array.from(r.transform(rows).data)).toEqual(Array.from(s.transform(rows).data));
        expect(Array.from(s.transform(rows).data).every(Number.isFinite)).toBe(true);
      }),
      runs,
    );
  });

  it('label and one-hot encoders decode what they encode', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'zz', 'Q', '10'), { minLength: 1, maxLength: 40 }), (labels) => {
        const le = new LabelEncoder();
        expect(le.inverseTransform(le.fitTransform(labels))).toEqual(labels);
        const oh = new OneHotEncoder();
        expect(oh.inverseTransform(oh.fitTransform(labels))).toEqual(labels);
      }),
      runs,
    );
  });

  it('integer and string one-hot encodings decode what they encode', () => {
    const alphabet = '0123456789+ ';
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 20 }), fc.array(fc.nat(9), { maxLength: 20 }), (chars, ints) => {
        const s = chars.join('');
        expect(decodeString(encodeString(s, alphabet), alphabet)).toBe(s);
        if (s.length > 0) expect(decodeStringOneHot(encodeStringOneHot(s, alphabet), alphabet)).toBe(s);
        expect(Array.from(oneHotDecode(oneHotEncode(ints, 10)).data)).toEqual(ints);
      }),
      runs,
    );
  });

  it('padding keeps the last maxlen values of every sequence (pre truncation)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 1, max: 99 }), { maxLength: 8 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 6 }), (seqs, maxlen) => {
        const padded = padSequences(seqs, { maxlen });
        seqs.forEach((seq, i) => {
          const row = Array.from(padded.data.subarray(i * maxlen, (i + 1) * maxlen));
          const kept = seq.slice(-maxlen);
          expect(row.slice(maxlen - kept.length)).toEqual(kept);
          expect(row.slice(0, maxlen - kept.length).every((v) => v === 0)).toBe(true);
        });
      }),
      runs,
    );
  });

  it('inverseDifference(difference(x), head) == tail for any lag and order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 10, maxLength: 40 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 2 }),
        (xs, lag, order) => {
          const d = difference(xs, { lag, order });
          const back = inverseDifference(d, xs.slice(0, lag * order), { lag, order });
          expect(Array.from(back.data)).toEqual(xs.slice(lag * order));
        },
      ),
      runs,
    );
  });

  it('inverseBoxCox(boxCox(x)) == x for positive data and lambdas in [-1, 2]', () => {
    fc.assert(
      fc.property(fc.array(positive, { minLength: 1, maxLength: 30 }), fc.double({ min: -1, max: 2, noNaN: true }), (xs, lambda) => {
        const back = inverseBoxCox(boxCox(xs, lambda), lambda);
        xs.forEach((v, i) => expect(Math.abs(back.data[i] - v)).toBeLessThanOrEqual(1e-3 * Math.max(1, v)));
      }),
      runs,
    );
  });

  it('a pipeline survives JSON and returns true futures to original units', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 12, maxLength: 40 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 3 }),
        (xs, steps, horizon) => {
          const p = new Pipeline([
            new BoxCoxTransformer({ lambda: 0.5 }),
            new Differencer(),
            new MinMaxScaler(),
            new SlidingWindow({ steps, horizon }),
          ]).fit(xs);
          const q = Pipeline.fromJSON(JSON.parse(JSON.stringify(p.toJSON())));
          const { x, y } = q.transformSupervised(xs);
          expect(Array.from(x.data)).toEqual(Array.from(p.transformSupervised(xs).x.data));
          q.transformInput(xs.slice(0, xs.length - horizon));
          const back = q.inverseTransformOutput(y);
          for (let s = 0; s < y.shape[0]; s++) {
            for (let h = 0; h < horizon; h++) {
              const expected = xs[s + steps + 1 + h];
              expect(Math.abs(back.data[s * horizon + h] - expected)).toBeLessThanOrEqual(1e-2 * expected);
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('nested arrays survive fromNested', () => {
    fc.assert(
      fc.property(matrix(1), (rows) => {
        const a = fromNested(rows);
        expect(a.shape).toEqual([rows.length, rows[0].length]);
      }),
      runs,
    );
  });
});
