import { isEntryNodeType, type NodeType } from '@engine/journey';
import { type KeyboardEvent, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { NODE_GROUPS, NODE_TYPE_INFO } from '../node-catalogue/node-catalogue';
import { NodeIcon } from '../node-catalogue/node-icon';

/** The palette's groups without entries: nothing may lead into an entry. */
const GROUPS = NODE_GROUPS.map((group) => ({ ...group, types: group.types.filter((type) => !isEntryNodeType(type)) })).filter(
  (group) => group.types.length > 0,
);
const TYPES = GROUPS.flatMap((group) => group.types);
/** Least distance between the menu and the canvas's edges. */
const MARGIN = 8;

interface AddStepMenuProps {
  /** The out-handle the new step follows, as a reader names it (“Engagement check – No”). */
  after: string;
  /** Where the connection was let go, in pixels from the canvas's top left corner. */
  at: { x: number; y: number };
  onChoose: (type: NodeType) => void;
  /** Escape, or a press anywhere outside the menu. */
  onClose: () => void;
}

/**
 * The step types that can follow a connection let go on empty canvas, grouped as in the palette.
 * Focus moves into it; arrow keys, Tab, Home and End move between the steps, Enter picks one.
 */
export function AddStepMenu({ after, at, onChoose, onClose }: AddStepMenuProps) {
  const menuRef = useRef<HTMLDivElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const [active, setActive] = useState(0);
  const [place, setPlace] = useState(at);
  // Read while rendering, before the menu takes the focus: it goes back there when the menu closes.
  const [opener] = useState(() => document.activeElement);

  // Kept inside the canvas: near its right or bottom edge the menu opens left of or above the point.
  useLayoutEffect(() => {
    const menu = menuRef.current;
    const canvas = menu?.offsetParent;
    if (menu === null || !(canvas instanceof HTMLElement)) return;
    const clamp = (value: number, room: number): number => Math.max(MARGIN, Math.min(value, room - MARGIN));
    setPlace({ x: clamp(at.x, canvas.clientWidth - menu.offsetWidth), y: clamp(at.y, canvas.clientHeight - menu.offsetHeight) });
  }, [at]);

  useEffect(() => {
    itemRefs.current[active]?.focus();
  }, [active]);

  useEffect(() => {
    const onPointerDown = (event: Event): void => {
      if (!(event.target instanceof Node) || !menuRef.current?.contains(event.target)) onClose();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [onClose]);

  // Unless the choice moved the focus on (the new step's panel), it returns to where it was.
  useEffect(
    () => () => {
      const focused = document.activeElement;
      if (opener instanceof HTMLElement && opener.isConnected && (focused === null || focused === document.body)) opener.focus();
    },
    [opener],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const last = TYPES.length - 1;
    const next = active === last ? 0 : active + 1;
    const previous = active === 0 ? last : active - 1;
    const moveTo = (index: number): void => {
      event.preventDefault();
      setActive(index);
    };
    switch (event.key) {
      case 'ArrowDown':
        return moveTo(next);
      case 'ArrowUp':
        return moveTo(previous);
      case 'Tab':
        return moveTo(event.shiftKey ? previous : next);
      case 'Home':
        return moveTo(0);
      case 'End':
        return moveTo(last);
      case 'Enter':
      case ' ':
        event.preventDefault();
        return onChoose(TYPES[active]);
      case 'Escape':
        // Handled here: the canvas's own Escape (clear the selection) must not run too.
        event.preventDefault();
        return onClose();
    }
  };

  return (
    // `nokey`: React Flow ignores keys pressed in here (Space would start panning).
    <div
      ref={menuRef}
      className="add-step-menu nokey nowheel"
      role="menu"
      aria-label={`Add a step after ${after}`}
      style={{ left: place.x, top: place.y }}
      onKeyDown={onKeyDown}
    >
      <p className="add-step-menu__heading" aria-hidden="true">
        Add a step after <strong>{after}</strong>
      </p>
      {GROUPS.map((group) => (
        <div key={group.group} role="group" aria-label={group.title} className={`add-step-menu__group add-step-menu__group--${group.group}`}>
          <p className="add-step-menu__title" aria-hidden="true">
            {group.title}
          </p>
          {group.types.map((type) => {
            const index = TYPES.indexOf(type);
            const info = NODE_TYPE_INFO[type];
            return (
              <button
                key={type}
                ref={(element) => {
                  itemRefs.current[index] = element;
                }}
                type="button"
                role="menuitem"
                className="add-step-menu__item"
                tabIndex={index === active ? 0 : -1}
                title={info.description}
                data-node-type={type}
                onFocus={() => setActive(index)}
                onClick={() => onChoose(type)}
              >
                <span className="add-step-menu__icon">
                  <NodeIcon type={type} size={14} />
                </span>
                {info.title}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
