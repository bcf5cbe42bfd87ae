import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * Writes the totals of the run to test-artifacts/test-results/web.json at the repository root,
 * the same `{ passed, failed, skipped }` the jest projects write, so `npm test` prints one line.
 */
export default class VitestSummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    for (const testModule of testModules) {
      let tests = 0;
      for (const test of testModule.children.allTests()) {
        tests += 1;
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else skipped += 1;
      }
      // A file that failed to load has no tests to count: count the file.
      if (tests === 0 && testModule.state() === 'failed') failed += 1;
    }
    const directory = fileURLToPath(new URL('../../test-artifacts/test-results', import.meta.url));
    mkdirSync(directory, { recursive: true });
    writeFileSync(`${directory}/web.json`, JSON.stringify({ passed, failed, skipped }));
  }
}
