/**
 * Fixed-window request counters per key (a member, an IP), in memory: one process serves the
 * club, so no shared store is needed. Windows are keyed by the clock passed in.
 */
export interface RateLimitRule {
  /** Requests allowed per window; 0 turns the rule off. */
  limit: number;
  windowMs: number;
}

export class RateLimiter {
  private counts = new Map<string, { windowStart: number; count: number }>();
  private lastSweep = 0;

  constructor(private readonly now: () => number) {}

  /** Counts one request; returns the seconds to wait when over the limit, else 0. */
  hit(key: string, rule: RateLimitRule): number {
    if (rule.limit <= 0) return 0;
    const t = this.now();
    this.sweep(t, rule.windowMs);
    const windowStart = t - (t % rule.windowMs);
    const entry = this.counts.get(key);
    if (!entry || entry.windowStart !== windowStart) {
      this.counts.set(key, { windowStart, count: 1 });
      return 0;
    }
    entry.count++;
    if (entry.count <= rule.limit) return 0;
    return Math.max(1, Math.ceil((windowStart + rule.windowMs - t) / 1000));
  }

  /** Forgets finished windows now and then, so memory stays bounded by active keys. */
  private sweep(t: number, windowMs: number): void {
    if (t - this.lastSweep < windowMs) return;
    this.lastSweep = t;
    const current = t - (t % windowMs);
    for (const [key, entry] of this.counts) if (entry.windowStart < current) this.counts.delete(key);
  }
}
