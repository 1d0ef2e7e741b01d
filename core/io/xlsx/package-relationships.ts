/**
 * OPC relationship parts (`_rels/*.rels`): which part plays which role. Targets are resolved
 * against the source part's folder into zip entry names; one that climbs out of the package
 * is refused. Relationship types are matched by their last segment, which is the same in the
 * transitional and the strict (ISO 29500) namespaces.
 */
import { workbookIssues } from '../input-messages.js';
import { XlsxFailure } from './xlsx-failure.js';
import { XmlTokenizer, type XmlHandler } from './xml-tokenizer.js';

export interface Relationship {
  /** Last segment of the type URI: officeDocument, worksheet, sharedStrings, styles, … */
  readonly type: string;
  /** Zip entry name of the target, or null for an external target (a URL, another file). */
  readonly part: string | null;
}

/** `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; the package itself ('') → `_rels/.rels`. */
export function relationshipsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export function resolveTarget(sourcePart: string, target: string): string {
  let path = target;
  try {
    path = decodeURIComponent(target);
  } catch {
    // Not percent-encoded after all; use it as written.
  }
  const base = path.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const segment of path.split('/')) {
    if (segment === '..') {
      if (base.pop() === undefined) throw new XlsxFailure(workbookIssues.badPartName(target));
    } else if (segment !== '.' && segment !== '') {
      base.push(segment);
    }
  }
  return base.join('/');
}

export class RelationshipsHandler implements XmlHandler {
  readonly tokenizer = new XmlTokenizer(this);
  readonly byId = new Map<string, Relationship>();

  constructor(private readonly sourcePart: string) {}

  open(name: string): void {
    if (name !== 'Relationship') return;
    const t = this.tokenizer;
    const id = t.attributeText('Id');
    const typeUri = t.attributeText('Type');
    const target = t.attributeText('Target');
    if (id === undefined || typeUri === undefined || target === undefined) return;
    const external = t.attributeText('TargetMode') === 'External';
    this.byId.set(id, { type: typeUri.slice(typeUri.lastIndexOf('/') + 1), part: external ? null : resolveTarget(this.sourcePart, target) });
  }

  close(): void {}

  text(): void {}

  ofType(type: string): Relationship[] {
    return [...this.byId.values()].filter((r) => r.type === type);
  }
}
