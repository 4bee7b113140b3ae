import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

// Test support: find Debian's headless Chromium and take a screenshot of a page with it.

/** The Chromium executable: `$CHROMIUM_BIN`, else the first of chromium, chromium-browser, google-chrome on PATH. */
export function findChromium(): string | undefined {
  const candidates = process.env.CHROMIUM_BIN
    ? [process.env.CHROMIUM_BIN]
    : (process.env.PATH ?? '').split(delimiter).flatMap((dir) => ['chromium', 'chromium-browser', 'google-chrome'].map((n) => join(dir, n)));
  return candidates.find((path) => {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Screenshot `url` at the given window size into `pngPath` with a throwaway profile, offline-minded flags. */
export function screenshot(
  chromium: string,
  url: string,
  pngPath: string,
  profileDir: string,
  size: { width: number; height: number },
  timeoutMs: number,
): Promise<{ stdout: string; stderr: string }> {
  const args = [
    '--headless',
    '--no-sandbox', // running as root in containers and CI
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--hide-scrollbars',
    `--user-data-dir=${profileDir}`,
    `--screenshot=${pngPath}`,
    `--window-size=${size.width},${size.height}`,
    url,
  ];
  return new Promise((resolve, reject) => {
    execFile(chromium, args, { timeout: timeoutMs, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
      if (error) reject(new Error(`chromium failed: ${error.message}\n${stderr.slice(-2000)}`));
      else resolve({ stdout, stderr });
    });
  });
}
