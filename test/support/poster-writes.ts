import { awsClients } from "@/lib/aws/clients";

// A seam at the SDK for the one write that commits a poster (its item, alone or in a transaction): tests can stop a
// generation right there (a crash), or let the write land and cancel before the answer comes back.
type Input = { Item?: { pk?: string }; TransactItems?: { Put?: { Item?: { pk?: string } } }[] };
type Options = { abortSignal?: AbortSignal };

const writesPoster = (input: Input) =>
  [input.Item, ...(input.TransactItems ?? []).map((t) => t.Put?.Item)].some((i) => i?.pk?.startsWith("POSTER#"));

export function interceptPosterWrites(hooks: { before?(): Promise<void> | void; after?(options?: Options): void }) {
  const dynamo = awsClients().dynamo;
  const send = dynamo.send.bind(dynamo) as (command: unknown, options?: Options) => Promise<unknown>;
  Object.assign(dynamo, {
    send: async (command: { input: Input }, options?: Options) => {
      const poster = writesPoster(command.input);
      if (poster) await hooks.before?.();
      const output = await send(command, options);
      if (poster) hooks.after?.(options);
      return output;
    },
  });
}
