import { createRng, ndarray } from '@lstm-kit/sequence';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addition,
  additionAlphabet,
  additionLengths,
  encodeAdditionStrings,
  invertAddition,
  invertAdditionIntegers,
} from './addition';

describe('additionLengths', () => {
  it('gives the spec worked examples and agrees with the course formula', () => {
    expect(additionLengths(2, 10)).toEqual({ inputLength: 5, outputLength: 2 });
    expect(additionLengths(3, 10)).toEqual({ inputLength: 8, outputLength: 2 });
    expect(additionLengths(1, 9)).toEqual({ inputLength: 1, outputLength: 1 });
    expect(additionLengths(2, 99)).toEqual({ inputLength: 5, outputLength: 3 });
    for (let nTerms = 1; nTerms <= 6; nTerms++) {
      for (const largest of [1, 2, 9, 10, 11, 49, 50, 99, 100, 999, 1000, 12345]) {
        expect(additionLengths(nTerms, largest)).toEqual({
          inputLength: nTerms * Math.ceil(Math.log10(largest + 1)) + nTerms - 1,
          outputLength: Math.ceil(Math.log10(nTerms * (largest + 1))),
        });
      }
    }
  });

  it('rejects largest < 1 and nTerms < 1', () => {
    expect(() => additionLengths(2, 0)).toThrow(/additionLengths: expected largest to be an integer in \[1, .*\], got 0/);
    expect(() => additionLengths(0, 10)).toThrow(/nTerms to be an integer >= 1, got 0/);
  });
});

describe('addition', () => {
  it('pads questions and answers to the spec lengths, as " 3+10" and "13"', () => {
    const { inputs, outputs, terms, sums, x, y, xInt, yInt } = addition({ nTerms: 2, largest: 10, nPatterns: 400, seed: 1 });
    expect(x.shape).toEqual([400, 5, 12]);
    expect(y.shape).toEqual([400, 2, 12]);
    expect(xInt.shape).toEqual([400, 5]);
    expect(yInt.shape).toEqual([400, 2]);
    for (let i = 0; i < 400; i++) {
      expect(inputs[i]).toBe(terms[i].join('+').padStart(5, ' '));
      expect(outputs[i]).toBe(String(sums[i]).padStart(2, ' '));
      expect(sums[i]).toBe(terms[i][0] + terms[i][1]);
    }
    const i = terms.findIndex(([a, b]) => a === 3 && b === 10);
    expect(i).toBeGreaterThanOrEqual(0);
    expect(inputs[i]).toBe(' 3+10');
    expect(outputs[i]).toBe('13');
    expect(Array.from(xInt.data.subarray(i * 5, i * 5 + 5))).toEqual([11, 3, 10, 1, 0]);
    expect(Array.from(yInt.data.subarray(i * 2, i * 2 + 2))).toEqual([1, 3]);
  });

  it('keeps the lengths, terms in [1, largest] and invert round trips on many random draws', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5000 }), fc.integer(), (nTerms, largest, seed) => {
        const data = addition({ nTerms, largest, nPatterns: 25, seed });
        const { inputLength, outputLength } = additionLengths(nTerms, largest);
        for (let i = 0; i < 25; i++) {
          expect(data.inputs[i]).toHaveLength(inputLength);
          expect(data.outputs[i]).toHaveLength(outputLength);
          for (const t of data.terms[i]) expect(Number.isInteger(t) && t >= 1 && t <= largest).toBe(true);
          expect(data.inputs[i].trim().split('+').map(Number)).toEqual(data.terms[i]);
          expect(Number(data.outputs[i])).toBe(data.sums[i]);
        }
        expect(invertAddition(data.x)).toEqual(data.inputs);
        expect(invertAddition(data.y)).toEqual(data.outputs);
        expect(invertAdditionIntegers(data.xInt)).toEqual(data.inputs);
        expect(invertAdditionIntegers(data.yInt)).toEqual(data.outputs);
        const row = Array.from(data.x.data.subarray(0, 12));
        expect(row.reduce((a, b) => a + b, 0)).toBe(1);
      }),
      { numRuns: 150, seed: 3 },
    );
  });

  it('gives 3-term questions of length 8 and answers of length 2', () => {
    const { inputs, outputs, x, y } = addition({ nTerms: 3, largest: 10, nPatterns: 100, seed: 2 });
    expect(x.shape).toEqual([100, 8, 12]);
    expect(y.shape).toEqual([100, 2, 12]);
    expect(inputs.every((s) => s.length === 8)).toBe(true);
    expect(outputs.every((s) => s.length === 2)).toBe(true);
    expect(addition()).toEqual(addition({ nTerms: 3, largest: 10, nPatterns: 1, seed: 42 }));
  });

  it('decodes softmax-like probabilities by argmax', () => {
    const probs = new Float32Array(2 * 12).fill(0.01);
    probs[1] = 0.8; // '1'
    probs[12 + 3] = 0.6; // '3'
    expect(invertAddition(ndarray(probs, [2, 12]))).toEqual(['13']);
    expect(additionAlphabet).toBe('0123456789+ ');
  });

  it('is reproducible and continues an rng stream', () => {
    const a = addition({ nPatterns: 10, seed: 77 });
    expect(addition({ nPatterns: 10, seed: 77 })).toEqual(a);
    expect(addition({ nPatterns: 10, seed: 78 }).terms).not.toEqual(a.terms);
    const rng = createRng(77);
    expect(Array.from({ length: 10 }, () => addition({ rng }).inputs[0])).toEqual(a.inputs);
  });

  it('encodes user strings like the generator and rejects bad ones', () => {
    const { xInt, x } = addition({ nTerms: 2, largest: 10, nPatterns: 5, seed: 9 });
    const enc = encodeAdditionStrings(invertAddition(x));
    expect(enc.integers).toEqual(xInt);
    expect(enc.oneHot).toEqual(x);
    expect(() => encodeAdditionStrings([' 3+10', '3+10'])).toThrow(/equal length 5.*left-pad/);
    expect(() => encodeAdditionStrings([' 3-10'])).toThrow(/got "-" in string 0/);
    expect(() => encodeAdditionStrings([])).toThrow(/non-empty/);
    expect(() => invertAddition(ndarray(new Float32Array(10), [1, 10]))).toThrow(/\[n, length, 12\]/);
    expect(() => invertAdditionIntegers(ndarray([12], [1]))).toThrow(/integers in \[0, 12\), got 12/);
    expect(() => addition({ largest: 0 })).toThrow(/addition: expected largest/);
    expect(() => addition({ nTerms: -1 })).toThrow(/nTerms/);
  });
});
