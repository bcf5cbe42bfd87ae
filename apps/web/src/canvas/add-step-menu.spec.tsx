import { isEntryNodeType, NODE_TYPES } from '@engine/journey';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AddStepMenu } from './AddStepMenu';

function renderMenu() {
  const onChoose = vi.fn();
  const onClose = vi.fn();
  const result = render(
    <>
      <button type="button">Elsewhere</button>
      <AddStepMenu after="Engagement check – No" at={{ x: 100, y: 80 }} onChoose={onChoose} onClose={onClose} />
    </>,
  );
  return { ...result, onChoose, onClose, menu: screen.getByRole('menu', { name: 'Add a step after Engagement check – No' }) };
}

function focusedType(): string | undefined {
  return document.activeElement instanceof HTMLElement ? document.activeElement.dataset['nodeType'] : undefined;
}

describe('add step menu', () => {
  it('lists every step type but entries, grouped as in the palette', () => {
    const { menu } = renderMenu();
    expect(within(menu).queryByRole('group', { name: 'Entries' })).toBeNull();
    expect(within(menu).getAllByRole('group').map((group) => group.getAttribute('aria-label'))).toEqual(['Messages', 'Flow', 'Branches']);
    const items = within(menu).getAllByRole('menuitem');
    expect(items.map((item) => item.dataset['nodeType'])).toEqual(NODE_TYPES.filter((type) => !isEntryNodeType(type)));
    expect(within(within(menu).getByRole('group', { name: 'Branches' })).getByRole('menuitem', { name: 'Engagement check' })).toBeTruthy();
  });

  it('takes the focus when it opens and calls back with the type clicked', () => {
    const { menu, onChoose } = renderMenu();
    expect(focusedType()).toBe('send.push');
    fireEvent.click(within(menu).getByRole('menuitem', { name: 'Wait' }));
    expect(onChoose).toHaveBeenCalledWith('wait.delay');
  });

  it('moves between the steps with the arrow keys, Tab, Home and End, wrapping around, and picks with Enter', () => {
    const { menu, onChoose } = renderMenu();
    const press = (key: string, shiftKey = false) => fireEvent.keyDown(document.activeElement ?? menu, { key, shiftKey });
    press('ArrowDown');
    expect(focusedType()).toBe('send.email');
    press('Tab');
    expect(focusedType()).toBe('send.whatsapp');
    press('Tab', true);
    press('ArrowUp');
    expect(focusedType()).toBe('send.push');
    press('ArrowUp');
    expect(focusedType()).toBe('branch.reachability');
    press('ArrowDown');
    expect(focusedType()).toBe('send.push');
    press('End');
    expect(focusedType()).toBe('branch.reachability');
    press('Home');
    press('ArrowDown');
    // One item at a time is in the tab order: Tab from outside lands on the current one.
    expect(within(menu).getAllByRole('menuitem').filter((item) => item.tabIndex === 0).map((item) => item.dataset['nodeType'])).toEqual(['send.email']);
    press('Enter');
    expect(onChoose).toHaveBeenCalledTimes(1);
    expect(onChoose).toHaveBeenCalledWith('send.email');
  });

  it('closes on Escape without choosing, and keeps the Escape from the canvas shortcuts', () => {
    const { onChoose, onClose } = renderMenu();
    const notPrevented = fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(notPrevented).toBe(false);
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(onChoose).not.toHaveBeenCalled();
  });

  it('closes on a press outside it, not on one inside', () => {
    const { menu, onClose } = renderMenu();
    fireEvent.pointerDown(within(menu).getByRole('menuitem', { name: 'Exit' }));
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.pointerDown(screen.getByRole('button', { name: 'Elsewhere' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('gives the focus back to where it was when it closes', () => {
    const onClose = vi.fn();
    const { rerender } = render(<button type="button">Opener</button>);
    const opener = screen.getByRole('button', { name: 'Opener' });
    opener.focus();
    rerender(
      <>
        <button type="button">Opener</button>
        <AddStepMenu after="Push" at={{ x: 0, y: 0 }} onChoose={() => undefined} onClose={onClose} />
      </>,
    );
    expect(focusedType()).toBe('send.push');
    rerender(<button type="button">Opener</button>);
    expect(document.activeElement).toBe(opener);
  });
});
