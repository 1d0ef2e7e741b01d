// @vitest-environment jsdom
/** The what-if loop: one run in flight, the latest waiting draft only, nothing before the first run. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../../core/service/contract';
import { bindServiceClient } from '../../../renderer/src/app/service-client';
import { followDraft, useRunStore } from '../../../renderer/src/stores/run-store';
import { useScenarioStore } from '../../../renderer/src/stores/scenario-store';
import { deferred, fakeClient, type FakeClient } from './fake-client';
import { miniRun } from './mini-fixtures';

type RunAnswer = ChannelOutput<'runs:start'>;

const WEIGHTS = [
  { profit: 0.6, loyalty: 0.2, credit: 0.1, behaviour: 0.1 },
  { profit: 0.5, loyalty: 0.3, credit: 0.1, behaviour: 0.1 },
  { profit: 0.4, loyalty: 0.4, credit: 0.1, behaviour: 0.1 },
];

/** A client whose runs answer only when the test says, each with the scenario it was asked to run. */
function pausedClient(): { client: FakeClient; answer: (index: number) => void } {
  const answers: (() => void)[] = [];
  const client = fakeClient({
    'runs:start': ({ scenario }) => {
      const answer = deferred<RunAnswer>();
      answers.push(() => answer.resolve({ ok: true, run: { ...miniRun, scenario: scenario as typeof miniRun.scenario } }));
      return answer.promise;
    },
  });
  return { client, answer: (index) => answers[index]?.() };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
}

describe('run store', () => {
  let stop: () => void = () => {};

  beforeEach(() => {
    useRunStore.getState().reset();
    useScenarioStore.getState().replaceDraft(miniRun.scenario);
  });

  afterEach(() => stop());

  it('runs the first draft, keeps only the latest of those that arrive meanwhile, and runs it next', async () => {
    const { client, answer } = pausedClient();
    bindServiceClient(client);
    useRunStore.setState({ run: miniRun });
    stop = followDraft();

    for (const w of WEIGHTS) useScenarioStore.getState().setField(['value_weights'], w);
    expect(client.callsOf('runs:start')).toHaveLength(1);
    expect(useRunStore.getState().running).toBe(true);

    answer(0);
    await settle();
    expect(client.callsOf('runs:start')).toHaveLength(2);
    answer(1);
    await settle();

    const runs = client.callsOf('runs:start');
    expect(runs).toHaveLength(2);
    expect((runs[0]?.scenario as { value_weights: unknown }).value_weights).toEqual(WEIGHTS[0]);
    expect((runs[1]?.scenario as { value_weights: unknown }).value_weights).toEqual(WEIGHTS[2]);
    expect(new Set(runs.map((r) => r.jobId)).size).toBe(2);
    const state = useRunStore.getState();
    expect(state.running).toBe(false);
    expect(state.waiting).toBeNull();
    expect(state.completed).toBe(2);
    expect(state.run?.scenario.value_weights).toEqual(WEIGHTS[2]);
    expect(state.roundTripMs).toEqual(expect.any(Number));
  });

  it('does not run a draft whose weights do not add up to 1', async () => {
    const { client } = pausedClient();
    bindServiceClient(client);
    useRunStore.setState({ run: miniRun });
    stop = followDraft();
    useScenarioStore.getState().setField(['value_weights', 'profit'], 0.5);
    await settle();
    expect(useScenarioStore.getState().check.ok).toBe(false);
    expect(client.callsOf('runs:start')).toHaveLength(0);
  });

  it('waits for the first run (the 运行 button) before following the draft', async () => {
    const { client } = pausedClient();
    bindServiceClient(client);
    stop = followDraft();
    useScenarioStore.getState().setField(['value_weights'], WEIGHTS[0]);
    await settle();
    expect(client.callsOf('runs:start')).toHaveLength(0);
  });

  it('catches up with a draft edited elsewhere when the results page follows again', async () => {
    const { client } = pausedClient();
    bindServiceClient(client);
    useRunStore.setState({ run: miniRun });
    useScenarioStore.getState().setField(['value_weights'], WEIGHTS[1]);
    stop = followDraft();
    expect(client.callsOf('runs:start')).toHaveLength(1);
  });

  it('keeps the scenario issues the service returns and a failure as a readable message', async () => {
    const issue = { path: 'value_weights', code: 'scenario.weights_sum', zh: '权重之和须为 100%', en: 'weights must add up to 100%' };
    bindServiceClient(fakeClient({ 'runs:start': () => ({ ok: false, issues: [issue] }) }));
    const check = useScenarioStore.getState().check;
    if (!check.ok) throw new Error('the mini scenario is valid');
    await useRunStore.getState().requestRun(check.scenario);
    expect(useRunStore.getState().issues).toEqual([issue]);

    bindServiceClient(
      fakeClient({
        'runs:start': () => {
          throw new Error('boom');
        },
      }),
    );
    await useRunStore.getState().requestRun(check.scenario);
    expect(useRunStore.getState().error?.zh).toMatch(/意外错误/);
    expect(useRunStore.getState().running).toBe(false);
  });
});
