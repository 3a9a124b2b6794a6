// One active mail agent per mailbox (SPEC §9): a PostgreSQL session advisory lock held on a connection of
// its own, for as long as the agent runs. Released in finally by the caller (stop), and by PostgreSQL itself
// when the process dies. The embedded database already allows one process (DATA_DIR/pglite.lock), so there
// the lock is granted at once.
import crypto from "node:crypto";
import pg from "pg";
import type { CoreContext } from "../context";

export interface MailboxLock {
  /** false once the lock's connection is lost: the agent must stop reading and acquire it again. */
  readonly held: boolean;
  release(): Promise<void>;
}

/** A stable signed 64-bit key for the mailbox name. */
function lockKey(mailbox: string): string {
  return crypto.createHash("sha256").update(`aide-portail:mailbox:${mailbox}`).digest().readBigInt64BE(0).toString();
}

/** Takes the lock if free; null when another agent holds it. */
export async function acquireMailboxLock(ctx: CoreContext, opts: { mailbox: string }): Promise<MailboxLock | null> {
  const url = ctx.config.DATABASE_URL;
  if (!url) return { held: true, release: async () => undefined };
  const log = ctx.log.child({ component: "mail-lock" });
  const client = new pg.Client({ connectionString: url });
  let held = false;
  client.on("error", (err) => {
    held = false;
    log.warn({ err: err.message }, "mailbox lock connection lost");
  });
  await client.connect();
  try {
    const res = await client.query<{ ok: boolean }>("select pg_try_advisory_lock($1::bigint) as ok", [lockKey(opts.mailbox)]);
    held = res.rows[0]?.ok === true;
  } catch (err) {
    await client.end().catch(() => undefined);
    throw err;
  }
  if (!held) {
    await client.end().catch(() => undefined);
    return null;
  }
  return {
    get held() {
      return held;
    },
    async release() {
      if (!held) return void (await client.end().catch(() => undefined));
      held = false;
      try {
        await client.query("select pg_advisory_unlock($1::bigint)", [lockKey(opts.mailbox)]);
      } finally {
        await client.end().catch(() => undefined);
      }
    },
  };
}
