"use client";

import { useEffect, useState } from "react";
import { api } from "@/lib/client/api";
import type { DirectoryMember } from "@/lib/member-handles";

// The team directory (GET /api/members), fetched once per page load however many comment boxes and pickers ask, and
// only when one first needs it.

let shared: Promise<DirectoryMember[]> | undefined;

function load(): Promise<DirectoryMember[]> {
  shared ??= api.members().then(
    (reply) => reply.members,
    (error) => {
      shared = undefined; // try again next time
      throw error;
    },
  );
  return shared;
}

/** The team, once `wanted` (an empty list until it has arrived, or if it couldn't be read). */
export function useDirectory(wanted = true): DirectoryMember[] {
  const [members, setMembers] = useState<DirectoryMember[]>([]);
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    load().then(
      (found) => live && setMembers(found),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [wanted]);
  return members;
}
