import { type NodeType } from '@engine/journey';
import { NODE_GROUPS, NODE_TYPE_INFO } from '../node-catalogue/node-catalogue';
import { NodeIcon } from '../node-catalogue/node-icon';
import { PALETTE_DRAG_TYPE } from './palette-drag';

interface PaletteProps {
  /** Add a node (Enter, Space or click); the canvas decides where. */
  onAdd: (type: NodeType) => void;
  disabled: boolean;
  /** The name of the selected node new nodes get connected after, if any. */
  connectAfter?: string;
}

/** Every node type, grouped; drag one onto the canvas, or press Enter to add it. */
export function Palette({ onAdd, disabled, connectAfter }: PaletteProps) {
  return (
    <nav className="palette" aria-label="Steps to add">
      <p className="palette__hint" aria-live="polite">
        {disabled
          ? 'Read-only: this is the live version.'
          : connectAfter !== undefined
            ? `Click or press Enter to add after “${connectAfter}”, or drag onto the canvas.`
            : 'Drag a step onto the canvas, or click it (Enter) to add it.'}
      </p>
      {NODE_GROUPS.map((group) => (
        <section key={group.group} className={`palette__group palette__group--${group.group}`} aria-labelledby={`palette-${group.group}`}>
          <h2 id={`palette-${group.group}`} className="palette__title">
            {group.title}
          </h2>
          <ul className="palette__items">
            {group.types.map((type) => {
              const info = NODE_TYPE_INFO[type];
              return (
                <li key={type}>
                  <button
                    type="button"
                    className="palette__item"
                    draggable={!disabled}
                    disabled={disabled}
                    aria-label={`Add ${info.title}: ${info.description}`}
                    title={info.description}
                    data-node-type={type}
                    onDragStart={(event) => {
                      event.dataTransfer.setData(PALETTE_DRAG_TYPE, type);
                      event.dataTransfer.effectAllowed = 'move';
                    }}
                    onClick={() => onAdd(type)}
                  >
                    <span className="palette__icon">
                      <NodeIcon type={type} size={16} />
                    </span>
                    <span className="palette__label">{info.title}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      <section className="palette__keys" aria-labelledby="palette-keys">
        <h2 id="palette-keys" className="palette__title">
          Keys
        </h2>
        <dl>
          <div>
            <dt>
              <kbd>Del</kbd>
            </dt>
            <dd>delete</dd>
          </div>
          <div>
            <dt>
              <kbd>Ctrl</kbd>+<kbd>C</kbd> <kbd>V</kbd>
            </dt>
            <dd>copy, paste</dd>
          </div>
          <div>
            <dt>
              <kbd>Ctrl</kbd>+<kbd>Z</kbd>
            </dt>
            <dd>undo (+Shift: redo)</dd>
          </div>
          <div>
            <dt>
              <kbd>Esc</kbd>
            </dt>
            <dd>deselect</dd>
          </div>
        </dl>
      </section>
    </nav>
  );
}
