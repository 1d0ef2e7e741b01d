/**
 * What a sheet carries beside its cells: notes and pictures. They are few, so they are kept
 * until the sheet ends; then the sheet XML gets its <drawing>/<legacyDrawing> elements and the
 * parts are written after the sheet's own: media, drawing, comments, VML and the sheet's rels.
 */
import { MAX_COLUMNS, MAX_ROWS, cellAddress } from './cell-address.js';
import { commentsXml, type Note } from './comments-part.js';
import { CONTENT_TYPE, type PackagePart } from './content-types.js';
import { checkImage, drawingXml, type SheetImage } from './drawing-part.js';
import { RELATIONSHIP, relationshipId, relationshipsPartOf, relationshipsXml, type Relationship } from './relationships-part.js';
import { columnPixels, shapeBlocksFor, vmlDrawingXml } from './vml-drawing.js';
import type { ZipWriter } from './zip-writer.js';

/** Excel's longest note, as for a cell. */
const MAX_NOTE_TEXT = 32_767;

/** Numbers shared by every sheet of the workbook; advanced as parts are written. */
export interface PartCounters {
  /** The next xl/media/imageK.png. */
  image: number;
  /** The next free VML shape id block. */
  shapeBlock: number;
}

export class SheetAttachments {
  private readonly notes = new Map<string, Note>();
  private readonly images: SheetImage[] = [];

  /** `sheetNumber` names the parts (sheetN, drawingN, commentsN); widths place the note boxes. */
  constructor(
    private readonly sheetNumber: number,
    private readonly columnWidths: readonly (number | undefined)[],
  ) {}

  addNote(row: number, column: number, text: string): void {
    if (!Number.isInteger(row) || row < 1 || row > MAX_ROWS) throw new RangeError(`a note's row ${row} is outside 1 … ${MAX_ROWS}`);
    if (!Number.isInteger(column) || column < 1 || column > MAX_COLUMNS) throw new RangeError(`a note's column ${column} is outside 1 … ${MAX_COLUMNS}`);
    const ref = cellAddress(row, column);
    if (text.length === 0) throw new RangeError(`the note on ${ref} is empty`);
    if (text.length > MAX_NOTE_TEXT) throw new RangeError(`the note on ${ref} is longer than Excel's ${MAX_NOTE_TEXT} characters`);
    if (this.notes.has(ref)) throw new RangeError(`cell ${ref} already has a note`);
    this.notes.set(ref, { row, column, text });
  }

  addImage(image: SheetImage): void {
    checkImage(image);
    this.images.push(image);
  }

  /** The sheet's rels in this order: drawing, VML drawing, comments; with the rIds the sheet XML names. */
  private relationships(): { list: Relationship[]; drawing: string | null; vml: string | null } {
    const n = this.sheetNumber;
    const list: Relationship[] = [];
    let drawing: string | null = null;
    let vml: string | null = null;
    if (this.images.length > 0) {
      drawing = relationshipId(list.length);
      list.push({ type: RELATIONSHIP.drawing, target: `../drawings/drawing${n}.xml` });
    }
    if (this.notes.size > 0) {
      vml = relationshipId(list.length);
      list.push({ type: RELATIONSHIP.vmlDrawing, target: `../drawings/vmlDrawing${n}.vml` }, { type: RELATIONSHIP.comments, target: `../comments${n}.xml` });
    }
    return { list, drawing, vml };
  }

  /** The sheet's last elements: CT_Worksheet puts <drawing> then <legacyDrawing> after <pageMargins>. */
  closingElements(): string {
    const { drawing, vml } = this.relationships();
    return `${drawing === null ? '' : `<drawing r:id="${drawing}"/>`}${vml === null ? '' : `<legacyDrawing r:id="${vml}"/>`}`;
  }

  /** Writes the parts after the sheet's entry has closed; returns them for the content types. */
  async writeParts(zip: ZipWriter, sheetPart: string, counters: PartCounters): Promise<PackagePart[]> {
    const { list } = this.relationships();
    if (list.length === 0) return [];
    const n = this.sheetNumber;
    const parts: PackagePart[] = [];
    const add = async (name: string, contentType: string, data: string | Buffer): Promise<void> => {
      await zip.addEntry(name, data);
      parts.push({ name, contentType });
    };
    if (this.images.length > 0) {
      const media: Relationship[] = [];
      for (const image of this.images) {
        const file = `image${counters.image++}.png`;
        await add(`xl/media/${file}`, CONTENT_TYPE.png, image.png);
        media.push({ type: RELATIONSHIP.image, target: `../media/${file}` });
      }
      const drawing = `xl/drawings/drawing${n}.xml`;
      await add(drawing, CONTENT_TYPE.drawing, drawingXml(this.images));
      await zip.addEntry(relationshipsPartOf(drawing), relationshipsXml(media));
    }
    if (this.notes.size > 0) {
      const notes = [...this.notes.values()].sort((a, b) => a.row - b.row || a.column - b.column);
      await add(`xl/comments${n}.xml`, CONTENT_TYPE.comments, commentsXml(notes));
      const columnPx = (index: number): number => columnPixels(this.columnWidths[index]);
      await add(`xl/drawings/vmlDrawing${n}.vml`, CONTENT_TYPE.vmlDrawing, vmlDrawingXml(notes, counters.shapeBlock, columnPx));
      counters.shapeBlock += shapeBlocksFor(notes.length);
    }
    await zip.addEntry(relationshipsPartOf(sheetPart), relationshipsXml(list));
    return parts;
  }
}
