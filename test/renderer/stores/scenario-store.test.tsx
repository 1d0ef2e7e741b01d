// @vitest-environment jsdom
/** The scenario store: the draft's check follows every edit, save and import go through the service. */
import { describe, expect, it } from 'vitest';
import { defaultScenario, parseScenario } from '../../../core/model/scenario';
import type { SavedScenarioView } from '../../../core/service/contract';
import { bindServiceClient } from '../../../renderer/src/app/service-client';
import { getIn, isDirty, useScenarioStore } from '../../../renderer/src/stores/scenario-store';
import { testClient } from '../app/fake-client';
import '../app/reset';

function savedView(name: string, data: object = {}, updatedAt = '2026-10-01T08:00:00Z'): SavedScenarioView {
  const parsed = parseScenario({ ...data, name });
  if (!parsed.ok) throw new Error('bad fixture');
  return { id: name.length, name, scenario: parsed.scenario, updatedAt };
}

describe('scenario store', () => {
  it('starts from the default scenario, valid', () => {
    const { draft, check } = useScenarioStore.getState();
    expect(draft).toEqual(JSON.parse(JSON.stringify(defaultScenario())));
    expect(check.ok).toBe(true);
  });

  it('re-checks the draft on every setField', () => {
    const store = useScenarioStore.getState();
    store.setField(['value_weights', 'profit'], 0.8);
    const check = useScenarioStore.getState().check;
    expect(check.ok).toBe(false);
    expect(check.ok ? [] : check.issues.map((i) => [i.path, i.code])).toEqual([['value_weights', 'scenario.weights_sum']]);

    useScenarioStore.getState().setField(['value_weights', 'loyalty'], 0);
    expect(useScenarioStore.getState().check.ok).toBe(true);
    expect(getIn(useScenarioStore.getState().draft, ['value_weights', 'profit'])).toBe(0.8);
  });

  it('adds and removes keys and array rows without touching the rest of the draft', () => {
    const before = useScenarioStore.getState().draft;
    useScenarioStore.getState().setField(['drivers', 'pools', '网络运维'], { users: 0.2, data_mb: 0.8 });
    const added = useScenarioStore.getState().draft;
    expect(getIn(added, ['drivers', 'pools', '网络运维'])).toEqual({ users: 0.2, data_mb: 0.8 });
    expect(added['credit']).toBe(before['credit']);

    useScenarioStore.getState().setField(['drivers', 'pools', '网络运维'], undefined);
    expect(getIn(useScenarioStore.getState().draft, ['drivers', 'pools'])).toEqual({});

    useScenarioStore.getState().setField(['tiers', 1], undefined);
    expect(getIn(useScenarioStore.getState().draft, ['tiers'])).toEqual([
      ['A', 80],
      ['C', 40],
    ]);
  });

  it('saves the draft through scenarios:save and takes the saved scenario as the baseline', async () => {
    const client = testClient({
      'scenarios:save': ({ scenario }) => ({ ok: true, saved: savedView(String(scenario['name']), { window: 6 }) }),
      'scenarios:list': () => [savedView('年度方案', { window: 6 })],
    });
    bindServiceClient(client);
    useScenarioStore.getState().setField(['name'], '年度方案');
    useScenarioStore.getState().setField(['window'], 6);

    expect(await useScenarioStore.getState().save()).toBe(true);
    expect(client.callsOf('scenarios:save')).toEqual([{ scenario: expect.objectContaining({ name: '年度方案', window: 6 }) }]);
    const state = useScenarioStore.getState();
    expect(state.loadedName).toBe('年度方案');
    expect(isDirty(state)).toBe(false);
    expect(state.saved.map((s) => s.name)).toEqual(['年度方案']);

    state.setField(['min_tenure'], 6);
    expect(isDirty(useScenarioStore.getState())).toBe(true);
  });

  it('shows the issues the service returns when it refuses to save', async () => {
    const issue = { path: 'name', code: 'scenario.name_taken', zh: '已有同名方案', en: 'A scenario has this name' };
    bindServiceClient(testClient({ 'scenarios:save': () => ({ ok: false, issues: [issue] }) }));
    expect(await useScenarioStore.getState().save()).toBe(false);
    expect(useScenarioStore.getState().check).toEqual({ ok: false, issues: [issue] });
  });

  it('imports a file through scenarios:parse: bad JSON gives issues and leaves the draft alone', async () => {
    const issue = { path: '', code: 'scenario.json', zh: '文件不是有效的 JSON', en: 'The file is not valid JSON' };
    const client = testClient({ 'scenarios:parse': ({ text }) => (text.startsWith('{') ? parseScenario(JSON.parse(text)) : { ok: false, issues: [issue] }) });
    bindServiceClient(client);
    const before = useScenarioStore.getState().draft;

    const bad = await useScenarioStore.getState().importText('not json {');
    expect(bad).toEqual({ ok: false, issues: [issue] });
    expect(useScenarioStore.getState().importIssues).toEqual([issue]);
    expect(useScenarioStore.getState().draft).toBe(before);

    const good = await useScenarioStore.getState().importText(JSON.stringify({ name: '邮件方案', window: 4 }));
    expect(good.ok).toBe(true);
    const state = useScenarioStore.getState();
    expect(state.draft['name']).toBe('邮件方案');
    expect(state.draft['window']).toBe(4);
    expect(state.importIssues).toEqual([]);
    expect(state.loadedName).toBeNull();
    expect(client.callsOf('scenarios:parse')).toHaveLength(2);
  });

  it('exports the complete scenario as JSON that parses back to the same scenario', () => {
    useScenarioStore.getState().setField(['lowest_tier'], 'E');
    const text = useScenarioStore.getState().exportText();
    const parsed = parseScenario(JSON.parse(text));
    expect(parsed.ok && parsed.scenario.lowest_tier).toBe('E');
  });

  it('opens the newest saved scenario on the first list, but not over edits', async () => {
    bindServiceClient(testClient({ 'scenarios:list': () => [savedView('旧方案', {}, '2026-01-01T00:00:00Z'), savedView('新方案', { window: 5 }, '2026-09-01T00:00:00Z')] }));
    await useScenarioStore.getState().refresh();
    expect(useScenarioStore.getState().loadedName).toBe('新方案');
    expect(useScenarioStore.getState().draft['window']).toBe(5);

    useScenarioStore.getState().setField(['window'], 7);
    await useScenarioStore.getState().refresh();
    expect(useScenarioStore.getState().draft['window']).toBe(7);
  });

  it('copies the open scenario and opens the copy; deleting it leaves the draft as unsaved', async () => {
    let saved = [savedView('基准')];
    bindServiceClient(
      testClient({
        'scenarios:list': () => saved,
        'scenarios:copy': ({ newName }) => {
          const copy = savedView(newName);
          saved = [...saved, copy];
          return copy;
        },
        'scenarios:delete': ({ name }) => {
          saved = saved.filter((s) => s.name !== name);
          return { deleted: true };
        },
      }),
    );
    await useScenarioStore.getState().refresh();
    expect(useScenarioStore.getState().loadedName).toBe('基准');

    expect(await useScenarioStore.getState().copy('基准 副本')).toBe(true);
    expect(useScenarioStore.getState().loadedName).toBe('基准 副本');

    expect(await useScenarioStore.getState().remove('基准 副本')).toBe(true);
    expect(useScenarioStore.getState().loadedName).toBeNull();
    expect(useScenarioStore.getState().draft['name']).toBe('基准 副本');
    expect(useScenarioStore.getState().saved.map((s) => s.name)).toEqual(['基准']);
  });

  it('turns a failed call into a bilingual error, never a thrown one', async () => {
    bindServiceClient(testClient({}));
    expect(await useScenarioStore.getState().save()).toBe(false);
    expect(useScenarioStore.getState().error).toEqual({ zh: '测试未应答 scenarios:save', en: 'The test does not answer scenarios:save' });
    expect(useScenarioStore.getState().busy).toBe(false);
  });
});
