// confirmAccountPassword: the proof a conversation keeps instead of the password — accepted while fresh and for
// its own account, refused once expired, for another account, or after the password it proved has changed.
import { changePassword, changeSecretQuestion, confirmAccountPassword } from "../../core/accounts";
import { demoBotEnv, type DemoBotEnv } from "../helpers/bot";

let env: DemoBotEnv;
beforeAll(async () => {
  env = await demoBotEnv();
});
afterAll(async () => {
  await env.db.close();
});

const idOf = async (email: string) => (await env.ctx.prisma.account.findFirstOrThrow({ where: { email }, select: { id: true } })).id;

describe("confirmAccountPassword", () => {
  it("a wrong password gives no proof", async () => {
    const accountId = await idOf("karine.lavoie@exemple.ca");
    await expect(confirmAccountPassword(env.ctx, { accountId, password: "pas-le-bon-1" })).rejects.toMatchObject({
      code: "accounts.password_wrong",
    });
  });

  it("a fresh proof changes the password; the same proof is dead once the password changed", async () => {
    const accountId = await idOf("karine.lavoie@exemple.ca");
    const { proof } = await confirmAccountPassword(env.ctx, { accountId, password: "Portail-Demo-2026" });
    await changePassword(env.ctx, { accountId, currentPasswordProof: proof, newPassword: "Tout-Nouveau-2027" });
    await expect(
      changePassword(env.ctx, { accountId, currentPasswordProof: proof, newPassword: "Encore-Autre-2028" }),
    ).rejects.toMatchObject({
      code: "accounts.password_proof_expired",
    });
  });

  it("refused after PROOF_MINUTES, for another account, and when forged", async () => {
    const accountId = await idOf("sophie.pelletier@exemple.ca");
    const other = await idOf("stephane.bouchard@exemple.ca");
    const { proof } = await confirmAccountPassword(env.ctx, { accountId, password: "Portail-Demo-2026" });
    const change = (id: string, p: string) =>
      changeSecretQuestion(env.ctx, { accountId: id, passwordProof: p, questionId: "favourite_character", answer: "Milou" });
    await expect(change(other, proof)).rejects.toMatchObject({ code: "accounts.password_proof_expired" });
    await expect(change(accountId, `${env.ctx.now().getTime() + 3_600_000}.${"0".repeat(64)}`)).rejects.toMatchObject({
      code: "accounts.password_proof_expired",
    });
    env.ctx.clock.advance(11 * 60_000);
    await expect(change(accountId, proof)).rejects.toMatchObject({ code: "accounts.password_proof_expired" });
  });
});
