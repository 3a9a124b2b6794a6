// Writes the demo export (the CSV files of this folder) from families.ts, deterministically: dates are fixed
// to the 2026-2027 school year (the demo week is the week of 2026-11-23), never relative to today.
//   npx tsx prisma/demo/build-demo.ts      (then commit the CSV files; `aide-portail db seed` imports them)
import fs from "node:fs";
import path from "node:path";
import { parse as parseSync } from "csv-parse/sync";
import { CHILDREN, COURSES_BY_GRADE, DIPLOMA_PROGRESS, GUARDIANS, PAST_CREDITS } from "./families";

const OUT = __dirname;
const YEAR_START = "2026-09-08";
const YEAR_END = "2027-06-25";
const DAYS_OFF: Record<string, string> = {
  "2026-10-09": "Journée pédagogique",
  "2026-10-12": "Action de grâce",
  "2026-11-20": "Journée pédagogique",
  "2027-01-29": "Journée pédagogique",
  "2027-02-15": "Jour de la famille",
  "2027-03-26": "Vendredi saint",
  "2027-03-29": "Lundi de Pâques",
  "2027-05-24": "Fête de la Reine",
  "2027-06-04": "Journée pédagogique",
};
const BREAKS: [string, string, string][] = [
  ["2026-12-21", "2027-01-01", "Congé des Fêtes"],
  ["2027-03-15", "2027-03-19", "Congé de mars"],
];

type Cell = string | number | boolean | null | undefined;
function write(name: string, header: string[], rows: Cell[][]): void {
  const q = (v: Cell) => {
    const s = v === null || v === undefined ? "" : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  fs.writeFileSync(path.join(OUT, name), [header, ...rows].map((r) => r.map(q).join(",")).join("\n") + "\n");
}

const reference = parseSync(fs.readFileSync(path.join(__dirname, "../reference/ecoles-cepeo.csv")), { columns: true, bom: true }) as Record<
  string,
  string
>[];
const demoSchools = [...new Set(CHILDREN.map((c) => c.school))];
const isSecondarySchool = (code: string) => /^ESP-/.test(code);
const isSecondaryGrade = (g: string) => /^\d+$/.test(g) && Number(g) >= 9;

// ── Directory and orgs: the whole board is listed (the help form needs every school), demo schools are orgs.
write(
  "schools.csv",
  ["code", "name", "level", "city", "formerNames", "email", "phone"],
  reference.map((s, i) => [
    s.code,
    s.nom,
    s.niveau,
    s.ville,
    s.anciens_noms,
    `${s.code.toLowerCase()}@ecoles.exemple.ca`,
    `613-555-${String(1000 + i)}`,
  ]),
);
write(
  "orgs.csv",
  ["sourcedId", "status", "dateLastModified", "name", "type", "identifier", "parentSourcedId"],
  [
    ["org-cepeo", "", "2026-08-25", "Conseil des écoles publiques de l'Est de l'Ontario", "district", "CEPEO", ""],
    ...demoSchools.map((code) => [
      `org-${code}`,
      "",
      "2026-08-25",
      reference.find((s) => s.code === code)!.nom,
      "school",
      code,
      "org-cepeo",
    ]),
  ],
);
write(
  "academicSessions.csv",
  ["sourcedId", "status", "dateLastModified", "title", "type", "startDate", "endDate", "parentSourcedId", "schoolYear"],
  [
    ["as-2027", "", "", "Année scolaire 2026-2027", "schoolYear", YEAR_START, YEAR_END, "", 2027],
    ["as-2027-s1", "", "", "Semestre 1", "semester", YEAR_START, "2027-01-29", "as-2027", 2027],
    ["as-2027-s2", "", "", "Semestre 2", "semester", "2027-02-01", YEAR_END, "as-2027", 2027],
  ],
);

// ── Calendar: elementary schools run a 5-day cycle, secondary ones a 2-day cycle (Jour 1 / Jour 2).
const days: string[] = [];
for (let d = new Date(`${YEAR_START}T00:00:00Z`); d <= new Date(`${YEAR_END}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
  if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) days.push(d.toISOString().slice(0, 10));
}
const offNote = (d: string) => DAYS_OFF[d] ?? BREAKS.find(([a, b]) => d >= a && d <= b)?.[2];
const schoolDayRows: Cell[][] = [];
const bellRows: Cell[][] = [];
for (const code of demoSchools) {
  const cycle = isSecondarySchool(code) ? 2 : 5;
  let n = 0;
  for (const d of days) {
    const note = offNote(d);
    schoolDayRows.push(note ? [code, d, "", false, note] : [code, d, (n++ % cycle) + 1, true, ""]);
  }
  const bells = isSecondarySchool(code)
    ? [
        ["1", "Période 1", "08:00", "09:15"],
        ["2", "Période 2", "09:20", "10:35"],
        ["DINER", "Dîner", "10:35", "11:25"],
        ["3", "Période 3", "11:30", "12:45"],
        ["4", "Période 4", "12:50", "14:05"],
      ]
    : [
        ["1", "Bloc 1", "08:45", "09:35"],
        ["2", "Bloc 2", "09:35", "10:25"],
        ["REC1", "Récréation", "10:25", "10:45"],
        ["3", "Bloc 3", "10:45", "11:35"],
        ["DINER", "Dîner", "11:35", "12:25"],
        ["4", "Bloc 4", "12:25", "13:15"],
        ["REC2", "Récréation", "13:15", "13:35"],
        ["5", "Bloc 5", "13:35", "14:25"],
        ["6", "Bloc 6", "14:25", "15:15"],
      ];
  for (const [i, b] of bells.entries()) bellRows.push([code, b[0], b[1], b[2], b[3], i + 1]);
}
write("schoolDays.csv", ["schoolCode", "date", "cycleDay", "instructional", "note"], schoolDayRows);
write("bellSchedule.csv", ["schoolCode", "periodCode", "label", "startTime", "endTime", "sortOrder"], bellRows);

// ── Courses, classes, teachers, meetings, enrollments.
const TEACHERS = [
  "Mme Sylvie Lalonde",
  "M. François Gauthier",
  "Mme Annie Bergeron",
  "M. Luc Paquette",
  "Mme Nadia Haddad",
  "M. Patrick Simard",
  "Mme Josée Caron",
  "M. Kevin Beaulieu",
];
const courseRows = new Map<string, Cell[]>();
const classRows = new Map<string, Cell[]>();
const meetingRows: Cell[][] = [];
const teacherRows = new Map<string, Cell[]>();
const enrollmentRows: Cell[][] = [];
let t = 0;
function teacherFor(classId: string): string {
  const id = `t-${classId}`;
  if (!teacherRows.has(id)) {
    const [, given, family] = TEACHERS[t++ % TEACHERS.length].split(" ");
    teacherRows.set(id, [
      id,
      "",
      "",
      true,
      "",
      "teacher",
      id,
      "",
      given,
      family,
      "",
      "",
      `${given}.${family}@enseignants.exemple.ca`.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, ""),
      "",
      "",
      "",
      "",
      "",
    ]);
    enrollmentRows.push([`en-${id}`, "", "", classId, "", id, "teacher", true, YEAR_START, YEAR_END]);
  }
  return id;
}
for (const c of CHILDREN) {
  const org = `org-${c.school}`;
  const classes: string[] = [];
  if (isSecondaryGrade(c.grade)) {
    // Semester 1, four courses; periods 3 and 4 swap on Jour 2.
    for (const [i, [code, title, cat]] of COURSES_BY_GRADE[c.grade].entries()) {
      courseRows.set(code, [
        `co-${code}`,
        "",
        "",
        "as-2027",
        title,
        code,
        c.grade,
        "org-cepeo",
        code.endsWith("O") && code !== "CHV2O" ? 1 : code === "CHV2O" ? 0.5 : 1,
        cat,
      ]);
      const id = `cl-${c.school}-${code}-1`;
      if (!classRows.has(id)) {
        const room = `${200 + i * 7}`;
        classRows.set(id, [
          id,
          "",
          "",
          `${title} (${code})`,
          c.grade,
          `co-${code}`,
          `${code}-01`,
          "scheduled",
          room,
          org,
          "as-2027-s1",
          String(i + 1),
        ]);
        const p = String(i + 1);
        if (i < 2) meetingRows.push([id, "", p, room]);
        else {
          meetingRows.push([id, 1, p, room]);
          meetingRows.push([id, 2, i === 2 ? "4" : "3", room]);
        }
      }
      classes.push(id);
    }
  } else {
    const id = `cl-${c.school}-HR-${c.grade}`;
    if (!classRows.has(id)) {
      const room = c.grade === "SK" ? "101" : `1${c.grade}`;
      const label = c.grade === "SK" ? "Maternelle (jardin)" : `${Number(c.grade)}e année`;
      classRows.set(id, [
        id,
        "",
        "",
        `${label} — titulaire`,
        c.grade,
        "",
        `HR-${c.grade}`,
        "homeroom",
        room,
        org,
        "as-2027",
        "1,2,3,4,5,6",
      ]);
      for (let day = 1; day <= (isSecondarySchool(c.school) ? 2 : 5); day++) {
        for (const p of ["1", "2", "3", "5", "6"]) meetingRows.push([id, day, p, room]);
        if (day % 2 === 0) meetingRows.push([id, day, "4", room]);
      }
      const gym = `cl-${c.school}-EPS-${c.grade}`;
      classRows.set(gym, [
        gym,
        "",
        "",
        "Éducation physique et santé",
        c.grade,
        "",
        `EPS-${c.grade}`,
        "scheduled",
        "Gymnase",
        org,
        "as-2027",
        "4",
      ]);
      for (let day = 1; day <= (isSecondarySchool(c.school) ? 2 : 5); day += 2) meetingRows.push([gym, day, "4", "Gymnase"]);
    }
    classes.push(id, `cl-${c.school}-EPS-${c.grade}`);
  }
  for (const cl of classes) {
    teacherFor(cl);
    enrollmentRows.push([
      `en-${c.id}-${cl}`,
      "",
      "",
      cl,
      org,
      c.id,
      "student",
      false,
      YEAR_START,
      isSecondaryGrade(c.grade) ? "2027-01-29" : YEAR_END,
    ]);
  }
}
write(
  "courses.csv",
  [
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
  ],
  [...courseRows.values()],
);
write(
  "classes.csv",
  [
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
  ],
  [...classRows.values()],
);
write("classMeetings.csv", ["classSourcedId", "cycleDay", "periodCode", "room"], meetingRows);
write(
  "enrollments.csv",
  [
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
  ],
  enrollmentRows,
);

// ── People: parents list their children (agentSourcedIds), or the children list the parent (both directions).
const userHeader = [
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
];
const fromStudent = (c: string) => GUARDIANS.filter((g) => g.linkFromStudent && g.children.some(([s]) => s === c)).map((g) => g.id);
write("users.csv", userHeader, [
  ...CHILDREN.map((c) => [
    c.id,
    "",
    "2026-08-25",
    true,
    `org-${c.school}`,
    "student",
    `${c.given}.${c.family}`,
    `{SIS:${c.oen}}`,
    c.given,
    c.family,
    "",
    c.oen,
    "",
    "",
    "",
    fromStudent(c.id).join(","),
    c.grade,
    "",
  ]),
  ...GUARDIANS.map((g) => [
    g.id,
    "",
    "2026-08-25",
    true,
    "",
    g.role,
    g.email,
    "",
    g.given,
    g.family,
    "",
    "",
    g.email,
    "",
    g.phone,
    g.linkFromStudent ? "" : g.children.map(([s]) => s).join(","),
    "",
    "",
  ]),
  ...teacherRows.values(),
]);
write(
  "demographics.csv",
  ["sourcedId", "status", "dateLastModified", "birthDate", "sex"],
  CHILDREN.map((c) => [c.id, "", "", c.birth, c.sex]),
);
write(
  "students.csv",
  [
    "sourcedId",
    "oen",
    "preferredName",
    "homePhone",
    "streetAddress",
    "city",
    "postalCode",
    "photoFile",
    "emergencyContact1Name",
    "emergencyContact1Relationship",
    "emergencyContact1Phone",
    "emergencyContact2Name",
    "emergencyContact2Relationship",
    "emergencyContact2Phone",
  ],
  CHILDREN.map((c) => {
    const gs = GUARDIANS.filter((g) => g.children.some(([s, , access]) => s === c.id && access));
    const home = gs[0] ?? GUARDIANS.find((g) => g.children.some(([s]) => s === c.id))!;
    return [
      c.id,
      c.oen,
      "",
      home.phone,
      `${home.civic} ${home.street}`,
      home.city,
      home.postal,
      `photos/${c.id}.jpg`,
      "Hélène Roy",
      "grand-mère",
      "613-555-0400",
      gs[1] ? `${gs[1].given} ${gs[1].family}` : "",
      gs[1] ? "parent" : "",
      gs[1]?.phone ?? "",
    ];
  }),
);
write(
  "guardians.csv",
  ["sourcedId", "civicNumber", "streetAddress", "city", "postalCode", "preferredLanguage"],
  GUARDIANS.map((g) => [g.id, g.civic, g.street, g.city, g.postal, g.lang]),
);
write(
  "guardianLinks.csv",
  ["guardianSourcedId", "studentSourcedId", "relationship", "portalAccess", "livesWith"],
  GUARDIANS.flatMap((g) => g.children.map(([s, rel, access]) => [g.id, s, rel, access, g.id !== "g-2004"])),
);

// ── Attendance: this week (Monday 2026-11-23), last week, and earlier this term; excused or not.
write(
  "attendance.csv",
  ["studentSourcedId", "date", "periodCode", "status", "excused", "reason", "minutes", "classSourcedId"],
  [
    ["s-1001", "2026-11-23", "1", "late", false, "Retard d'autobus", 10, ""],
    ["s-1001", "2026-11-17", "", "absent", true, "Maladie", "", ""],
    ["s-1001", "2026-10-06", "", "absent", true, "Rendez-vous médical", "", ""],
    ["s-1002", "2026-11-23", "1", "late", false, "", 15, "cl-ESP-GISELE-LALONDE-FRA2D-1"],
    ["s-1002", "2026-11-19", "3", "absent", false, "", "", "cl-ESP-GISELE-LALONDE-CHC2D-1"],
    ["s-1002", "2026-10-14", "4", "early_departure", true, "Rendez-vous chez le dentiste", 40, "cl-ESP-GISELE-LALONDE-CHV2O-1"],
    ["s-1003", "2026-11-18", "", "absent", true, "Maladie", "", ""],
    ["s-1003", "2026-11-19", "", "absent", true, "Maladie", "", ""],
    ["s-1004", "2026-11-16", "", "absent", false, "", "", ""],
    ["s-1005", "2026-11-23", "2", "absent", false, "", "", "cl-ESP-OMER-DESLAURIERS-MCR3U-1"],
    ["s-1005", "2026-11-12", "1", "late", true, "Circulation", 20, "cl-ESP-OMER-DESLAURIERS-FRA3U-1"],
    ["s-1007", "2026-11-16", "1", "absent", false, "", "", "cl-ESP-DE-LA-SALLE-FRA4U-1"],
    ["s-1007", "2026-11-16", "2", "absent", false, "", "", "cl-ESP-DE-LA-SALLE-MHF4U-1"],
    ["s-1007", "2026-11-17", "1", "absent", false, "", "", "cl-ESP-DE-LA-SALLE-FRA4U-1"],
    ["s-1007", "2026-11-05", "", "absent", true, "Raison familiale", "", ""],
    ["s-1009", "2026-11-23", "1", "late", true, "Rendez-vous médical", 25, "cl-EESP-CARREFOUR-JEUNESSE-FRA1D-1"],
    ["s-1011", "2026-11-18", "4", "early_departure", true, "Compétition sportive", 75, "cl-ESP-LOUIS-RIEL-ENG3U-1"],
    ["s-1014", "2026-11-17", "1", "late", false, "", 5, ""],
    ["s-1015", "2026-10-29", "", "absent", true, "Raison familiale", "", ""],
    ["s-1013", "2026-11-24", "", "absent", true, "Maladie (appel du parent)", "", ""],
  ],
);

// ── Credits and OSSD progress (secondary students).
write(
  "diplomaRequirements.csv",
  ["code", "title", "totalCredits", "compulsoryCredits", "communityHours", "literacyRequired"],
  [["OSSD", "Diplôme d'études secondaires de l'Ontario (DESO)", 30, 18, 40, true]],
);
const schoolOf = (id: string) => CHILDREN.find((c) => c.id === id)!.school;
write(
  "credits.csv",
  ["studentSourcedId", "courseCode", "courseTitle", "value", "mark", "schoolYear", "compulsoryCategory", "schoolCode"],
  Object.entries(PAST_CREDITS).flatMap(([sid, years]) =>
    years.flatMap(({ year, courses }) =>
      courses.map(([code, title, cat], i) => [
        sid,
        code,
        title,
        code === "CHV2O" || code === "GLC2O" ? 0.5 : 1,
        68 + ((i * 7 + sid.charCodeAt(5)) % 27),
        year,
        cat,
        sid === "s-1011" && year !== "2025-2026" ? "ESP-GISELE-LALONDE" : schoolOf(sid),
      ]),
    ),
  ),
);
write(
  "diplomaProgress.csv",
  ["studentSourcedId", "diplomaCode", "communityHours", "literacyStatus", "literacyDate"],
  Object.entries(DIPLOMA_PROGRESS).map(([sid, [h, lit, d]]) => [sid, "OSSD", h, lit, d]),
);

// ── Report cards: the file name is computed by the importer (seed 2's convention).
const reportRows: Cell[][] = [];
for (const c of CHILDREN) {
  const sec = isSecondaryGrade(c.grade);
  if (c.grade === "SK") {
    reportRows.push([
      `rc-${c.id}-2627-1`,
      c.id,
      "Relevé des apprentissages de la maternelle et du jardin d'enfants",
      "2026-2027",
      "Rapport initial",
      "2026-11-12",
    ]);
    continue;
  }
  reportRows.push([
    `rc-${c.id}-2627-1`,
    c.id,
    sec ? "Bulletin de mi-semestre" : "Bulletin de progrès",
    "2026-2027",
    sec ? "Semestre 1" : "Étape 1",
    sec ? "2026-11-13" : "2026-11-12",
  ]);
  if (c.grade !== "01" && c.grade !== "09")
    reportRows.push([
      `rc-${c.id}-2526-f`,
      c.id,
      sec ? "Bulletin final" : "Bulletin scolaire de juin",
      "2025-2026",
      sec ? "Semestre 2" : "Étape 2",
      "2026-06-26",
    ]);
}
write("reportCards.csv", ["sourcedId", "studentSourcedId", "reportName", "schoolYear", "term", "publishedAt"], reportRows);

// ── Documents and forms: for a whole school, or for one child.
write(
  "documents.csv",
  ["sourcedId", "kind", "title", "fileName", "studentSourcedId", "schoolCode", "dueDate", "publishedAt"],
  [
    [
      "doc-mc-photos",
      "consent",
      "Consentement — photos et vidéos 2026-2027",
      "Consentement_photos_2026-2027.pdf",
      "",
      "EEP-MARIE-CURIE",
      "2026-09-30",
      "2026-09-08",
    ],
    [
      "doc-js-sortie",
      "permission",
      "Autorisation — sortie au Musée des sciences et de la technologie",
      "Autorisation_sortie_musee_4e.pdf",
      "s-1001",
      "EEP-JEANNE-SAUVE",
      "2026-11-26",
      "2026-11-16",
    ],
    [
      "doc-gl-ski",
      "permission",
      "Autorisation — journée de ski au mont Cascades",
      "Autorisation_ski_2027.pdf",
      "",
      "ESP-GISELE-LALONDE",
      "2026-12-11",
      "2026-11-20",
    ],
    [
      "doc-cj-medical",
      "form",
      "Formulaire de renseignements médicaux",
      "Renseignements_medicaux.pdf",
      "",
      "EESP-CARREFOUR-JEUNESSE",
      "2026-09-25",
      "2026-09-08",
    ],
    [
      "doc-dls-diplome",
      "letter",
      "Lettre — exigences du diplôme à compléter",
      "Lettre_exigences_diplome_Cote.pdf",
      "s-1007",
      "ESP-DE-LA-SALLE",
      "",
      "2026-11-06",
    ],
    [
      "doc-jp-consent",
      "consent",
      "Consentement — utilisation des outils numériques",
      "Consentement_outils_numeriques.pdf",
      "",
      "EEP-JULIE-PAYETTE",
      "2026-10-02",
      "2026-09-08",
    ],
    [
      "doc-omer-form",
      "form",
      "Formulaire — choix de cours 2027-2028",
      "Choix_de_cours_2027-2028.pdf",
      "s-1005",
      "ESP-OMER-DESLAURIERS",
      "2027-02-12",
      "2026-11-23",
    ],
  ],
);

// ── Enrolment history: everyone's current school; a few school changes.
const history: Cell[][] = CHILDREN.map((c) => [
  c.id,
  c.school,
  c.grade,
  c.id === "s-1011" ? "2025-09-02" : c.id === "s-1002" ? "2025-09-02" : c.id === "s-1008" ? "2025-09-02" : YEAR_START,
  "",
  "Inscription",
]);
history.push(
  ["s-1011", "ESP-GISELE-LALONDE", "09", "2024-09-03", "2025-06-26", "Déménagement"],
  ["s-1002", "EEP-JEANNE-SAUVE", "08", "2018-09-04", "2025-06-26", "Passage au secondaire"],
  ["s-1008", "EEP-MARIE-CURIE", "06", "2017-09-05", "2025-06-26", "Passage au secondaire"],
);
write("enrolmentHistory.csv", ["studentSourcedId", "schoolCode", "grade", "startDate", "endDate", "reason"], history);
console.log(`demo export written to ${OUT}`);
