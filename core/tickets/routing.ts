// Which queue a new ticket goes to. The rule, in order:
//   1. Account problems only the help centre can fix → CENTRAL, whatever school is known:
//      `account.email_not_recognized` (seed 1 FAQ: the help centre checks the contacts) and
//      `account.activate` (validation emails and links are the help centre's).
//   2. The school of the child's record (studentId given, child active, school active) → SCHOOL + that school.
//   3. The school code the parent gave (help form, email signature, chat) → SCHOOL + that school.
//   4. No school found (new family, `children.missing` without a school, anything unknown) → CENTRAL.
// A secretary or agent can re-route afterwards (rerouteTicket).
import type { Prisma } from "../db/generated/client";
import type { TicketQueue } from "../db/generated/enums";

export const CENTRAL_ONLY_INTENTS: readonly string[] = ["account.email_not_recognized", "account.activate"];

export type RoutingReason = "central_intent" | "student_school" | "given_school" | "no_school";

export interface RoutingInput {
  intent?: string | null;
  studentId?: string | null;
  schoolCode?: string | null;
}

export interface Route {
  queue: TicketQueue;
  school: { id: string; code: string; name: string; email: string | null } | null;
  reason: RoutingReason;
}

type Db = Pick<Prisma.TransactionClient, "student" | "school">;

const routeSchoolSelect = { id: true, code: true, name: true, email: true } as const;

export async function findSchoolByCode(db: Db, code: string | null | undefined) {
  const c = code?.trim();
  if (!c) return null;
  return db.school.findFirst({ where: { code: { equals: c, mode: "insensitive" }, active: true }, select: routeSchoolSelect });
}

export async function routeTicket(db: Db, input: RoutingInput): Promise<Route> {
  if (input.intent && CENTRAL_ONLY_INTENTS.includes(input.intent)) return { queue: "CENTRAL", school: null, reason: "central_intent" };
  if (input.studentId) {
    const student = await db.student.findFirst({
      where: { id: input.studentId, active: true },
      select: { school: { select: { ...routeSchoolSelect, active: true } } },
    });
    if (student?.school?.active) {
      const { active: _active, ...school } = student.school;
      return { queue: "SCHOOL", school, reason: "student_school" };
    }
  }
  const given = await findSchoolByCode(db, input.schoolCode);
  if (given) return { queue: "SCHOOL", school: given, reason: "given_school" };
  return { queue: "CENTRAL", school: null, reason: "no_school" };
}

/**
 * routeTicket for many tickets at once (the mail agent's batch): the same rule, with one query for the
 * children's schools and one for the schools named, whatever the number of tickets.
 */
export async function routeTickets(db: Db, inputs: RoutingInput[]): Promise<Route[]> {
  const studentIds = [...new Set(inputs.filter((i) => !isCentral(i) && i.studentId).map((i) => i.studentId!))];
  const codes = [...new Set(inputs.filter((i) => !isCentral(i) && i.schoolCode?.trim()).map((i) => i.schoolCode!.trim().toLowerCase()))];
  const students = studentIds.length
    ? await db.student.findMany({
        where: { id: { in: studentIds }, active: true },
        select: { id: true, school: { select: { ...routeSchoolSelect, active: true } } },
      })
    : [];
  const schools = codes.length
    ? await db.school.findMany({
        where: { active: true, OR: codes.map((c) => ({ code: { equals: c, mode: "insensitive" as const } })) },
        select: routeSchoolSelect,
      })
    : [];
  const byStudent = new Map(students.map((s) => [s.id, s.school]));
  const byCode = new Map(schools.map((s) => [s.code.toLowerCase(), s]));
  return inputs.map((input) => {
    if (isCentral(input)) return { queue: "CENTRAL", school: null, reason: "central_intent" };
    const own = input.studentId ? byStudent.get(input.studentId) : undefined;
    if (own?.active) {
      const { active: _active, ...school } = own;
      return { queue: "SCHOOL", school, reason: "student_school" };
    }
    const given = input.schoolCode?.trim() ? byCode.get(input.schoolCode.trim().toLowerCase()) : undefined;
    if (given) return { queue: "SCHOOL", school: given, reason: "given_school" };
    return { queue: "CENTRAL", school: null, reason: "no_school" };
  });
}

function isCentral(input: RoutingInput): boolean {
  return !!input.intent && CENTRAL_ONLY_INTENTS.includes(input.intent);
}
