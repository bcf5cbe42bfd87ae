/**
 * Groups calls that arrive together (a worker runs many jobs at once) into one call of `run` with
 * all their keys, so per-transaction database cost is shared by every job in flight. Each caller
 * gets the result for its own key.
 */
export class MicroBatcher<Result> {
  private waiting: Array<{ key: string; resolve: (result: Result) => void; reject: (error: unknown) => void }> = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly run: (keys: string[]) => Promise<Map<string, Result>>,
    private readonly missing: Result,
    private readonly maxBatch = 50,
    private readonly maxWaitMs = 2,
  ) {}

  submit(key: string): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.waiting.push({ key, resolve, reject });
      if (this.waiting.length >= this.maxBatch) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.maxWaitMs);
    });
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.waiting;
    this.waiting = [];
    if (batch.length === 0) return;
    this.run([...new Set(batch.map((waiting) => waiting.key))]).then(
      (results) => {
        for (const waiting of batch) waiting.resolve(results.get(waiting.key) ?? this.missing);
      },
      (error: unknown) => {
        for (const waiting of batch) waiting.reject(error);
      },
    );
  }
}
