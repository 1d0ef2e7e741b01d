/**
 * The workbook's outline, from the package relationships, workbook.xml and its relationships:
 * the sheets in tab order with their visibility and part, the date system, and where the
 * shared strings and styles are. Anything missing that a workbook cannot do without is
 * "workbook structure missing".
 */
import type { Bilingual } from '../../model/messages.js';
import { workbookIssues } from '../input-messages.js';
import { RelationshipsHandler, relationshipsPartOf } from './package-relationships.js';
import type { WorkbookArchive } from './workbook-archive.js';
import { XlsxFailure } from './xlsx-failure.js';
import { XmlTokenizer, type XmlHandler } from './xml-tokenizer.js';

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface SheetInfo {
  readonly name: string;
  readonly state: SheetState;
  /** Relationship type: worksheet, chartsheet, dialogsheet, xlMacrosheet, … */
  readonly type: string;
  /** Zip entry name of the sheet's part. */
  readonly part: string;
}

export interface WorkbookStructure {
  readonly sheets: readonly SheetInfo[];
  readonly date1904: boolean;
  readonly sharedStringsPart: string | null;
  readonly stylesPart: string | null;
  /** The workbook refers to other workbooks (external links) whose values it caches. */
  readonly externalLinks: boolean;
}

const DEFAULT_WORKBOOK_PART = 'xl/workbook.xml';

function missing(zh: string, en: string): XlsxFailure {
  const detail: Bilingual = { zh, en };
  return new XlsxFailure(workbookIssues.structureMissing(detail));
}

class WorkbookHandler implements XmlHandler {
  readonly tokenizer = new XmlTokenizer(this);
  readonly sheets: { name: string; state: SheetState; id: string }[] = [];
  date1904 = false;
  externalReferences = 0;

  open(name: string): void {
    const t = this.tokenizer;
    if (name === 'workbookPr') {
      const value = t.attributeText('date1904');
      this.date1904 = value === '1' || value === 'true';
    } else if (name === 'sheet') {
      const sheetName = t.attributeText('name');
      const id = t.attributeText('id');
      if (sheetName === undefined || id === undefined) throw missing('工作表缺少名称或关联', 'a sheet has no name or relationship');
      const state = t.attributeText('state');
      this.sheets.push({ name: sheetName, id, state: state === 'hidden' || state === 'veryHidden' ? state : 'visible' });
    } else if (name === 'externalReference') {
      this.externalReferences++;
    }
  }

  close(): void {}

  text(): void {}
}

async function relationships(archive: WorkbookArchive, sourcePart: string): Promise<RelationshipsHandler | null> {
  const part = relationshipsPartOf(sourcePart);
  if (!archive.has(part)) return null;
  const handler = new RelationshipsHandler(sourcePart);
  await archive.readXml(part, handler.tokenizer, false);
  return handler;
}

export async function readWorkbookStructure(archive: WorkbookArchive): Promise<WorkbookStructure> {
  const packageRels = await relationships(archive, '');
  const workbookPart = packageRels?.ofType('officeDocument')[0]?.part ?? DEFAULT_WORKBOOK_PART;
  if (!archive.has(workbookPart)) throw missing(`缺少 ${workbookPart}`, `${workbookPart} is missing`);
  const workbook = new WorkbookHandler();
  await archive.readXml(workbookPart, workbook.tokenizer, false);
  const rels = await relationships(archive, workbookPart);
  if (rels === null) throw missing(`缺少 ${relationshipsPartOf(workbookPart)}`, `${relationshipsPartOf(workbookPart)} is missing`);
  if (workbook.sheets.length === 0) throw missing('没有工作表', 'the workbook lists no sheets');

  const sheets = workbook.sheets.map(({ name, state, id }): SheetInfo => {
    const rel = rels.byId.get(id);
    if (rel === undefined || rel.part === null || !archive.has(rel.part)) {
      throw missing(`工作表“${name}”的内容缺失`, `the part of sheet '${name}' is missing`);
    }
    return { name, state, type: rel.type, part: rel.part };
  });
  const partOf = (type: string): string | null => {
    const part = rels.ofType(type)[0]?.part ?? null;
    return part !== null && archive.has(part) ? part : null;
  };
  return {
    sheets,
    date1904: workbook.date1904,
    sharedStringsPart: partOf('sharedStrings'),
    stylesPart: partOf('styles'),
    externalLinks: workbook.externalReferences > 0 || rels.ofType('externalLink').length > 0,
  };
}
