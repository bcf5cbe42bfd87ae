import { NODE_TYPES } from '@engine/journey';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Palette } from './Palette';
import { PALETTE_DRAG_TYPE } from './palette-drag';

describe('palette', () => {
  it('offers every node type, grouped, each a labelled button', () => {
    render(<Palette onAdd={() => undefined} disabled={false} />);
    for (const group of ['Entries', 'Messages', 'Flow', 'Branches']) expect(screen.getByRole('region', { name: group })).toBeTruthy();
    const buttons = screen.getAllByRole('button');
    expect(buttons.map((button) => button.dataset['nodeType'])).toEqual([...NODE_TYPES]);
    expect(within(screen.getByRole('region', { name: 'Branches' })).getByRole('button', { name: 'Add Engagement check: Was a message opened, read or clicked?' })).toBeTruthy();
  });

  it('adds on click (and so on Enter) and carries the type when dragged', () => {
    const onAdd = vi.fn();
    render(<Palette onAdd={onAdd} disabled={false} connectAfter="Promo push" />);
    expect(screen.getByText('Click or press Enter to add after “Promo push”, or drag onto the canvas.')).toBeTruthy();
    const push = screen.getByRole('button', { name: /^Add Push:/ });
    fireEvent.click(push);
    expect(onAdd).toHaveBeenCalledWith('send.push');
    const data = new Map<string, string>();
    fireEvent.dragStart(push, { dataTransfer: { setData: (type: string, value: string) => data.set(type, value), effectAllowed: '' } });
    expect(data.get(PALETTE_DRAG_TYPE)).toBe('send.push');
  });

  it('is disabled on a read-only canvas', () => {
    render(<Palette onAdd={() => undefined} disabled />);
    expect(screen.getByRole('button', { name: /^Add Push:/ })).toHaveProperty('disabled', true);
  });
});
