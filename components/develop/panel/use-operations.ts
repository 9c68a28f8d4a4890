"use client";

import { useCallback } from "react";
import type { PosterView } from "@/lib/api-types";
import { api } from "@/lib/client/api";
import type { OperationRequest } from "@/lib/models";
import { type RequestTile, useRequestTiles } from "../../ui/use-request-tiles";

// The results of the Develop panel: each Run is its own tile (newest first) that runs, can be cancelled or retried
// on its own, like the studio's variations. A retry sends the same request (its mask upload is still there).

export interface OperationRun {
  request: OperationRequest;
  label: string;
  typicalSeconds: number;
}

export type OperationTile = RequestTile<OperationRun>;

export function useOperations(
  onFieldErrors: (fields: Record<string, string>) => void,
  onMade: (poster: PosterView) => void,
) {
  const { tiles, launch, retry, cancel } = useRequestTiles<OperationRun>(
    (run, signal) => api.runOperation(run.request, signal),
    onFieldErrors,
    onMade,
  );
  const start = useCallback((run: OperationRun) => launch([run], "prepend"), [launch]);
  return { tiles, start, retry, cancel };
}
