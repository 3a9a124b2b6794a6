// Generates a large synthetic SIS export (OneRoster 1.1 + our own files, docs/import-format.md) for the import
// benchmark and the large-file tests. Deterministic for a given seed. Fictional people; the board's real schools.
//   npx tsx scripts/generate-export.ts --students 10000 --out DIR [--seed 42] [--attendance-per-student 10]
import fs from "node:fs";
import path from "node:path";
import { parse as parseSync } from "csv-parse/sync";
import { seededRng } from "../core/util/random";

export interface GenerateExportOptions {
  students: number;
  out: string;
  seed?: number;
  /** Attendance rows per student (default 10). */
  attendancePerStudent?: number;
}

export interface GeneratedExport {
  dir: string;
  /** Rows written per file. */
  rows: Record<string, number>;
  totalRows: number;
}

const GIVEN = [
  "Léa",
  "Zoé",
  "Mathéo",
  "Émile",
  "Noémie",
  "Chloé",
  "Olivier",
  "Gabriel",
  "Florence",
  "Alice",
  "Jacob",
  "Raphaël",
  "Béatrice",
  "Thomas",
  "Juliette",
  "Samuel",
  "Rosalie",
  "Félix",
  "Charlotte",
  "Liam",
  "Maëlle",
  "Antoine",
  "Laurence",
  "Hugo",
];
const FAMILY = [
  "Tremblay",
  "Gagnon",
  "Roy",
  "Côté",
  "Bouchard",
  "Gauthier",
  "Morin",
  "Lavoie",
  "Fortin",
  "Gagné",
  "Ouellet",
  "Pelletier",
  "Bélanger",
  "Lévesque",
  "Bergeron",
  "Leblanc",
  "Paquette",
  "Girard",
  "Simard",
  "Boucher",
  "Caron",
  "Beaulieu",
];
const ADULT = ["Marie", "Julie", "Isabelle", "Nathalie", "Sophie", "Martin", "Éric", "Stéphane", "Patrick", "Karine", "Mélanie", "Sylvain"];
const COURSES: [string, string, string | null][] = [
  ["FRA1D", "Français", "FRA"],
  ["ENG1D", "English", "ENG"],
  ["MPM1D", "Mathématiques", "MAT"],
  ["SNC1D", "Sciences", "SCI"],
  ["CGC1D", "Géographie", "CGC"],
  ["FRA2D", "Français", "FRA"],
  ["MPM2D", "Mathématiques", "MAT"],
  ["CHC2D", "Histoire", "CHC"],
  ["FRA3U", "Français", "FRA"],
  ["MCR3U", "Fonctions", "MAT"],
  ["FRA4U", "Français", "FRA"],
  ["AVI1O", "Arts visuels", "ART"],
  ["PPL1O", "Éducation physique", "PPL"],
  ["GLC2O", "Exploration de carrière", "GLC"],
  ["ICS3U", "Informatique", null],
];
const STATUSES = ["absent", "absent", "late", "late", "early_departure"];
const REASONS = ["Maladie", "Rendez-vous médical", "Raison familiale", "Transport", ""];

const rng = seededRng;

function csvValue(v: string | number | boolean | null | undefined): string {
  const s = v === null || v === undefined ? "" : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A buffered CSV writer (the files are large: never build them in memory). */
class CsvOut {
  private buf: string[] = [];
  private fd: number;
  rows = 0;
  constructor(file: string, header: string[]) {
    this.fd = fs.openSync(file, "w");
    this.buf.push(header.join(","));
  }
  row(values: (string | number | boolean | null | undefined)[]): void {
    this.buf.push(values.map(csvValue).join(","));
    this.rows++;
    if (this.buf.length >= 5000) this.flush();
  }
  flush(): void {
    if (this.buf.length) fs.writeSync(this.fd, this.buf.join("\n") + "\n");
    this.buf = [];
  }
  close(): number {
    this.flush();
    fs.closeSync(this.fd);
    return this.rows;
  }
}

function day(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function generateExport(opts: GenerateExportOptions): GeneratedExport {
  const r = rng(opts.seed ?? 42);
  const pick = <T>(a: T[]): T => a[Math.floor(r() * a.length)];
  const dir = path.resolve(opts.out);
  fs.mkdirSync(dir, { recursive: true });
  const out = (name: string, header: string[]) => new CsvOut(path.join(dir, name), header);
  const reference = parseSync(fs.readFileSync(path.resolve(__dirname, "../prisma/reference/ecoles-cepeo.csv")), {
    columns: true,
    bom: true,
  }) as Record<string, string>[];
  const schools = reference.filter((s) => !s.niveau.startsWith("adulte"));
  const secondary = (s: Record<string, string>) => s.niveau.includes("secondaire");

  const files: Record<string, CsvOut> = {
    manifest: out("manifest.csv", ["propertyName", "value"]),
    orgs: out("orgs.csv", ["sourcedId", "status", "dateLastModified", "name", "type", "identifier", "parentSourcedId"]),
    sessions: out("academicSessions.csv", [
      "sourcedId",
      "status",
      "dateLastModified",
      "title",
      "type",
      "startDate",
      "endDate",
      "parentSourcedId",
      "schoolYear",
    ]),
    courses: out("courses.csv", [
      "sourcedId",
      "status",
      "dateLastModified",
      "schoolYearSourcedId",
      "title",
      "courseCode",
      "grades",
      "orgSourcedId",
      "credits",
      "compulsoryCategory",
    ]),
    classes: out("classes.csv", [
      "sourcedId",
      "status",
      "dateLastModified",
      "title",
      "grades",
      "courseSourcedId",
      "classCode",
      "classType",
      "location",
      "schoolSourcedId",
      "termSourcedIds",
      "periods",
    ]),
    users: out("users.csv", [
      "sourcedId",
      "status",
      "dateLastModified",
      "enabledUser",
      "orgSourcedIds",
      "role",
      "username",
      "userIds",
      "givenName",
      "familyName",
      "middleName",
      "identifier",
      "email",
      "sms",
      "phone",
      "agentSourcedIds",
      "grades",
      "password",
    ]),
    enrollments: out("enrollments.csv", [
      "sourcedId",
      "status",
      "dateLastModified",
      "classSourcedId",
      "schoolSourcedId",
      "userSourcedId",
      "role",
      "primary",
      "beginDate",
      "endDate",
    ]),
    demographics: out("demographics.csv", ["sourcedId", "status", "dateLastModified", "birthDate", "sex"]),
    students: out("students.csv", ["sourcedId", "oen", "preferredName", "homePhone", "streetAddress", "city", "postalCode"]),
    guardians: out("guardians.csv", ["sourcedId", "civicNumber", "streetAddress", "city", "postalCode", "preferredLanguage"]),
    links: out("guardianLinks.csv", ["guardianSourcedId", "studentSourcedId", "relationship", "portalAccess", "livesWith"]),
    bells: out("bellSchedule.csv", ["schoolCode", "periodCode", "label", "startTime", "endTime"]),
    days: out("schoolDays.csv", ["schoolCode", "date", "cycleDay", "instructional", "note"]),
    meetings: out("classMeetings.csv", ["classSourcedId", "cycleDay", "periodCode", "room"]),
    attendance: out("attendance.csv", ["studentSourcedId", "date", "periodCode", "status", "excused", "reason", "minutes"]),
    credits: out("credits.csv", [
      "studentSourcedId",
      "courseCode",
      "courseTitle",
      "value",
      "mark",
      "schoolYear",
      "compulsoryCategory",
      "schoolCode",
    ]),
    requirements: out("diplomaRequirements.csv", [
      "code",
      "title",
      "totalCredits",
      "compulsoryCredits",
      "communityHours",
      "literacyRequired",
    ]),
    progress: out("diplomaProgress.csv", ["studentSourcedId", "diplomaCode", "communityHours", "literacyStatus", "literacyDate"]),
    reportCards: out("reportCards.csv", ["sourcedId", "studentSourcedId", "reportName", "schoolYear", "term", "publishedAt"]),
    history: out("enrolmentHistory.csv", ["studentSourcedId", "schoolCode", "grade", "startDate", "endDate", "reason"]),
  };
  for (const [k, v] of [
    ["manifest.version", "1.0"],
    ["oneroster.version", "1.1"],
    ["source.systemName", "generate-export"],
  ])
    files.manifest.row([k, v]);
  files.orgs.row(["district", "", "", "CEPEO", "district", "", ""]);
  for (const s of schools) files.orgs.row([`org-${s.code}`, "", "", s.nom, "school", s.code, "district"]);
  files.sessions.row(["sy-2027", "", "", "2026-2027", "schoolYear", "2026-09-02", "2027-06-25", "", 2027]);
  files.sessions.row(["s1-2027", "", "", "Semestre 1", "semester", "2026-09-02", "2027-01-29", "sy-2027", 2027]);
  files.sessions.row(["s2-2027", "", "", "Semestre 2", "semester", "2027-02-01", "2027-06-25", "sy-2027", 2027]);
  for (const [code, title, cat] of COURSES) files.courses.row([`c-${code}`, "", "", "sy-2027", title, code, "", "district", 1, cat ?? ""]);
  files.requirements.row(["OSSD", "Diplôme d'études secondaires de l'Ontario", 30, 18, 40, true]);

  // School calendar: every weekday of the year, a 4-day cycle, a few pedagogical days.
  const days: string[] = [];
  for (let d = new Date(Date.UTC(2026, 8, 2)); d <= new Date(Date.UTC(2027, 5, 25)); d.setUTCDate(d.getUTCDate() + 1)) {
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) days.push(day(d));
  }
  for (const s of schools) {
    for (const [p, start, end] of [
      ["1", "08:15", "09:30"],
      ["2", "09:35", "10:50"],
      ["DINER", "10:50", "11:40"],
      ["3", "11:45", "13:00"],
      ["4", "13:05", "14:20"],
    ]) {
      files.bells.row([s.code, p, p === "DINER" ? "Dîner" : `Période ${p}`, start, end]);
    }
    let cycle = 0;
    days.forEach((d, i) => {
      if (i % 40 === 17) files.days.row([s.code, d, "", false, "Journée pédagogique"]);
      else files.days.row([s.code, d, (cycle++ % 4) + 1, true, ""]);
    });
  }

  // Students, grouped into families of 1 to 3 children at schools of one area; one guardian or two each.
  const perSchool = Math.ceil(opts.students / schools.length);
  let studentN = 0;
  let guardianN = 0;
  let enrollmentN = 0;
  const attendancePer = opts.attendancePerStudent ?? 10;
  for (const [si, s] of schools.entries()) {
    const count = Math.min(perSchool, opts.students - studentN);
    if (count <= 0) break;
    const org = `org-${s.code}`;
    const sec = secondary(s);
    const grades = sec ? ["09", "10", "11", "12"] : ["JK", "SK", "01", "02", "03", "04", "05", "06"];
    const classCount = Math.max(1, Math.ceil(count / 25));
    const classIds: string[] = [];
    for (let c = 0; c < classCount; c++) {
      const teacher = `t-${si}-${c}`;
      files.users.row([
        teacher,
        "",
        "",
        true,
        org,
        "teacher",
        `${teacher}`,
        `{Local:${si * 1000 + c}}`,
        pick(ADULT),
        pick(FAMILY),
        "",
        "",
        `${teacher}@enseignants.exemple.ca`,
        "",
        "",
        "",
        "",
        "",
      ]);
      for (const period of ["1", "2", "3", "4"]) {
        const [code, title] = sec ? COURSES[(c * 4 + Number(period)) % COURSES.length] : ["HR", "Salle de classe"];
        const id = `k-${si}-${c}-${period}`;
        classIds.push(id);
        files.classes.row([
          id,
          "",
          "",
          `${title} ${c + 1}`,
          "",
          sec ? `c-${code}` : "",
          `${code}-${c + 1}`,
          sec ? "scheduled" : "homeroom",
          `${100 + c}`,
          org,
          "s1-2027,s2-2027",
          period,
        ]);
        for (let cd = 1; cd <= 4; cd++) files.meetings.row([id, cd, period, `${100 + c}`]);
        files.enrollments.row([`e-${++enrollmentN}`, "", "", id, org, teacher, "teacher", true, "2026-09-02", "2027-06-25"]);
      }
    }
    let i = 0;
    while (i < count) {
      const family = pick(FAMILY);
      const kids = Math.min(count - i, 1 + Math.floor(r() * 3));
      const parents = r() < 0.7 ? 2 : 1;
      const parentIds: string[] = [];
      const kidIds: string[] = [];
      for (let k = 0; k < kids; k++) kidIds.push(`s-${studentN + k + 1}`);
      for (let p = 0; p < parents; p++) {
        const gid = `g-${++guardianN}`;
        parentIds.push(gid);
        const given = pick(ADULT);
        files.users.row([
          gid,
          "",
          "",
          true,
          org,
          p === 0 ? "parent" : "guardian",
          gid,
          "",
          given,
          family,
          "",
          "",
          `${given}.${family}.${guardianN}@courriel.exemple.ca`.toLowerCase(),
          "",
          `613-555-${String(guardianN % 10000).padStart(4, "0")}`,
          kidIds.join(","),
          "",
          "",
        ]);
        files.guardians.row([gid, 100 + Math.floor(r() * 9000), "rue Principale", s.ville, "K1A 0B1", r() < 0.1 ? "en" : "fr"]);
      }
      for (const [k, sid] of kidIds.entries()) {
        studentN++;
        const grade = grades[Math.floor(r() * grades.length)];
        const given = pick(GIVEN);
        files.users.row([sid, "", "", true, org, "student", sid, `{Local:${studentN}}`, given, family, "", "", "", "", "", "", grade, ""]);
        files.demographics.row([
          sid,
          "",
          "",
          `${2008 + Math.floor(r() * 12)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`,
          r() < 0.5 ? "female" : "male",
        ]);
        files.students.row([sid, String(100000000 + studentN), "", "", "rue Principale", s.ville, "K1A 0B1"]);
        for (const [pi, gid] of parentIds.entries())
          files.links.row([gid, sid, pi === 0 ? "mother" : "father", !(k === 1 && pi === 1 && r() < 0.2), true]);
        const cls = Math.floor(r() * classCount);
        for (const period of ["1", "2", "3", "4"]) {
          files.enrollments.row([
            `e-${++enrollmentN}`,
            "",
            "",
            `k-${si}-${cls}-${period}`,
            org,
            sid,
            "student",
            false,
            "2026-09-02",
            "2027-06-25",
          ]);
        }
        const used = new Set<string>();
        for (let a = 0; a < attendancePer; a++) {
          const d = days[Math.floor(r() * Math.min(days.length, 80))];
          const period = r() < 0.3 ? "" : String(1 + Math.floor(r() * 4));
          if (used.has(`${d}|${period}`)) continue;
          used.add(`${d}|${period}`);
          const status = pick(STATUSES);
          files.attendance.row([sid, d, period, status, r() < 0.6, pick(REASONS), status === "absent" ? "" : 5 + Math.floor(r() * 30)]);
        }
        if (sec) {
          const earned = Math.floor(r() * 16);
          for (let c = 0; c < earned; c++) {
            const [code, title, cat] = COURSES[c % COURSES.length];
            files.credits.row([
              sid,
              `${code}${c >= COURSES.length ? "-2" : ""}`,
              title,
              1,
              55 + Math.floor(r() * 45),
              `${2022 + (c % 4)}-${2023 + (c % 4)}`,
              cat ?? "",
              s.code,
            ]);
          }
          files.progress.row([sid, "OSSD", Math.floor(r() * 60), pick(["NOT_ATTEMPTED", "PASSED", "NOT_PASSED"]), ""]);
        }
        files.reportCards.row([
          `rc-${sid}-1`,
          sid,
          sec ? "Bulletin de mi-semestre" : "Bulletin de progrès",
          "2026-2027",
          "Étape 1",
          "2026-11-16",
        ]);
        files.history.row([sid, s.code, grade, "2026-09-02", "", "Inscription"]);
      }
      i += kids;
    }
  }
  const rows: Record<string, number> = {};
  for (const [k, f] of Object.entries(files)) rows[k] = f.close();
  return { dir, rows, totalRows: Object.values(rows).reduce((a, b) => a + b, 0) };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (require.main === module) {
  const students = Number(arg("students") ?? 10000);
  const outDir = arg("out");
  if (!outDir || !Number.isInteger(students) || students < 1) {
    console.error("usage: npx tsx scripts/generate-export.ts --students 10000 --out DIR [--seed 42] [--attendance-per-student 10]");
    process.exit(2);
  }
  const res = generateExport({
    students,
    out: outDir,
    seed: Number(arg("seed") ?? 42),
    attendancePerStudent: arg("attendance-per-student") ? Number(arg("attendance-per-student")) : undefined,
  });
  console.log(
    `${res.dir}: ${res.totalRows} rows (${Object.entries(res.rows)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")})`,
  );
}
