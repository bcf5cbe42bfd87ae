import { type RefObject, useLayoutEffect } from 'react';

/**
 * Keeps `--canvas-toolbar-height` on the toolbar's parent up to date: the toolbar wraps onto a
 * second row when it runs out of room, and the drawers open below it, not over it.
 */
export function useToolbarHeight(toolbar: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const element = toolbar.current;
    const page = element?.parentElement;
    if (element === null || page === null || page === undefined || typeof ResizeObserver === 'undefined') return undefined;
    const update = (): void => page.style.setProperty('--canvas-toolbar-height', `${element.offsetHeight}px`);
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => observer.disconnect();
  }, [toolbar]);
}
