/**
 * What a start has set running, stopped last-started first. A stop that fails does not keep
 * the others running: each is tried, then the failure is thrown (all of them when several).
 * Once: a second call finds nothing left, and what is added after it is stopped at once (a
 * start stopped by Ctrl-C may still be starting a service), its failure told to `onLateFailure`.
 */
export class StopList {
  private readonly stops: Array<() => Promise<void> | void> = [];
  private closed = false;

  constructor(private readonly onLateFailure: (err: unknown) => void = () => {}) {}

  add(stop: () => Promise<void> | void): void {
    if (this.closed) {
      void Promise.resolve().then(stop).catch(this.onLateFailure);
      return;
    }
    this.stops.push(stop);
  }

  async stopAll(): Promise<void> {
    this.closed = true;
    const failures: unknown[] = [];
    for (const stop of this.stops.splice(0).reverse()) {
      try {
        await stop();
      } catch (err) {
        failures.push(err);
      }
    }
    if (failures.length === 1) throw failures[0];
    if (failures.length > 1) throw new AggregateError(failures, `${failures.length} services failed to stop`);
  }
}
