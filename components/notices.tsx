export function PreviewNotice() {
  return (
    <aside
      aria-label="Local preview"
      className="mb-6 rounded-lg border border-accent/40 bg-accent/10 px-4 py-3 text-sm text-accent"
    >
      <strong className="font-semibold">Local preview model — not AI.</strong> This studio is running offline: its
      images are procedural art drawn by OneSheet&apos;s Bedrock emulator. Configure AWS to use Stability AI.
    </aside>
  );
}

/** Shown to whoever runs the studio when the server's configuration is incomplete (names of settings, no secrets). */
export function ConfigProblem({ detail }: { detail: string }) {
  return (
    <aside aria-label="Configuration problem" className="mb-6 rounded-lg border border-danger/50 px-4 py-3 text-sm">
      <strong className="font-semibold text-danger">OneSheet isn&apos;t configured yet.</strong> {detail}. See
      &ldquo;Point it at AWS&rdquo; in the README.
    </aside>
  );
}
