import { POST as restore } from "@/app/api/posters/[id]/restore/route";
import { DELETE as purge } from "@/app/api/trash/[id]/route";
import { GET as list } from "@/app/api/trash/route";
import { authed, type MemberName } from "./local-stack";

// Calls for the trash's routes (list, restore, delete now), as any member, through the real route handlers.

const ORIGIN = "http://studio.test";
const ctx = <P extends Record<string, string>>(params: P) => ({ params: Promise.resolve(params) });
// biome-ignore lint/suspicious/noExplicitAny: test helper returning loosely typed JSON
type Json = any;

async function reply(response: Response): Promise<{ status: number; body: Json }> {
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

const send = (who: MemberName, path: string, method = "GET") => authed(`${ORIGIN}${path}`, { method }, who);

export const trashAs = (who: MemberName) => ({
  list: async (query = "") => reply(await list(send(who, `/api/trash${query}`), {})),
  restore: async (id: string) => reply(await restore(send(who, `/api/posters/${id}/restore`, "POST"), ctx({ id }))),
  purge: async (id: string) => reply(await purge(send(who, `/api/trash/${id}`, "DELETE"), ctx({ id }))),
});
