// Work done after a use case has answered its caller: an account-specific email (a chat code, a login id, a
// lock notice) is composed and queued once the answer is on its way, so the caller's waiting time is the same
// whether or not the email belongs to an account. Pending work is tracked per database client: tests and the
// shutdown wait for it with settleAfterReply() before reading the outbox or closing the database.
import type { CoreContext } from "../context";

const pending = new WeakMap<object, Set<Promise<void>>>();

/** Runs `task` on a later turn of the event loop; a failure is logged (never thrown at the caller, who has its answer). */
export function afterReply(ctx: CoreContext, what: string, task: () => Promise<void>): void {
  let set = pending.get(ctx.prisma);
  if (!set) pending.set(ctx.prisma, (set = new Set()));
  const running: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
    .then(task)
    .catch((err: unknown) => ctx.log.error({ component: "accounts", what, err }, "work after the reply failed"))
    .finally(() => set.delete(running));
  set.add(running);
}

/** Resolves once every task queued by afterReply on this database (including those they queue) is done. */
export async function settleAfterReply(ctx: Pick<CoreContext, "prisma">): Promise<void> {
  const set = pending.get(ctx.prisma);
  while (set && set.size > 0) await Promise.all([...set]);
}
