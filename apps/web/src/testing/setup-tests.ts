import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// React Flow measures nodes with ResizeObserver, which jsdom lacks.
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver ??= ResizeObserverStub;

// React Flow reads the zoom of the viewport from a DOMMatrixReadOnly, which jsdom lacks too.
class DOMMatrixReadOnlyStub {
  readonly m22: number;
  constructor(transform?: string) {
    const scale = /scale\(([\d.]+)\)/.exec(transform ?? '')?.[1];
    this.m22 = scale === undefined ? 1 : Number(scale);
  }
}
if (!('DOMMatrixReadOnly' in window)) Object.assign(window, { DOMMatrixReadOnly: DOMMatrixReadOnlyStub });

afterEach(() => {
  cleanup();
  window.localStorage.clear();
  // Each test starts at the same address (the canvas remembers its view in the query).
  window.history.replaceState(null, '', '/');
});
