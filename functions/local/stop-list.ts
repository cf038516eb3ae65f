/** What a start has set running, stopped last-started first (once: a second call finds nothing left). */
export class StopList {
  private readonly stops: Array<() => Promise<void> | void> = [];

  add(stop: () => Promise<void> | void): void {
    this.stops.push(stop);
  }

  async stopAll(): Promise<void> {
    for (const stop of this.stops.splice(0).reverse()) await stop();
  }
}
