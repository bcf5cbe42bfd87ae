/**
 * The machine's states besides the nodes. Node ids are letters, digits, `_` and `-` (the
 * validator's rule), so a leading `$` can never collide with a node id such as `start`.
 */

/** Before entry: an instance that has not entered yet (never worth storing). */
export const START_STATE = '$start';
/** Final state of an instance that reached a goal ending the journey. */
export const GOAL_REACHED_STATE = '$goal_reached';
