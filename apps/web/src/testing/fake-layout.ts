import { afterEach, beforeEach } from 'vitest';

/**
 * jsdom lays nothing out: for each test of the calling file, every element measures 100 x 60 and
 * `observer` stands in for ResizeObserver (React Flow measures nodes through both).
 */
export function fakeLayoutInEachTest(observer: typeof ResizeObserver): void {
  const realResizeObserver = globalThis.ResizeObserver;
  beforeEach(() => {
    globalThis.ResizeObserver = observer;
    Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get: () => 100 });
    Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 60 });
  });
  afterEach(() => {
    globalThis.ResizeObserver = realResizeObserver;
    Reflect.deleteProperty(HTMLElement.prototype, 'offsetWidth');
    Reflect.deleteProperty(HTMLElement.prototype, 'offsetHeight');
  });
}

/** Reports every observed element at once (with the 100 x 60 fakeLayoutInEachTest gives it). */
export class MeasuringResizeObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element): void {
    this.callback([{ target } as ResizeObserverEntry], this);
  }
  unobserve(): void {}
  disconnect(): void {}
}
