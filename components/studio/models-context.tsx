"use client";

import { createContext, useContext } from "react";
import type { StudioModels } from "./studio-models";

// The models the studio offers (handed over by the page), for the controls deep in the form: the picker, the
// drawer's summary and a pending tile's "usually about N s".
const ModelsContext = createContext<StudioModels | null>(null);

export const StudioModelsProvider = ModelsContext.Provider;

export function useStudioModels(): StudioModels {
  const models = useContext(ModelsContext);
  if (!models) throw new Error("useStudioModels outside the studio");
  return models;
}
