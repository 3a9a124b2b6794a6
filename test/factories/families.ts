// Test factory of families: schools, guardians, students, guardian–student links and accounts, each with
// unique values so tests never collide. Every helper takes the Prisma client (or a transaction) first and an
// optional overrides object; returned rows are plain Prisma rows for the test's own use.
import crypto from "node:crypto";
import bcrypt from "bcryptjs";
import type { PrismaClient, Prisma } from "../../core/db/generated/client";
import type { AccountStatus, SchoolLevel } from "../../core/db/generated/enums";
import { foldAnswer } from "../../core/util/text";

type Db = PrismaClient | Prisma.TransactionClient;
type School = Awaited<ReturnType<PrismaClient["school"]["create"]>>;
type Guardian = Awaited<ReturnType<PrismaClient["guardian"]["create"]>>;
type Student = Awaited<ReturnType<PrismaClient["student"]["create"]>>;
type Account = Awaited<ReturnType<PrismaClient["account"]["create"]>>;

let seq = 0;
/** A short value unique in this process (and, with the random part, across parallel workers). */
export function unique(prefix = "t"): string {
  seq += 1;
  return `${prefix}${seq}${crypto.randomBytes(3).toString("hex")}`;
}

const GIVEN = ["Marie", "Éloïse", "Jean-François", "Amina", "Luc", "Noémie", "Olivier", "Fatou", "Chloé", "Mathieu"];
const FAMILY = ["Tremblay", "Gagnon", "Côté", "Bouchard", "Lévesque", "Diallo", "Bélanger", "Nguyen", "Roy", "Pelletier"];
const pick = <T>(list: T[]): T => list[seq % list.length];

/** Date-only values (@db.Date) as UTC midnight. */
export function day(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

export async function makeSchool(db: Db, overrides: Partial<Prisma.SchoolUncheckedCreateInput> = {}): Promise<School> {
  const code = overrides.code ?? unique("EEP-TEST-").toUpperCase();
  return db.school.create({
    data: {
      code,
      name: `École élémentaire publique ${code}`,
      level: "ELEMENTARY" as SchoolLevel,
      city: "Ottawa",
      email: `${code.toLowerCase()}@ecoles.example.test`,
      ...overrides,
    },
  });
}

export async function makeGuardian(db: Db, overrides: Partial<Prisma.GuardianUncheckedCreateInput> = {}): Promise<Guardian> {
  const id = unique("g");
  return db.guardian.create({
    data: {
      sourcedId: id,
      givenName: pick(GIVEN),
      familyName: `${pick(FAMILY)}-${id}`,
      email: `parent.${id}@courriel.example.test`,
      phone: "613-555-0100",
      civicNumber: String(100 + (seq % 8900)),
      streetAddress: "rue des Érables",
      city: "Ottawa",
      postalCode: "K1A 0B1",
      preferredLang: "fr",
      ...overrides,
    },
  });
}

export interface MakeStudentOptions extends Partial<Prisma.StudentUncheckedCreateInput> {
  school?: School;
}

export async function makeStudent(db: Db, opts: MakeStudentOptions = {}): Promise<Student> {
  const { school, ...overrides } = opts;
  const id = unique("s");
  return db.student.create({
    data: {
      sourcedId: id,
      oen: String(100000000 + crypto.randomInt(0, 899999999)).slice(0, 9),
      givenName: pick(GIVEN),
      familyName: `${pick(FAMILY)}-${id}`,
      birthDate: day("2015-06-15"),
      grade: "05",
      schoolId: school?.id ?? null,
      ...overrides,
    },
  });
}

export async function linkGuardian(
  db: Db,
  guardian: Guardian,
  student: Student,
  overrides: Partial<Prisma.GuardianStudentUncheckedCreateInput> = {},
) {
  return db.guardianStudent.create({
    data: { guardianId: guardian.id, studentId: student.id, relationship: "parent", portalAccess: true, ...overrides },
  });
}

export interface MakeFamilyOptions {
  /** Number of children (default 1); child i is born `birthDates[i]` (default: one year apart, the last youngest). */
  children?: number;
  birthDates?: string[];
  /** One school for all children, or one per child. */
  school?: School;
  schools?: School[];
  guardian?: Partial<Prisma.GuardianUncheckedCreateInput>;
  student?: Partial<Prisma.StudentUncheckedCreateInput>;
}

export interface Family {
  guardian: Guardian;
  students: Student[];
  schools: School[];
}

/** A guardian linked to `children` active students, each in a school. */
export async function makeFamily(db: Db, opts: MakeFamilyOptions = {}): Promise<Family> {
  const n = opts.children ?? 1;
  const schools = opts.schools ?? [opts.school ?? (await makeSchool(db))];
  const guardian = await makeGuardian(db, opts.guardian);
  const students: Student[] = [];
  for (let i = 0; i < n; i++) {
    const school = schools[i % schools.length];
    const birth = opts.birthDates?.[i] ?? `${2012 + i}-0${(i % 9) + 1}-1${i % 10}`;
    const student = await makeStudent(db, { school, birthDate: day(birth), familyName: guardian.familyName, ...opts.student });
    await linkGuardian(db, guardian, student);
    students.push(student);
  }
  return { guardian, students, schools: [...new Set(students.map((s) => s.schoolId))].map((id) => schools.find((s) => s.id === id)!) };
}

export interface MakeAccountOptions {
  guardian?: Guardian;
  email?: string;
  password?: string;
  /** An id of templates' secretQuestions (default favourite_character). */
  secretQuestionId?: string;
  secretAnswer?: string;
  status?: AccountStatus;
  lang?: string;
  mustChangePassword?: boolean;
  overrides?: Partial<Prisma.AccountUncheckedCreateInput>;
}

export interface MadeAccount {
  account: Account;
  password: string;
  secretQuestionId: string;
  secretAnswer: string;
}

/**
 * An account, ACTIVE by default, hashed like the product does (bcrypt of the password; bcrypt of the folded
 * answer). Cost 4 keeps tests fast; bcrypt reads the cost from the hash, so verification is unchanged.
 */
export async function makeAccount(db: Db, opts: MakeAccountOptions = {}): Promise<MadeAccount> {
  const password = opts.password ?? `Motdepasse${seq}a1`;
  const secretQuestionId = opts.secretQuestionId ?? "favourite_character";
  const secretAnswer = opts.secretAnswer ?? "Le Petit Prince";
  const status = opts.status ?? "ACTIVE";
  const withSecrets = status !== "PENDING_VALIDATION";
  const email = opts.email ?? opts.guardian?.email ?? `compte.${unique("a")}@courriel.example.test`;
  const account = await db.account.create({
    data: {
      email,
      guardianId: opts.guardian?.id ?? null,
      status,
      lang: opts.lang ?? opts.guardian?.preferredLang ?? "fr",
      passwordHash: withSecrets ? bcrypt.hashSync(password, 4) : null,
      secretQuestionId: withSecrets ? secretQuestionId : null,
      secretAnswerHash: withSecrets ? bcrypt.hashSync(foldAnswer(secretAnswer), 4) : null,
      mustChangePassword: opts.mustChangePassword ?? false,
      emailValidatedAt: status === "ACTIVE" ? new Date("2026-01-05T15:00:00Z") : null,
      ...opts.overrides,
    },
  });
  return { account, password, secretQuestionId, secretAnswer };
}
