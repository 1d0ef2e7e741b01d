/**
 * SVG to PNG with resvg compiled to WebAssembly (@resvg/resvg-wasm). The native @resvg/resvg-js
 * 2.6.2 was used before, but it re-reads a font file from disk for every glyph it draws
 * (resvg-js issue #367): with a 19 MB Chinese font the report's five charts took 1–4 s. Here the
 * font bytes are read once (chart-fonts.ts) and handed over with each image.
 *
 * Memory: resvg-wasm keeps no font database between images, so each render copies the font
 * buffers into the module's memory, parses them and frees them when the image is done. The
 * WebAssembly memory never shrinks, so the process keeps one such copy (the fonts' size plus an
 * image's pixels) besides the Buffers of chart-fonts.ts; renders run one at a time (WebAssembly
 * is single-threaded), so it never holds more.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import type { LoadedFonts } from './chart-fonts.js';

/**
 * The .wasm file is found the way Node would find the package, from this module: that works
 * under tsx, vitest and a build alike. In a packaged Electron app node_modules sits inside
 * app.asar, and readFileSync still reads it there because Electron patches fs for asar paths
 * (only native .node modules need asarUnpack; this is plain data).
 */
function readWasm(): Buffer {
  return readFileSync(createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm'));
}

async function init(): Promise<Error | undefined> {
  try {
    await initWasm(readWasm());
    return undefined;
  } catch (error) {
    // initWasm refuses a second call per process; a second copy of this module (a test runner
    // that re-evaluates it) finds the package already initialised, which is what it wants.
    if (error instanceof Error && error.message.startsWith('Already initialized')) return undefined;
    return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * Once per process, when this module loads (about 35 ms): the top-level await lets svgToPng stay
 * synchronous. A failure is kept, not thrown, so that importing the report code never fails:
 * only drawing a chart does.
 */
const initFailure = await init();

export function svgToPng(svg: string, scale: number, fonts: LoadedFonts): Buffer {
  if (initFailure !== undefined) throw new Error(`The chart renderer (resvg WebAssembly) did not load: ${initFailure.message}`, { cause: initFailure });
  const resvg = new Resvg(svg, {
    font: {
      // A copy of the array: resvg-wasm's typing wants it mutable; the Buffers themselves are shared.
      fontBuffers: [...fonts.buffers],
      // What every generic family (sans-serif…) maps to, and the chart's own list ends with sans-serif.
      defaultFontFamily: fonts.family,
      // WebAssembly cannot read the system's fonts anyway; said so that no reader expects it to.
      loadSystemFonts: false,
    },
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
  });
  try {
    const image = resvg.render();
    try {
      // A Buffer over the Uint8Array resvg returns (a JavaScript copy, not a view of WebAssembly memory).
      const png = image.asPng();
      return Buffer.from(png.buffer, png.byteOffset, png.byteLength);
    } finally {
      image.free();
    }
  } finally {
    // The font copies and the pixels live in WebAssembly memory until freed; the garbage collector would free them late.
    resvg.free();
  }
}
