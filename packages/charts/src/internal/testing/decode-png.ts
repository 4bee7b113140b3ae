import { crc32, inflateSync } from 'node:zlib';

// Test support: decode 8-bit, non-interlaced greyscale / RGB / RGBA PNGs (what resvg and
// Chromium write) into RGBA pixels, so tests can look at what was drawn without another package.

/** A decoded image: `pixels` holds width·height RGBA quadruplets, row by row. */
export interface DecodedPng {
  width: number;
  height: number;
  pixels: Uint8Array;
}

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Decode a PNG, checking the signature and every chunk's CRC.
 * @throws Error for anything outside 8-bit non-interlaced grey (0), RGB (2), grey+alpha (4) or RGBA (6)
 */
export function decodePng(bytes: Uint8Array): DecodedPng {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  PNG_SIGNATURE.forEach((b, i) => {
    if (buf[i] !== b) throw new Error(`not a PNG: byte ${i} is ${buf[i]}, expected ${b}`);
  });
  let offset = 8;
  let width = 0;
  let height = 0;
  let colorType = -1;
  const idat: Buffer[] = [];
  while (offset < buf.length) {
    const length = buf.readUInt32BE(offset);
    const type = buf.toString('latin1', offset + 4, offset + 8);
    const data = buf.subarray(offset + 8, offset + 8 + length);
    const crc = buf.readUInt32BE(offset + 8 + length);
    if (crc32(buf.subarray(offset + 4, offset + 8 + length)) !== crc) throw new Error(`bad CRC in chunk ${type}`);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const bitDepth = data[8];
      colorType = data[9];
      if (bitDepth !== 8 || ![0, 2, 4, 6].includes(colorType) || data[12] !== 0) {
        throw new Error(`unsupported PNG: bit depth ${bitDepth}, colour type ${colorType}, interlace ${data[12]}`);
      }
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  const channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[colorType as 0 | 2 | 4 | 6];
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  if (raw.length !== height * (stride + 1)) throw new Error(`expected ${height * (stride + 1)} bytes of scanlines, got ${raw.length}`);
  const out = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? out[y * stride + x - channels] : 0;
      const b = y > 0 ? out[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? out[(y - 1) * stride + x - channels] : 0;
      let predictor: number;
      if (filter === 0) predictor = 0;
      else if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else throw new Error(`unknown filter ${filter} on row ${y}`);
      out[y * stride + x] = (line[x] + predictor) & 0xff;
    }
  }
  const pixels = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    const s = p * channels;
    const grey = channels <= 2;
    pixels[p * 4] = out[s];
    pixels[p * 4 + 1] = grey ? out[s] : out[s + 1];
    pixels[p * 4 + 2] = grey ? out[s] : out[s + 2];
    pixels[p * 4 + 3] = channels === 4 ? out[s + 3] : channels === 2 ? out[s + 1] : 255;
  }
  return { width, height, pixels };
}

/** Pixel statistics: how many differ from the background colour, and the variance of luminance. */
export function pixelStats(
  image: DecodedPng,
  region: { x0?: number; y0?: number; x1?: number; y1?: number } = {},
  background: readonly [number, number, number] = [255, 255, 255],
): { nonBackground: number; total: number; luminanceVariance: number } {
  const { x0 = 0, y0 = 0, x1 = image.width, y1 = image.height } = region;
  let nonBackground = 0;
  let sum = 0;
  let sumSq = 0;
  let total = 0;
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const i = (y * image.width + x) * 4;
      const [r, g, b] = [image.pixels[i], image.pixels[i + 1], image.pixels[i + 2]];
      if (Math.abs(r - background[0]) + Math.abs(g - background[1]) + Math.abs(b - background[2]) > 24) nonBackground++;
      const lum = 0.2126 * r + 0.7152 * g + 0.0722 * b;
      sum += lum;
      sumSq += lum * lum;
      total++;
    }
  const mean = sum / total;
  return { nonBackground, total, luminanceVariance: sumSq / total - mean * mean };
}
