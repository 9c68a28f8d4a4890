// The dynamo proxy's lock (local/dynamo-proxy.ts): transactions must look atomic to every other request.

/** Many readers or one writer; waiters are served in arrival order, so writers don't starve. */
export class ReadWriteLock {
  private readers = 0;
  private writing = false;
  private queue: { write: boolean; grant: () => void }[] = [];

  async run<T>(write: boolean, work: () => Promise<T>): Promise<T> {
    await new Promise<void>((grant) => {
      this.queue.push({ write, grant });
      this.pump();
    });
    try {
      return await work();
    } finally {
      if (write) this.writing = false;
      else this.readers--;
      this.pump();
    }
  }

  private pump() {
    while (this.queue.length > 0 && !this.writing) {
      const next = this.queue[0];
      if (!next || (next.write && this.readers > 0)) return;
      this.queue.shift();
      if (next.write) this.writing = true;
      else this.readers++;
      next.grant();
      if (next.write) return;
    }
  }
}
