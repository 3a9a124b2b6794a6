// Which child, school and OEN an email is about, for routing: the sender's own children (matched by first
// name, or by OEN) and the board's school directory. Only ids, first names and codes leave the core.
import type { CoreContext } from "../context";
import { extractEntities, type SchoolCandidate } from "../nlu/entities";

export interface EmailEntities {
  /** A child of the sender's guardian record the email names (or the only child, when there is one). */
  child: { id: string; givenName: string; schoolCode: string | null } | null;
  /** The first name as written when it names none of the sender's children (« mon fils Tom »). */
  childName: string | null;
  schoolCode: string | null;
  oen: string | null;
}

let schoolCache: { at: number; schools: SchoolCandidate[] } | undefined;
const SCHOOL_CACHE_MS = 60_000;

async function schoolCandidates(ctx: CoreContext): Promise<SchoolCandidate[]> {
  const now = Date.now();
  if (schoolCache && now - schoolCache.at < SCHOOL_CACHE_MS) return schoolCache.schools;
  const rows = await ctx.prisma.school.findMany({
    where: { active: true },
    select: { code: true, name: true, formerNames: true, city: true, level: true },
  });
  const schools = rows.map((r) => ({ code: r.code, name: r.name, formerNames: r.formerNames, city: r.city, level: r.level }));
  schoolCache = { at: now, schools };
  return schools;
}

export async function extractEmailEntities(ctx: CoreContext, opts: { text: string; guardianId?: string | null }): Promise<EmailEntities> {
  const children = opts.guardianId
    ? await ctx.prisma.student.findMany({
        where: { active: true, guardians: { some: { guardianId: opts.guardianId } } },
        select: { id: true, givenName: true, preferredName: true, oen: true, school: { select: { code: true } } },
        orderBy: { givenName: "asc" },
      })
    : [];
  const schools = await schoolCandidates(ctx);
  const found = extractEntities(opts.text, {
    children: children.map((c) => ({ id: c.id, givenName: c.givenName, preferredName: c.preferredName })),
    schools,
  });
  const oen = found.oen?.oen ?? null;
  let match = found.child ? children.find((c) => c.id === found.child!.id) : undefined;
  if (!match && oen) match = children.find((c) => c.oen === oen);
  if (!match && children.length === 1 && found.children.length === 0) match = children[0];
  return {
    child: match ? { id: match.id, givenName: match.preferredName ?? match.givenName, schoolCode: match.school?.code ?? null } : null,
    childName: match ? null : guessFirstName(opts.text),
    schoolCode: found.school?.code ?? null,
    oen,
  };
}

// « mon fils Tom », « ma fille Léa », "my son Noah": a first name written after a kinship word.
const KIN =
  /\b(?:mon (?:fils|gar[cç]on|enfant|petit-fils)|ma (?:fille|petite-fille)|my (?:son|daughter|child|kid))\s*,?\s+(\p{Lu}[\p{Ll}'-]+(?:-\p{Lu}[\p{Ll}'-]+)?)/u;

function guessFirstName(text: string): string | null {
  return KIN.exec(text.slice(0, 5000))?.[1] ?? null;
}
