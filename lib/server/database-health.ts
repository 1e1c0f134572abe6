/**
 * The server's view of the database, kept without any cost while all is well: nothing is checked
 * until a request fails. A failure marks the database down (the app reports connection errors; an
 * unexplained 5xx is checked in the background); while down, at most one `select 1` a second decides
 * whether requests go through again. Each instance keeps its own view: nothing is shared.
 */
export class DatabaseHealth {
  private down = false;
  private lastProbe = Number.NEGATIVE_INFINITY;
  private probing: Promise<boolean> | null = null;

  constructor(
    private readonly probe: () => Promise<void>,
    private readonly now: () => number = () => Date.now(),
    private readonly intervalMs = 1000,
  ) {}

  isDown(): boolean {
    return this.down;
  }

  /** The app saw the database fail: requests get the 503 page until a probe succeeds. */
  markDown(): void {
    if (!this.down) this.lastProbe = this.now();
    this.down = true;
  }

  /** A 5xx that the app did not explain: probe in the background (at most once a second). */
  suspect(): void {
    if (this.down || this.now() - this.lastProbe < this.intervalMs) return;
    void this.check();
  }

  /** Whether requests may go through: true while up; while down, the answer of at most one probe a second. */
  async available(): Promise<boolean> {
    if (!this.down) return true;
    if (this.probing) return this.probing;
    if (this.now() - this.lastProbe < this.intervalMs) return false;
    return this.check();
  }

  private check(): Promise<boolean> {
    this.lastProbe = this.now();
    this.probing = this.probe().then(
      () => {
        this.down = false;
        return true;
      },
      () => {
        this.down = true;
        return false;
      },
    );
    void this.probing.finally(() => {
      this.probing = null;
    });
    return this.probing;
  }
}
