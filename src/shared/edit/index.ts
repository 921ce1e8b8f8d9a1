/**
 * Edit operations on a subtitle document held as text: each computes the text changes (an
 * `EditPlan`) that the editor applies as one transaction, or null when it does not apply.
 */
export type { EditPlan, SourceText, TextChange } from './plan';
export { mapPosition, stringSource } from './plan';
export { clampToNeighbours, neighbourBounds, snap, snapTargets, type NeighbourOptions } from './constraints';
export { nudge, retime, setEdgeAt, spot, type Edge, type RetimeOptions } from './retime';
export { deleteCue, insertCueAfter, insertCueAt, mergeWithNext, splitCue, type SplitOptions, type SplitPoint, type StructureOptions } from './structure';
export { timeStep } from './layout';
