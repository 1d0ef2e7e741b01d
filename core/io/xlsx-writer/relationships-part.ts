/** OPC relationship parts (`_rels/*.rels`): the links from one part to the parts it uses. */
import { escapeXml } from './xml-text.js';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const PACKAGE_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Relationship types, by the role of the target. */
export const RELATIONSHIP = {
  officeDocument: `${DOC_RELS}/officeDocument`,
  coreProperties: `${PACKAGE_RELS}/metadata/core-properties`,
  extendedProperties: `${DOC_RELS}/extended-properties`,
  worksheet: `${DOC_RELS}/worksheet`,
  styles: `${DOC_RELS}/styles`,
  drawing: `${DOC_RELS}/drawing`,
  vmlDrawing: `${DOC_RELS}/vmlDrawing`,
  comments: `${DOC_RELS}/comments`,
  image: `${DOC_RELS}/image`,
} as const;

export interface Relationship {
  readonly type: string;
  /** Relative to the source part's folder, e.g. `../drawings/drawing1.xml`. */
  readonly target: string;
}

/** The `rId` of a relationship is its 1-based place in the list: callers refer to it that way. */
export function relationshipId(index: number): string {
  return `rId${index + 1}`;
}

export function relationshipsXml(relationships: readonly Relationship[]): string {
  const list = relationships.map((r, i) => `<Relationship Id="${relationshipId(i)}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`).join('');
  return `${XML_HEAD}<Relationships xmlns="${PACKAGE_RELS}">${list}</Relationships>`;
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relationshipsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}
