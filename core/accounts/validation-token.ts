// Email-validation links: a random token (32 bytes, base64url) mailed as `${publicUrl}/compte/valider?jeton=…`
// and stored only as its SHA-256. A new token invalidates the account's older ones.
import type { CoreContext } from "../context";
import type { Prisma } from "../db/generated/client";
import { ACCOUNT_POLICY } from "./account-policy";
import { accountError } from "./account-error";
import { generateToken, sha256 } from "./secrets";
import { publicUrls } from "../public-urls";

type Tx = Prisma.TransactionClient;

export function validationLink(ctx: CoreContext, token: string): string {
  return publicUrls.validateAccount(ctx, token);
}

export async function issueValidationToken(ctx: CoreContext, tx: Tx, accountId: string): Promise<{ link: string; hours: number }> {
  const now = ctx.now();
  await tx.oneTimeCode.updateMany({
    where: { accountId, purpose: "EMAIL_VALIDATION", consumedAt: null },
    data: { consumedAt: now },
  });
  const token = generateToken();
  await tx.oneTimeCode.create({
    data: {
      purpose: "EMAIL_VALIDATION",
      accountId,
      codeHash: sha256(token),
      expiresAt: new Date(now.getTime() + ACCOUNT_POLICY.validationTokenTtlMs),
      createdAt: now,
    },
  });
  return { link: validationLink(ctx, token), hours: ACCOUNT_POLICY.validationTokenTtlMs / 3_600_000 };
}

/**
 * The token's live row. The lookup is by the token's SHA-256 (an index lookup on a digest reveals nothing of
 * the token). Unknown, used or superseded → `accounts.token_invalid`; too old → `accounts.token_expired`.
 */
export async function findValidationToken(ctx: CoreContext, db: Tx | CoreContext["prisma"], token: string) {
  const row = await db.oneTimeCode.findUnique({
    where: { codeHash: sha256(token.trim()) },
    select: {
      id: true,
      purpose: true,
      accountId: true,
      expiresAt: true,
      consumedAt: true,
      account: { select: { id: true, status: true, email: true, lang: true, guardianId: true } },
    },
  });
  if (!row || row.purpose !== "EMAIL_VALIDATION" || row.consumedAt || !row.account) throw accountError("token_invalid");
  if (row.expiresAt <= ctx.now()) throw accountError("token_expired");
  return { codeId: row.id, account: row.account };
}
