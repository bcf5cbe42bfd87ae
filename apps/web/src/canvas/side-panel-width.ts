/** Width of the step panel that opens over the canvas's right side (canvas.css repeats it). */
export const SIDE_PANEL_WIDTH = 360;
