import { connection } from "next/server";
import { ConfigProblem, PreviewNotice } from "@/components/notices";
import { Studio } from "@/components/studio/studio";
import { usesLocalModels } from "@/lib/aws/config";

function environment(): { local: boolean; problem?: string } {
  try {
    return { local: usesLocalModels() };
  } catch (error) {
    return { local: false, problem: (error as Error).message };
  }
}

export default async function StudioPage() {
  // Rendered per request: whether Bedrock is the local emulator is a run-time setting, not a build-time one.
  await connection();
  const { local, problem } = environment();
  return (
    <>
      <h1 className="sr-only">Poster studio</h1>
      {problem && <ConfigProblem detail={problem} />}
      {local && <PreviewNotice />}
      <Studio />
    </>
  );
}
