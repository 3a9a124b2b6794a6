// Correlation ids: one per conversation and one per email, on every log line written for it (a pino child
// with `correlationId`), so an operator follows one parent's conversation or one email across components and
// instances with a single grep. The id is derived (a short SHA-256), never random: every instance, and the
// reply to an email, compute the same one; and it is not the conversation id or Message-ID itself, which
// would put a Direct Line conversation handle or a sender's address-like string in the logs.
import crypto from "node:crypto";
import type { CoreContext } from "./context";

export type CorrelationKind = "conversation" | "email";

/** `c-` + 16 hex digits for a conversation, `m-` + 16 for an email (by its Message-ID, or its content hash). */
export function correlationIdFor(kind: CorrelationKind, key: string): string {
  const digest = crypto.createHash("sha256").update(`${kind}\0${key}`).digest("hex").slice(0, 16);
  return `${kind === "conversation" ? "c" : "m"}-${digest}`;
}

/** The same context whose logger stamps `correlationId` on every line (use cases called with it inherit it). */
export function withCorrelation<C extends CoreContext>(ctx: C, correlationId: string): C {
  return { ...ctx, log: ctx.log.child({ correlationId }) };
}
