import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Resolve every `@lstm-kit/*` import to the package's TypeScript source, and every
 * `@lstm-kit-apps/<name>` import to the app's `src/<name>.ts`, so tests run against the
 * current code of their neighbours without building them first.
 */
export const workspaceAlias: Record<string, string> = {
  ...Object.fromEntries(
    readdirSync(join(root, 'packages')).map((name) => [`@lstm-kit/${name}`, join(root, 'packages', name, 'src', 'index.ts')]),
  ),
  ...Object.fromEntries(
    readdirSync(join(root, 'apps'))
      .filter((name) => existsSync(join(root, 'apps', name, 'src', `${name}.ts`)))
      .map((name) => [`@lstm-kit-apps/${name}`, join(root, 'apps', name, 'src', `${name}.ts`)]),
  ),
};
