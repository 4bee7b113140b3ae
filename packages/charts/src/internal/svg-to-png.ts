import { RenderError } from '../errors';
import { loadResvg } from './load-vega';

/** Options of PNG rendering. */
export interface PngOptions {
  /** Pixels per SVG unit; default 1 (2 doubles width and height for high-DPI screens). */
  scale?: number;
  /** Background colour (any CSS colour); default `#ffffff`. Use `transparent` to keep alpha. */
  background?: string;
  /** The font family for the charts' `sans-serif` text; default `DejaVu Sans` (another installed font stands in when it is missing). */
  fontFamily?: string;
  /** Extra font files (.ttf / .otf) to load besides the system's. */
  fontFiles?: readonly string[];
}

// vega writes every label in `sans-serif`; resvg maps that generic name to Arial unless told
// otherwise. DejaVu Sans is on nearly every Linux system (Debian: fonts-dejavu-core); where a
// named family is missing resvg substitutes another installed font, so text is drawn whenever
// any font is installed.
export const DEFAULT_FONT_FAMILY = 'DejaVu Sans';

const fontChecks = new Map<string, Promise<void>>();

/** Rasterise an SVG document with resvg, after making sure text will be drawn. */
export async function svgToPng(svg: string, options: PngOptions = {}): Promise<Uint8Array> {
  const resvg = await loadResvg();
  const fontFiles = [...(options.fontFiles ?? [])];
  const family = options.fontFamily ?? DEFAULT_FONT_FAMILY;
  await checkFontDrawsText(family, fontFiles);
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
 * Resolve when resvg draws text in `family` (or a substitute), reject with a RenderError when
 * it draws nothing: without any font resvg silently leaves text out, and a chart PNG without
 * its title, axis labels and legend is unreadable. Checked once per process and font setting.
 */
export function checkFontDrawsText(family: string, fontFiles: readonly string[], systemFonts = true): Promise<void> {
  const key = JSON.stringify([family, fontFiles, systemFonts]);
  let check = fontChecks.get(key);
  if (!check) {
    check = inkedPixels(family, fontFiles, systemFonts).then((inked) => {
      if (inked === 0) {
        throw new RenderError(
          `expected a font to draw the PNG's text in (asked for ${family}), found none; install one (Debian: apt-get install fonts-dejavu-core), pass fontFiles: ['/path/to/font.ttf'], or render SVG instead`,
        );
      }
    });
    // A failed check is not remembered, so installing a font fixes the next call.
    check.catch(() => fontChecks.delete(key));
    fontChecks.set(key, check);
  }
  return check;
}

/** How many pixels the word "Ag" written in `family` inks (0 when resvg has no font to use). */
export async function inkedPixels(family: string, fontFiles: readonly string[], systemFonts = true): Promise<number> {
  const resvg = await loadResvg();
  const escaped = family.replace(/[<>&"']/g, '');
  const probe = `<svg xmlns="http://www.w3.org/2000/svg" width="60" height="24"><text x="2" y="18" font-family="${escaped}" font-size="16">Ag</text></svg>`;
  const image = await resvg.renderAsync(probe, {
    font: { loadSystemFonts: systemFonts, fontFiles: [...fontFiles], defaultFontFamily: family, sansSerifFamily: family },
    logLevel: 'off',
  });
  const rgba = image.pixels;
  let inked = 0;
  for (let i = 3; i < rgba.length; i += 4) if (rgba[i] > 0) inked++;
  return inked;
}
