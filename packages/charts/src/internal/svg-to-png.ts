import { RenderError } from '../errors';
import { loadResvg } from './load-vega';

/** Options of PNG rendering. */
export interface PngOptions {
  /** Pixels per SVG unit; default 1 (2 doubles width and height for high-DPI screens). */
  scale?: number;
  /** Background colour (any CSS colour); default `#ffffff`. Use `transparent` to keep alpha. */
  background?: string;
  /** The font family for the charts' `sans-serif` text; default the first installed of {@link FONT_CANDIDATES}. */
  fontFamily?: string;
  /** Extra font files (.ttf / .otf) to load besides the system's. */
  fontFiles?: readonly string[];
}

// vega writes every label in `sans-serif`; resvg maps that generic name to Arial unless told
// otherwise, and Arial is rarely installed on Linux, which would leave a PNG without text.
// These are common metric-compatible sans fonts, most likely first on a Debian system.
export const FONT_CANDIDATES = ['DejaVu Sans', 'Liberation Sans', 'Arial', 'Helvetica', 'Noto Sans', 'FreeSans'] as const;

const fontChoice = new Map<string, Promise<string>>();

/** Rasterise an SVG document with resvg, after making sure text will be drawn. */
export async function svgToPng(svg: string, options: PngOptions = {}): Promise<Uint8Array> {
  const resvg = await loadResvg();
  const fontFiles = [...(options.fontFiles ?? [])];
  const family = await chooseFont(options.fontFamily, fontFiles);
  const image = await resvg.renderAsync(svg, {
    background: options.background ?? '#ffffff',
    fitTo: { mode: 'zoom', value: options.scale ?? 1 },
    font: { loadSystemFonts: true, fontFiles, defaultFontFamily: family, sansSerifFamily: family },
    logLevel: 'off',
  });
  const png = image.asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}

/**
 * The first font family (the requested one, else a candidate) with which resvg draws text,
 * found by rasterising a word and counting inked pixels; remembered per process.
 */
export function chooseFont(requested: string | undefined, fontFiles: readonly string[]): Promise<string> {
  const candidates = requested ? [requested] : [...FONT_CANDIDATES];
  const key = JSON.stringify([candidates, fontFiles]);
  let choice = fontChoice.get(key);
  if (!choice) {
    choice = (async () => {
      for (const family of candidates) {
        if ((await inkedPixels(family, fontFiles)) > 0) return family;
      }
      throw new RenderError(
        `expected a font for PNG text (tried ${candidates.join(', ')}), found none that draws text; install one (Debian: apt-get install fonts-dejavu-core), pass fontFiles: ['/path/to/font.ttf'], or render SVG instead`,
      );
    })();
    // A failed search is not cached, so installing a font fixes the next call.
    choice.catch(() => fontChoice.delete(key));
    fontChoice.set(key, choice);
  }
  return choice;
}

/** How many pixels a word written in `family` inks (0 when resvg finds no such font). */
export async function inkedPixels(family: string, fontFiles: readonly string[]): Promise<number> {
  const resvg = await loadResvg();
  const escaped = family.replace(/[<>&"']/g, '');
  const probe = `<svg xmlns="http://www.w3.org/2000/svg" width="60" height="24"><text x="2" y="18" font-family="${escaped}" font-size="16">Ag</text></svg>`;
  // Loading system fonts while leaving the fallback family empty means only `family` (or a
  // font resvg matches to it) can draw the word.
  const image = await resvg.renderAsync(probe, {
    font: { loadSystemFonts: true, fontFiles: [...fontFiles], defaultFontFamily: family, sansSerifFamily: family },
    logLevel: 'off',
  });
  const rgba = image.pixels;
  let inked = 0;
  for (let i = 3; i < rgba.length; i += 4) if (rgba[i] > 0) inked++;
  return inked;
}
