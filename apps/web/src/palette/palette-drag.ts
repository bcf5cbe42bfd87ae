import { isNodeType, type NodeType } from '@engine/journey';

/** The drag-and-drop payload type of palette items (React Flow's drag-and-drop sidebar pattern). */
export const PALETTE_DRAG_TYPE = 'application/x-journey-node-type';

export function readDraggedNodeType(dataTransfer: DataTransfer): NodeType | undefined {
  const type = dataTransfer.getData(PALETTE_DRAG_TYPE);
  return isNodeType(type) ? type : undefined;
}
