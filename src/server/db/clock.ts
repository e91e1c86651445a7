// A hybrid logical clock: versions that increase monotonically within a node even when
// the wall clock steps back, and sort across nodes by time, then counter, then node.
// Format: <ms since epoch, 13 digits>-<counter, 4 digits>-<node id>.
import { randomBytes } from 'node:crypto';

export class HybridClock {
  private lastMs = 0;
  private counter = 0;
  constructor(readonly nodeId: string = randomBytes(4).toString('hex')) {}

  /** A version greater than every version this clock made before (and than `seen`, if given). */
  next(seen?: string | null): string {
    const wall = Date.now();
    const seenMs = seen ? Number(seen.slice(0, 13)) || 0 : 0;
    const seenCounter = seen ? Number(seen.slice(14, 18)) || 0 : 0;
    const ms = Math.max(wall, this.lastMs, seenMs);
    if (ms === seenMs && ms === this.lastMs) this.counter = Math.max(this.counter, seenCounter) + 1;
    else if (ms === seenMs) this.counter = seenCounter + 1;
    else if (ms === this.lastMs) this.counter += 1;
    else this.counter = 0;
    this.lastMs = ms;
    return `${String(ms).padStart(13, '0')}-${String(this.counter).padStart(4, '0')}-${this.nodeId}`;
  }
}
