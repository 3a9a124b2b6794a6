// The families of the load run (bench/load-run.ts): `n` parents with an active account, each with one child
// (every third with two) in one of a few schools, made with the test factories on the scratch PostgreSQL.
import type { PrismaClient } from "../core/db/generated/client";
import { linkGuardian, makeAccount, makeFamily, makeSchool, makeStudent } from "../test/factories/families";

export interface LoadFamily {
  email: string;
  /** The given name of the child the parent asks about. */
  child: string;
  secretAnswer: string;
}

const CHILDREN = ["Léa", "Mathéo", "Zoé", "Noah", "Emma", "Félix", "Rosalie", "Gabriel", "Alice", "Juliette", "Olivier", "Samuel"];

export async function seedLoadFamilies(prisma: PrismaClient, n: number): Promise<LoadFamily[]> {
  const schools = [];
  for (let s = 0; s < 5; s++) schools.push(await makeSchool(prisma));
  const out: LoadFamily[] = [];
  for (let i = 0; i < n; i++) {
    const email = `parent.load.${i}@exemple.ca`;
    const child = CHILDREN[i % CHILDREN.length];
    const family = await makeFamily(prisma, { school: schools[i % schools.length], guardian: { email }, student: { givenName: child } });
    if (i % 3 === 0) {
      const sibling = await makeStudent(prisma, {
        school: schools[(i + 1) % schools.length],
        givenName: CHILDREN[(i + 5) % CHILDREN.length],
      });
      await linkGuardian(prisma, family.guardian, sibling);
    }
    const made = await makeAccount(prisma, { guardian: family.guardian, email });
    out.push({ email, child, secretAnswer: made.secretAnswer });
  }
  return out;
}
