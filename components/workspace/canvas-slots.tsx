"use client";

import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from "react";
import { createPortal } from "react-dom";

// The canvas's two places a tool can draw into, from wherever the tool's own panel sits (a portal keeps its state,
// events and context with the tool): the overlay lies exactly over the art and zooms and pans with it (a mask, a
// pin); the stage takes the canvas's whole area instead of the art (reframing's bigger canvas, a comparison).

interface Slots {
  overlay: HTMLElement | null;
  stage: HTMLElement | null;
  setOverlay: (node: HTMLElement | null) => void;
  setStage: (node: HTMLElement | null) => void;
  /** How many tools are drawing on the stage: the art hides while any is. */
  staged: number;
  setStaged: (update: (n: number) => number) => void;
}

const Context = createContext<Slots | null>(null);

export function CanvasSlotsProvider(props: { children: ReactNode }) {
  const [overlay, setOverlay] = useState<HTMLElement | null>(null);
  const [stage, setStage] = useState<HTMLElement | null>(null);
  const [staged, setStaged] = useState(0);
  const value = useMemo(() => ({ overlay, stage, setOverlay, setStage, staged, setStaged }), [overlay, stage, staged]);
  return <Context.Provider value={value}>{props.children}</Context.Provider>;
}

/** The slots, or null outside a workspace (a tool then draws in its own panel, as on /develop). */
export const useCanvasSlots = () => useContext(Context);

const Shown = createContext(true);

/** Whether the tab a tool sits in is the open one (always, outside a workspace): a hidden tool draws nothing. */
export const useToolShown = () => useContext(Shown);
export const ToolShownProvider = Shown.Provider;

/** Draws its children over the art, in the art's box (zoomed with it). The box lets the pointer through to the
 * canvas (which pans): what takes it (the mask painter) says so with pointer-events-auto. */
export function OnCanvas(props: { children: ReactNode }) {
  const slots = useCanvasSlots();
  const shown = useToolShown();
  if (!slots?.overlay || !shown) return null;
  return createPortal(props.children, slots.overlay);
}

/** Draws its children on the canvas in place of the art while mounted. */
export function OnStage(props: { children: ReactNode }) {
  const slots = useCanvasSlots();
  const shown = useToolShown();
  const setStaged = slots?.setStaged;
  useEffect(() => {
    if (!setStaged || !shown) return;
    setStaged((n) => n + 1);
    return () => setStaged((n) => n - 1);
  }, [setStaged, shown]);
  if (!slots?.stage || !shown) return null;
  return createPortal(props.children, slots.stage);
}
