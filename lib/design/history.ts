// Undo and redo for the design editor, as plain values (objects: a design): a history is the states before (`past`), the one shown
// (`present`) and the ones undone (`future`). Pure, so it is tested without a browser and holds any state.
//
// Coalescing: a slider drag fires a change per pixel and typing one per key; undo should take back the drag or the
// burst of typing, not one pixel or one letter. A change that names the same `group` as the step before (the same
// slider, the same text box) within COALESCE_MS of it replaces that step's state instead of adding a step.

export interface History<T extends object> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
  /** The group and time of the newest step, while a change of the same group may still join it. */
  readonly open?: { readonly group: string; readonly at: number };
}

/** Steps kept: older ones are dropped first. */
export const MAX_STEPS = 100;
/** A pause longer than this ends a drag or a burst of typing: the next change is a step of its own. */
export const COALESCE_MS = 1000;

export const createHistory = <T extends object>(present: T): History<T> => ({ past: [], present, future: [] });

export interface PushOptions {
  /** What the change is to (a field's name): changes of one group close together are one step. */
  group?: string;
  /** When it happened, in ms (Date.now() or a test's clock). */
  at?: number;
  /** Steps kept (MAX_STEPS). */
  cap?: number;
}

/** The history with `next` shown. A change to the same state is no step; any new step clears the redo list. */
export function push<T extends object>(history: History<T>, next: T, options: PushOptions = {}): History<T> {
  if (Object.is(next, history.present)) return history;
  const at = options.at ?? 0;
  const open = options.group === undefined ? undefined : { group: options.group, at };
  const joins =
    open !== undefined &&
    history.open?.group === open.group &&
    at - history.open.at <= COALESCE_MS &&
    history.past.length > 0;
  if (joins) return { past: history.past, present: next, future: [], open };
  const cap = Math.max(1, options.cap ?? MAX_STEPS);
  const past = [...history.past, history.present];
  return { past: past.length > cap ? past.slice(past.length - cap) : past, present: next, future: [], open };
}

export const canUndo = (history: History<object>) => history.past.length > 0;
export const canRedo = (history: History<object>) => history.future.length > 0;

/** Back one step (the same history when there is none). The next change starts a step of its own. */
export function undo<T extends object>(history: History<T>): History<T> {
  const previous = history.past.at(-1);
  if (previous === undefined) return history;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future] };
}

/** Forward one undone step (the same history when there is none). */
export function redo<T extends object>(history: History<T>): History<T> {
  const [next, ...future] = history.future;
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future };
}

/** A fresh history at `present` (a discarded draft, a design loaded from elsewhere): nothing to undo into. */
export const resetHistory = createHistory;
