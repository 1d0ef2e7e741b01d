/**
 * `tsx scripts/build-icons.ts`: the app's icons from resources/icons/icon.svg, drawn with resvg
 * (the WebAssembly build the report's charts use): 256x256.png and 512x512.png for Linux (the
 * AppImage takes the folder; file names carry the size, as electron-builder wants) and icon.ico
 * for Windows. The icon has no text, so no font is involved and the files are the same on every
 * machine.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { initWasm, Resvg } from '@resvg/resvg-wasm';

const ICON_DIR = path.resolve(import.meta.dirname, '../resources/icons');
/** Windows picks the nearest size for each place (title bar 16–24, taskbar 32–48, Explorer up to 256). */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
export const PNG_SIZES = [256, 512] as const;

export interface PngImage {
  readonly size: number;
  readonly data: Uint8Array;
}

/**
 * An .ico file holding PNG images (Windows Vista and later read them; rcedit and NSIS take them):
 * a 6-byte header, one 16-byte entry per image, then the PNG files as they are.
 */
export function icoFromPngs(images: readonly PngImage[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  const entries = Buffer.alloc(16 * images.length);
  let offset = header.length + entries.length;
  images.forEach((image, i) => {
    const at = 16 * i;
    if (image.size < 1 || image.size > 256) throw new Error(`an .ico image is 1–256 px, not ${image.size}`);
    // 0 stands for 256 in the one-byte width and height.
    entries.writeUInt8(image.size === 256 ? 0 : image.size, at);
    entries.writeUInt8(image.size === 256 ? 0 : image.size, at + 1);
    entries.writeUInt8(0, at + 2); // no palette
    entries.writeUInt8(0, at + 3); // reserved
    entries.writeUInt16LE(1, at + 4); // colour planes
    entries.writeUInt16LE(32, at + 6); // bits per pixel
    entries.writeUInt32LE(image.data.length, at + 8);
    entries.writeUInt32LE(offset, at + 12);
    offset += image.data.length;
  });
  return Buffer.concat([header, entries, ...images.map((image) => image.data)]);
}

function renderPng(svg: string, size: number): Uint8Array {
  const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } });
  try {
    const image = resvg.render();
    try {
      return image.asPng();
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}

async function buildIcons(): Promise<void> {
  await initWasm(readFileSync(createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm')));
  const svg = readFileSync(path.join(ICON_DIR, 'icon.svg'), 'utf8');
  for (const size of PNG_SIZES) writeFileSync(path.join(ICON_DIR, `${size}x${size}.png`), renderPng(svg, size));
  writeFileSync(path.join(ICON_DIR, 'icon.ico'), icoFromPngs(ICO_SIZES.map((size) => ({ size, data: renderPng(svg, size) }))));
}

const isEntryPoint = process.argv[1] !== undefined && path.resolve(process.argv[1]) === import.meta.filename;
if (isEntryPoint) {
  buildIcons().then(
    () => console.log(`resources/icons: ${PNG_SIZES.map((s) => `${s}x${s}.png`).join(', ')}, icon.ico`),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
