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
  /**
   * Counters by scope ('r', 'w', 'ip', 'chat'…), then by key. Keyed by the member's number
   * rather than a string such as `r:<id>`: a new string per request is hashed on every lookup.
   */
  private scopes = new Map<string, Map<string | number, { windowStart: number; count: number }>>();
  private lastSweep = 0;

  constructor(private readonly now: () => number) {}

  /** Counts one request of `key` in `scope`; returns the seconds to wait when over the limit, else 0. */
  hit(scope: string, key: string | number, rule: RateLimitRule): number {
    if (rule.limit <= 0) return 0;
    const t = this.now();
    this.sweep(t, rule.windowMs);
    const windowStart = t - (t % rule.windowMs);
    let counts = this.scopes.get(scope);
    if (!counts) this.scopes.set(scope, (counts = new Map()));
    const entry = counts.get(key);
    if (!entry || entry.windowStart !== windowStart) {
      counts.set(key, { windowStart, count: 1 });
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
    for (const counts of this.scopes.values()) {
      for (const [key, entry] of counts) if (entry.windowStart < current) counts.delete(key);
    }
  }
}
