// Rate limits of the Direct Line endpoint (per token's conversation, per client address), counted in the
// database's RateLimit table so that every instance shares them. Addresses are keyed by HMAC, never in clear.
import type { CoreContext } from "../context";
import { keyedHash } from "../accounts/app-secret";
import { consumeRateLimit } from "../accounts/rate-limit";

export interface DirectLineQuota {
  /** What is counted, e.g. "post" or "start". */
  purpose: string;
  /** "conversation" keys by conversation id, "address" by the client's IP address. */
  subject: "conversation" | "address";
  value: string;
  max: number;
  windowMs: number;
}

export async function consumeDirectLineQuota(ctx: CoreContext, opts: DirectLineQuota): Promise<{ allowed: boolean; retryAt: Date }> {
  const subject = opts.subject === "address" ? keyedHash(ctx, "directline-address", opts.value).slice(0, 32) : opts.value;
  const { allowed, retryAt } = await consumeRateLimit(ctx, `dl-${opts.purpose}:${opts.subject}:${subject}`, opts);
  return { allowed, retryAt };
}
