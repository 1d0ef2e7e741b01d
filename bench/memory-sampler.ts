/**
 * RSS and heap while one phase runs (the export), apart from the process's peak: maxRSS is a
 * high-water mark that building the input and running the engine may already have set, so it
 * cannot say what the export itself adds. Samples on a timer and whenever the caller asks
 * (the writers mostly await resolved promises, so a timer alone may rarely fire).
 */
const MB = 1024 * 1024;

export interface MemoryFigures {
  /** At the start of the phase, after a full GC when --expose-gc is on. */
  readonly rssBeforeMb: number;
  readonly heapBeforeMb: number;
  /** Highest sample during the phase. */
  readonly rssPeakMb: number;
  readonly heapPeakMb: number;
  /** Peak less start: what the phase itself needed. */
  readonly rssGrowthMb: number;
  readonly heapGrowthMb: number;
}

export class MemorySampler {
  private readonly rssBefore: number;
  private readonly heapBefore: number;
  private rssPeak: number;
  private heapPeak: number;
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs = 25) {
    // Drop the engine's garbage first, so the growth is the phase's and not a late collection's.
    globalThis.gc?.();
    const m = process.memoryUsage();
    this.rssBefore = this.rssPeak = m.rss;
    this.heapBefore = this.heapPeak = m.heapUsed;
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  sample(): void {
    const m = process.memoryUsage();
    if (m.rss > this.rssPeak) this.rssPeak = m.rss;
    if (m.heapUsed > this.heapPeak) this.heapPeak = m.heapUsed;
  }

  stop(): MemoryFigures {
    this.sample();
    clearInterval(this.timer);
    const round = (bytes: number): number => Math.round((bytes / MB) * 10) / 10;
    return {
      rssBeforeMb: round(this.rssBefore),
      heapBeforeMb: round(this.heapBefore),
      rssPeakMb: round(this.rssPeak),
      heapPeakMb: round(this.heapPeak),
      rssGrowthMb: round(this.rssPeak - this.rssBefore),
      heapGrowthMb: round(this.heapPeak - this.heapBefore),
    };
  }
}
