/** Exit codes a script can rely on. */
export const EXIT_CODES = {
  /** Everything ran; every system reached its reference skill. */
  ok: 0,
  /** Something failed (an error is printed). */
  error: 1,
  /** The command was called wrongly (usage is printed). */
  usage: 2,
  /** Everything ran but at least one system missed its reference skill. */
  missed: 3,
} as const;
