/**
 * A progress output (anything with `write(text)`) that passes whole lines to a log function,
 * so training progress from `@lstm-kit/harness` appears in the tour's output line by line.
 *
 * @param log where each complete, non-empty line goes
 * @returns an object with `write(text)`; partial lines wait for their newline
 * @example
 * await fit(model, data, { output: lineOutput(console.log) });
 */
export function lineOutput(log: (line: string) => void): { write(text: string): void } {
  let pending = '';
  return {
    write(text: string) {
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) log(line);
    },
  };
}
