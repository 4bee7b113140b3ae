import { expect, it } from 'vitest';
import { lineOutput } from './line-output';

it('passes whole, non-empty lines on and holds partial ones', () => {
  const lines: string[] = [];
  const out = lineOutput((l) => lines.push(l));
  out.write('Epoch 1/2 - loss: 0.5');
  expect(lines).toEqual([]);
  out.write('\n\nEpoch 2/2');
  expect(lines).toEqual(['Epoch 1/2 - loss: 0.5']);
  out.write(' - loss: 0.25\n');
  expect(lines).toEqual(['Epoch 1/2 - loss: 0.5', 'Epoch 2/2 - loss: 0.25']);
});
