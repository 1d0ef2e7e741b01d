/** `[Content_Types].xml`: the media type of every part in the package. */

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const OFFICE = 'application/vnd.openxmlformats-officedocument';

export const CONTENT_TYPE = {
  workbook: `${OFFICE}.spreadsheetml.sheet.main+xml`,
  worksheet: `${OFFICE}.spreadsheetml.worksheet+xml`,
  styles: `${OFFICE}.spreadsheetml.styles+xml`,
  comments: `${OFFICE}.spreadsheetml.comments+xml`,
  drawing: `${OFFICE}.drawing+xml`,
  vmlDrawing: `${OFFICE}.vmlDrawing`,
  extendedProperties: `${OFFICE}.extended-properties+xml`,
  coreProperties: 'application/vnd.openxmlformats-package.core-properties+xml',
  png: 'image/png',
} as const;

export interface PackagePart {
  /** The zip entry name, e.g. `xl/comments1.xml`. */
  readonly name: string;
  readonly contentType: string;
}

/** Parts whose type goes by their extension (as Excel writes them); the rest get an Override each. */
const BY_EXTENSION: ReadonlyMap<string, string> = new Map([
  ['rels', 'application/vnd.openxmlformats-package.relationships+xml'],
  ['xml', 'application/xml'],
  ['png', CONTENT_TYPE.png],
  ['vml', CONTENT_TYPE.vmlDrawing],
]);

function extensionOf(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1).toLowerCase();
}

/** `parts` are every part but the relationship parts, which the `rels` Default covers. */
export function contentTypesXml(parts: readonly PackagePart[]): string {
  const defaults = new Set(['rels', 'xml']);
  let overrides = '';
  for (const part of parts) {
    const extension = extensionOf(part.name);
    if (extension !== 'xml' && BY_EXTENSION.get(extension) === part.contentType) defaults.add(extension);
    else overrides += `<Override PartName="/${part.name}" ContentType="${part.contentType}"/>`;
  }
  const defaultXml = [...defaults].map((e) => `<Default Extension="${e}" ContentType="${BY_EXTENSION.get(e) ?? ''}"/>`).join('');
  return `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${defaultXml}${overrides}</Types>`;
}
