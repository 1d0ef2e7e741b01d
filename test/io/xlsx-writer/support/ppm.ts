/** Binary PPM (P6) pages as pdftoppm writes them, and where a colour lies on one. */
import { readFile } from 'node:fs/promises';

export interface Pixmap {
  readonly width: number;
  readonly height: number;
  /** RGB, row by row. */
  readonly data: Buffer;
}

export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly pixels: number;
}

export async function readPpm(path: string): Promise<Pixmap> {
  const file = await readFile(path);
  // Header: "P6", width, height, maxval, each after whitespace; one whitespace byte before the pixels.
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(file.subarray(0, 64).toString('latin1'));
  if (header === null || header[1] === undefined || header[2] === undefined) throw new Error(`${path} is not an 8-bit P6 PPM`);
  return { width: Number(header[1]), height: Number(header[2]), data: file.subarray(header[0].length) };
}

/** The bounding box of the pixels within `tolerance` of `rgb` on every channel; null when there are none. */
export function colourBox(page: Pixmap, rgb: readonly [number, number, number], tolerance = 24): Box | null {
  let left = Infinity;
  let top = Infinity;
  let right = -1;
  let bottom = -1;
  let pixels = 0;
  for (let y = 0; y < page.height; y++) {
    for (let x = 0; x < page.width; x++) {
      const at = (y * page.width + x) * 3;
      if (Math.abs((page.data[at] ?? 0) - rgb[0]) > tolerance || Math.abs((page.data[at + 1] ?? 0) - rgb[1]) > tolerance || Math.abs((page.data[at + 2] ?? 0) - rgb[2]) > tolerance) continue;
      pixels++;
      left = Math.min(left, x);
      top = Math.min(top, y);
      right = Math.max(right, x);
      bottom = Math.max(bottom, y);
    }
  }
  return pixels === 0 ? null : { left, top, right, bottom, pixels };
}
