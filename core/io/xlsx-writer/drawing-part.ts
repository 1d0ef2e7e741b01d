/**
 * A sheet's pictures as the DrawingML part `xl/drawings/drawingN.xml`. Each picture is a
 * oneCellAnchor: its top-left corner is pinned to a cell and its size is given in EMU, so it
 * keeps its pixel size whatever the widths of the columns it covers.
 */
import { MAX_COLUMNS, MAX_ROWS } from './cell-address.js';
import { relationshipId } from './relationships-part.js';
import { escapeXml } from './xml-text.js';

export interface SheetImage {
  /** Kept, not copied, until the sheet ends. */
  readonly png: Buffer;
  /** The top-left cell, 1-based. */
  readonly row: number;
  readonly column: number;
  /** Pixels at 96 dpi. */
  readonly width: number;
  readonly height: number;
  readonly name?: string;
  /** Alternative text. */
  readonly description?: string;
}

const EMU_PER_PX = 9525;
const MAX_PX = 1_000_000;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** The first chunk of every PNG is IHDR, right after the signature and the chunk's length. */
const IHDR_AT = 12;

/** Throws a RangeError naming what is wrong with the picture. */
export function checkImage(image: SheetImage): void {
  const label = image.name === undefined ? 'an image' : `image "${image.name}"`;
  if (image.png.length === 0) throw new RangeError(`${label} is empty`);
  if (image.png.length < IHDR_AT + 4 || !image.png.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE) || image.png.toString('latin1', IHDR_AT, IHDR_AT + 4) !== 'IHDR') {
    throw new RangeError(`${label} is not a PNG file (no PNG signature and header)`);
  }
  if (!Number.isInteger(image.row) || image.row < 1 || image.row > MAX_ROWS) throw new RangeError(`${label}: row ${image.row} is outside 1 … ${MAX_ROWS}`);
  if (!Number.isInteger(image.column) || image.column < 1 || image.column > MAX_COLUMNS) {
    throw new RangeError(`${label}: column ${image.column} is outside 1 … ${MAX_COLUMNS}`);
  }
  for (const size of [image.width, image.height]) {
    if (!(size > 0 && size <= MAX_PX)) throw new RangeError(`${label}: width and height must be pixels in (0, ${MAX_PX}]`);
  }
}

function anchorXml(image: SheetImage, index: number): string {
  const cx = Math.max(1, Math.round(image.width * EMU_PER_PX));
  const cy = Math.max(1, Math.round(image.height * EMU_PER_PX));
  const name = escapeXml(image.name ?? `Picture ${index + 1}`);
  const description = image.description === undefined ? '' : ` descr="${escapeXml(image.description)}"`;
  return (
    '<xdr:oneCellAnchor>' +
    `<xdr:from><xdr:col>${image.column - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${image.row - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:ext cx="${cx}" cy="${cy}"/>` +
    // Shape ids are unique within the drawing; Excel starts at 2.
    `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="${index + 2}" name="${name}"${description}/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>` +
    `<xdr:blipFill><a:blip r:embed="${relationshipId(index)}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
    `<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>` +
    '<xdr:clientData/></xdr:oneCellAnchor>'
  );
}

/** The image of picture i is the drawing's relationship i (rId i+1). */
export function drawingXml(images: readonly SheetImage[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"' +
    ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    images.map(anchorXml).join('') +
    '</xdr:wsDr>'
  );
}
