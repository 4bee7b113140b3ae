import { describe, expect, it } from 'vitest';
import {
  LabelEncoder,
  OneHotEncoder,
  ValueError,
  decodeString,
  decodeStringOneHot,
  encodeString,
  encodeStringOneHot,
  toNested,
} from './index';

const alphabet = '0123456789+ ';

describe('LabelEncoder', () => {
  it('sorts numbers numerically and round-trips through JSON', () => {
    const enc = new LabelEncoder().fit([10, 2, 33, 2]);
    expect(enc.classes).toEqual([2, 10, 33]);
    const restored = LabelEncoder.fromJSON(JSON.parse(JSON.stringify(enc.toJSON())));
    expect(restored.transform([33, 2])).toEqual([2, 0]);
  });

  it('names an unknown label and the known classes', () => {
    const enc = new LabelEncoder().fit(['cold', 'hot']);
    expect(() => enc.transform(['tepid'])).toThrow(/unknown label "tepid" at position 0; expected one of the fitted classes \["cold","hot"\]/);
    expect(() => enc.inverseTransform([2])).toThrow(ValueError);
    expect(() => new LabelEncoder().fit([])).toThrow(/empty/);
  });
});

describe('OneHotEncoder', () => {
  it('throws on unknown labels by default', () => {
    const enc = new OneHotEncoder().fit(['a', 'b']);
    expect(() => enc.transform(['c'])).toThrow(/unknown label "c".*handleUnknown: 'ignore'/);
  });

  it('encodes unknown labels as zeros with handleUnknown ignore and decodes them as null', () => {
    const enc = new OneHotEncoder({ handleUnknown: 'ignore' }).fit(['a', 'b']);
    const y = enc.transform(['b', 'c']);
    expect(toNested(y)).toEqual([[0, 1], [0, 0]]);
    expect(enc.inverseTransform(y)).toEqual(['b', null]);
    const restored = OneHotEncoder.fromJSON(JSON.parse(JSON.stringify(enc.toJSON())));
    expect(restored.handleUnknown).toBe('ignore');
    expect(toNested(restored.transform(['a']))).toEqual([[1, 0]]);
  });

  it('checks the width of encoded rows', () => {
    const enc = new OneHotEncoder().fit(['a', 'b', 'c']);
    expect(() => enc.inverseTransform({ shape: [1, 2], data: new Float32Array(2) })).toThrow(/rows of 3 columns/);
  });
});

describe('string encoding over an alphabet', () => {
  it('encodes the addition example as integers and one-hot, and back', () => {
    expect(encodeString(' 3+10', alphabet)).toEqual([11, 3, 10, 1, 0]);
    expect(decodeString([11, 3, 10, 1, 0], alphabet)).toBe(' 3+10');
    const onehot = encodeStringOneHot('13', alphabet);
    expect(onehot.shape).toEqual([2, 12]);
    expect(onehot.data[1]).toBe(1);
    expect(onehot.data[12 + 3]).toBe(1);
    expect(decodeStringOneHot(onehot, alphabet)).toBe('13');
  });

  it('rejects characters outside the alphabet and duplicate symbols', () => {
    expect(() => encodeString('1-2', alphabet)).toThrow(/character "-" at position 1 of "1-2" is not in the alphabet/);
    expect(() => decodeString([12], alphabet)).toThrow(/\[0, 12\)/);
    expect(() => encodeString('a', 'aa')).toThrow(/distinct/);
    expect(() => decodeStringOneHot(encodeStringOneHot('1', alphabet), '01')).toThrow(/rows of 2 columns/);
  });
});
