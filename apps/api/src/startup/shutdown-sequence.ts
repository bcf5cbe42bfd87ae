/**
 * What the process has started, stopped in reverse order: on SIGINT, SIGTERM or SIGHUP (then the
 * process exits 0, or 1 when a step fails) and when the start fails half-way.
 */
export class ShutdownSequence {
  private readonly steps: Array<() => Promise<void>> = [];
  private running: Promise<void> | null = null;

  add(step: () => Promise<void>): void {
    this.steps.push(step);
  }

  run(): Promise<void> {
    this.running ??= this.runSteps();
    return this.running;
  }

  /** The first signal runs the sequence and exits; later ones are ignored while it runs. */
  exitOnSignals(signals: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP']): void {
    for (const signal of signals) {
      process.on(signal, () => {
        this.run().then(
          () => process.exit(0),
          (error: unknown) => {
            console.error(`Stopping failed: ${error instanceof Error ? error.message : String(error)}`);
            process.exit(1);
          },
        );
      });
    }
  }

  private async runSteps(): Promise<void> {
    let failure: Error | null = null;
    for (const step of [...this.steps].reverse()) {
      try {
        await step();
      } catch (error: unknown) {
        failure ??= error instanceof Error ? error : new Error(String(error));
      }
    }
    if (failure !== null) throw failure;
  }
}
