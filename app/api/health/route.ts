// Liveness for load balancers and the e2e runner: no AWS call, so it answers even when a dependency is down.
export function GET() {
  return Response.json({ ok: true });
}
