import type { Bilingual } from '../../../../core/model/messages';
import type { ScenarioIssue } from '../../../../core/model/scenario';
import { inLang, useLang } from '../../i18n';
import { getIn, useScenarioStore } from '../../stores/scenario-store';

const NOT_A_NUMBER: Bilingual = { zh: '请输入数字', en: 'Enter a number' };

/**
 * zod's type error for a number box holding text ("expected number, received string") is
 * technical; the form says plainly what it wants.
 */
function message(issue: ScenarioIssue, draft: unknown): Bilingual {
  if (issue.code === 'scenario.invalid_type' && typeof getIn(draft, issue.path.split('.')) === 'string') return NOT_A_NUMBER;
  return { zh: besideField(issue.zh, issue.path), en: besideField(issue.en, issue.path) };
}

/**
 * The check prefixes its generic messages with the dotted path ("warnings.share_rise.points: …")
 * for readers of a file; beside the field the path only repeats the label, so it is left off.
 */
function besideField(text: string, path: string): string {
  const prefix = `${path}: `;
  return path !== '' && text.startsWith(prefix) ? text.slice(prefix.length) : text;
}

/** The check's messages for a field, in the UI language. */
export function Issues({ issues, testId }: { issues: readonly ScenarioIssue[]; testId?: string }) {
  const lang = useLang();
  const draft = useScenarioStore((s) => s.draft);
  if (issues.length === 0) return null;
  return (
    <div className="issues" data-testid={testId}>
      {issues.map((issue, i) => (
        <p key={i} className="issue" role="alert">
          {inLang(message(issue, draft), lang)}
        </p>
      ))}
    </div>
  );
}
