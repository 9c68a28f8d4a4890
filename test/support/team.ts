import { DELETE as removeEditor } from "@/app/api/boards/[id]/editors/[sub]/route";
import { POST as addEditor } from "@/app/api/boards/[id]/editors/route";
import { PATCH as patchComment } from "@/app/api/comments/[id]/route";
import { GET as listComments, POST as postComment } from "@/app/api/comments/route";
import { GET as members } from "@/app/api/members/route";
import { POST as markRead } from "@/app/api/notifications/read/route";
import { GET as notifications } from "@/app/api/notifications/route";
import { authed, type MemberName } from "./local-stack";

// Calls for the team's routes (members, board editors, comments, notifications), as any member, through the real
// route handlers.

const ORIGIN = "http://studio.test";
const ctx = <P extends Record<string, string>>(params: P) => ({ params: Promise.resolve(params) });
// biome-ignore lint/suspicious/noExplicitAny: test helper returning loosely typed JSON
type Json = any;

async function reply(response: Response): Promise<{ status: number; body: Json }> {
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

const send = (who: MemberName, path: string, method = "GET", json?: unknown) =>
  authed(`${ORIGIN}${path}`, { method, ...(json === undefined ? {} : { body: JSON.stringify(json) }) }, who);

export const teamAs = (who: MemberName) => ({
  members: async () => reply(await members(send(who, "/api/members"), {})),
  addEditor: async (id: string, memberSub: unknown) =>
    reply(await addEditor(send(who, `/api/boards/${id}/editors`, "POST", { memberSub }), ctx({ id }))),
  removeEditor: async (id: string, sub: string) =>
    reply(await removeEditor(send(who, `/api/boards/${id}/editors/${sub}`, "DELETE"), ctx({ id, sub }))),
  comment: async (body: unknown) => reply(await postComment(send(who, "/api/comments", "POST", body), {})),
  threads: async (query: string) => reply(await listComments(send(who, `/api/comments?${query}`), {})),
  resolve: async (id: string, body: unknown) =>
    reply(await patchComment(send(who, `/api/comments/${id}`, "PATCH", body), ctx({ id }))),
  notifications: async (query = "") => reply(await notifications(send(who, `/api/notifications${query}`), {})),
  markRead: async (body: unknown) => reply(await markRead(send(who, "/api/notifications/read", "POST", body), {})),
});
