import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Resolve every `@lstm-kit/*` import to the package's TypeScript source, so a package's
 * tests run against its neighbours' current code without building them first.
 */
export const workspaceAlias: Record<string, string> = Object.fromEntries(
  readdirSync(join(root, 'packages')).map((name) => [
    `@lstm-kit/${name}`,
    join(root, 'packages', name, 'src', 'index.ts'),
  ]),
);
