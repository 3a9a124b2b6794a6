// What the files of one import share: the context, the folder, the reports, and maps from the export's ids
// to stored ids (loaded from the database after the file that fills them, so later files resolve references
// without a query per row).
import type { CoreContext } from "../context";
import type { FileReport } from "./summary";

export interface SchoolRef {
  id: string;
  code: string;
  level: string;
}

export interface StudentRef {
  id: string;
  givenName: string;
  familyName: string;
  grade: string | null;
  oen: string | null;
  schoolId: string | null;
}

export interface ProgressEvent {
  file: string;
  done: number;
  total: number;
}

export interface ImportState {
  ctx: CoreContext;
  dir: string;
  reports: FileReport[];
  warnings: string[];
  onProgress?: (e: ProgressEvent) => void;
  /** Schools by OneRoster org sourcedId and by our code (both point at the same refs). */
  schoolsBySourcedId: Map<string, SchoolRef>;
  schoolsByCode: Map<string, SchoolRef>;
  schoolsById: Map<string, SchoolRef>;
  /** Org sourcedIds that are not schools (district, department…): a course may belong to one. */
  otherOrgs: Set<string>;
  sessions: Map<string, string>;
  courses: Map<string, string>;
  classes: Map<string, string>;
  students: Map<string, StudentRef>;
  teachers: Map<string, string>;
  guardians: Map<string, string>;
  /** guardianSourcedId|studentSourcedId pairs read from agentSourcedIds, linked after users.csv. */
  agentLinks: Set<string>;
  /** users.csv sourcedIds marked tobedeleted in this import (no agentSourcedIds link is made to them). */
  removedUsers: Set<string>;
  guardianRowsSeen: number;
  /** School codes described by schools.csv (orgs.csv then leaves their directory columns alone). */
  describedSchools: Set<string>;
  /** Every org sourcedId of orgs.csv, and the parents they name (checked once the file is read). */
  orgIds: Set<string>;
  orgParents: { line: number; parent: string }[];
  /** Sessions whose parent was not stored yet when their row was read (set once the file is read). */
  sessionParents: { line: number; sourcedId: string; parent: string }[];
}

export function newImportState(ctx: CoreContext, dir: string, onProgress?: ImportState["onProgress"]): ImportState {
  return {
    ctx,
    dir,
    reports: [],
    warnings: [],
    onProgress,
    schoolsBySourcedId: new Map(),
    schoolsByCode: new Map(),
    schoolsById: new Map(),
    otherOrgs: new Set(),
    sessions: new Map(),
    courses: new Map(),
    classes: new Map(),
    students: new Map(),
    teachers: new Map(),
    guardians: new Map(),
    agentLinks: new Set(),
    removedUsers: new Set(),
    guardianRowsSeen: 0,
    describedSchools: new Set(),
    orgIds: new Set(),
    orgParents: [],
    sessionParents: [],
  };
}

/** A school named in one of our files: by our code first, then by the org's sourcedId. */
export function findSchool(st: ImportState, value: string): SchoolRef | undefined {
  return st.schoolsByCode.get(value) ?? st.schoolsByCode.get(value.toUpperCase()) ?? st.schoolsBySourcedId.get(value);
}

export async function loadSchools(st: ImportState): Promise<void> {
  const rows = await st.ctx.prisma.school.findMany({ select: { id: true, code: true, level: true, sourcedId: true } });
  st.schoolsBySourcedId.clear();
  st.schoolsByCode.clear();
  st.schoolsById.clear();
  for (const r of rows) {
    const ref = { id: r.id, code: r.code, level: r.level };
    st.schoolsByCode.set(r.code, ref);
    st.schoolsById.set(r.id, ref);
    if (r.sourcedId) st.schoolsBySourcedId.set(r.sourcedId, ref);
  }
}

export async function loadSessions(st: ImportState): Promise<void> {
  const rows = await st.ctx.prisma.academicSession.findMany({ select: { id: true, sourcedId: true } });
  st.sessions = new Map(rows.map((r) => [r.sourcedId, r.id]));
}

export async function loadCourses(st: ImportState): Promise<void> {
  const rows = await st.ctx.prisma.course.findMany({ select: { id: true, sourcedId: true } });
  st.courses = new Map(rows.map((r) => [r.sourcedId, r.id]));
}

export async function loadClasses(st: ImportState): Promise<void> {
  const rows = await st.ctx.prisma.classSection.findMany({ select: { id: true, sourcedId: true } });
  st.classes = new Map(rows.map((r) => [r.sourcedId, r.id]));
}

export async function loadPeople(st: ImportState): Promise<void> {
  const students = await st.ctx.prisma.student.findMany({
    select: { id: true, sourcedId: true, givenName: true, familyName: true, grade: true, oen: true, schoolId: true },
  });
  st.students = new Map(students.map(({ sourcedId, ...ref }) => [sourcedId, ref]));
  const teachers = await st.ctx.prisma.teacher.findMany({ select: { id: true, sourcedId: true } });
  st.teachers = new Map(teachers.map((r) => [r.sourcedId, r.id]));
  const guardians = await st.ctx.prisma.guardian.findMany({ select: { id: true, sourcedId: true } });
  st.guardians = new Map(guardians.map((r) => [r.sourcedId, r.id]));
}
