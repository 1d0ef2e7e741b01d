/**
 * Functions that run inside the page (handed to page.evaluate, so each uses only what the
 * page has: no imports, no module-level values). The repository's type check has no DOM
 * library, and must not give one to the Node code, so the few browser objects these need are
 * declared for this module alone.
 */

interface PageElement {
  readonly scrollHeight: number;
  contains(other: unknown): boolean;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { readonly top: number };
}
interface PageDocument {
  readonly body: unknown;
  querySelector(selector: string): PageElement | null;
  addEventListener(type: 'input', listener: (event: { readonly timeStamp: number }) => void, options: { readonly capture: boolean }): void;
}
interface PageMutationObserver {
  observe(target: unknown, options: Readonly<Record<string, unknown>>): void;
  disconnect(): void;
}
declare const document: PageDocument;
declare const MutationObserver: new (callback: (records: readonly { readonly target: unknown }[]) => void) => PageMutationObserver;
declare function requestAnimationFrame(callback: () => void): number;

interface ProgressWatch {
  seen: boolean;
  observer: PageMutationObserver;
}

/** Starts noting whether the global progress bar shows (an import can finish between two polls). */
export function watchProgressBar(): void {
  const page = globalThis as { cvsProgress?: ProgressWatch };
  const shown = () => document.querySelector('[data-testid="job-progress"]') !== null;
  const watch: ProgressWatch = {
    seen: shown(),
    observer: new MutationObserver(() => {
      if (shown()) watch.seen = true;
    }),
  };
  watch.observer.observe(document.body, { childList: true, subtree: true });
  page.cvsProgress = watch;
}

/** Stops watching; whether the bar showed since watchProgressBar. */
export function progressBarWasShown(): boolean {
  const page = globalThis as { cvsProgress?: ProgressWatch };
  page.cvsProgress?.observer.disconnect();
  return page.cvsProgress?.seen ?? false;
}

export interface WhatIfTimes {
  /** performance.now() of the last input event. */
  lastInput: number;
  /** When the tier counts' DOM first changed, or null. */
  tierChange: number | null;
  /** When the second animation frame after the run's answer was on screen began, or null. */
  frame: number | null;
}
interface WhatIfProbe extends WhatIfTimes {
  observer: PageMutationObserver;
}

/**
 * Notes the time of every input event (the browser's own stamp, taken before React sees it),
 * of the tier counts' first change, and of the second animation frame after the results page's
 * data-runs passes `runsBefore`: the charts merge their option lazily, on the next frame, so
 * that is the first frame with the new charts in it.
 */
export function installWhatIfProbe(runsBefore: number): void {
  const page = globalThis as { cvsWhatIf?: WhatIfProbe };
  const results = document.querySelector('[data-testid="results-page"]');
  const tiers = document.querySelector('[data-testid="tier-counts"]');
  if (results === null || tiers === null) throw new Error('no results on screen');
  if (page.cvsWhatIf === undefined) {
    document.addEventListener(
      'input',
      (event) => {
        if (page.cvsWhatIf !== undefined) page.cvsWhatIf.lastInput = event.timeStamp;
      },
      { capture: true },
    );
  }
  let frameAsked = false;
  const probe: WhatIfProbe = {
    lastInput: 0,
    tierChange: null,
    frame: null,
    observer: new MutationObserver((records) => {
      const now = performance.now();
      if (probe.tierChange === null && records.some((r) => tiers.contains(r.target))) probe.tierChange = now;
      if (frameAsked || Number(results.getAttribute('data-runs') ?? '0') <= runsBefore) return;
      frameAsked = true;
      requestAnimationFrame(() => requestAnimationFrame(() => (probe.frame = performance.now())));
    }),
  };
  probe.observer.observe(results, { attributes: true, attributeFilter: ['data-runs'], childList: true, subtree: true, characterData: true });
  page.cvsWhatIf = probe;
}

/** The probe's times once the new frame is drawn, else null (poll it); stops observing then. */
export function readWhatIfProbe(): WhatIfTimes | null {
  const probe = (globalThis as { cvsWhatIf?: WhatIfProbe }).cvsWhatIf;
  if (probe === undefined || probe.frame === null) return null;
  probe.observer.disconnect();
  return { lastInput: probe.lastInput, tierChange: probe.tierChange, frame: probe.frame };
}

/**
 * The height the window would need to show the whole screen: the app scrolls inside its main
 * area, so the page itself never grows and a full-page screenshot would stop at the fold.
 */
export function screenHeight(): number {
  const main = document.querySelector('.app-main');
  return main === null ? 0 : Math.ceil(main.getBoundingClientRect().top + main.scrollHeight);
}
