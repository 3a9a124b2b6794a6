// The demo's fictional families (prisma/demo/README.md says what each one demonstrates). build-demo.ts
// turns them into the export's CSV files; nothing here is read at run time.

export interface DemoChild {
  id: string;
  given: string;
  family: string;
  grade: string;
  school: string;
  birth: string;
  oen: string;
  sex: "female" | "male";
}

export interface DemoGuardian {
  id: string;
  given: string;
  family: string;
  email: string;
  phone: string;
  civic: string;
  street: string;
  city: string;
  postal: string;
  lang: "fr" | "en";
  role: "parent" | "guardian";
  /** children: [student id, relationship, portalAccess] */
  children: [string, string, boolean][];
  /** true: the link is written on the student's row (student → parent), to show both directions. */
  linkFromStudent?: boolean;
}

export const CHILDREN: DemoChild[] = [
  {
    id: "s-1001",
    given: "Léa",
    family: "Tremblay",
    grade: "04",
    school: "EEP-JEANNE-SAUVE",
    birth: "2017-03-14",
    oen: "312450781",
    sex: "female",
  },
  {
    id: "s-1002",
    given: "Mathéo",
    family: "Tremblay",
    grade: "10",
    school: "ESP-GISELE-LALONDE",
    birth: "2011-06-02",
    oen: "312450799",
    sex: "male",
  },
  {
    id: "s-1003",
    given: "Zoé",
    family: "Gagnon",
    grade: "02",
    school: "EEP-MARIE-CURIE",
    birth: "2019-01-22",
    oen: "325871406",
    sex: "female",
  },
  {
    id: "s-1004",
    given: "Émile",
    family: "Gagnon",
    grade: "06",
    school: "EEP-MARIE-CURIE",
    birth: "2015-09-30",
    oen: "325871414",
    sex: "male",
  },
  {
    id: "s-1005",
    given: "Noah",
    family: "Smith",
    grade: "11",
    school: "ESP-OMER-DESLAURIERS",
    birth: "2010-04-18",
    oen: "338104257",
    sex: "male",
  },
  {
    id: "s-1006",
    given: "Emma",
    family: "Smith",
    grade: "03",
    school: "EEP-JULIE-PAYETTE",
    birth: "2018-08-05",
    oen: "338104265",
    sex: "female",
  },
  {
    id: "s-1007",
    given: "Noémie",
    family: "Côté",
    grade: "12",
    school: "ESP-DE-LA-SALLE",
    birth: "2009-02-11",
    oen: "341962030",
    sex: "female",
  },
  {
    id: "s-1008",
    given: "Chloé",
    family: "Côté",
    grade: "07",
    school: "ESP-DE-LA-SALLE",
    birth: "2014-05-27",
    oen: "341962048",
    sex: "female",
  },
  {
    id: "s-1009",
    given: "Félix",
    family: "Bouchard",
    grade: "09",
    school: "EESP-CARREFOUR-JEUNESSE",
    birth: "2012-10-09",
    oen: "356207119",
    sex: "male",
  },
  {
    id: "s-1010",
    given: "Rosalie",
    family: "Bouchard",
    grade: "01",
    school: "EESP-CARREFOUR-JEUNESSE",
    birth: "2020-02-17",
    oen: "356207127",
    sex: "female",
  },
  {
    id: "s-1011",
    given: "Gabriel",
    family: "Lavoie",
    grade: "11",
    school: "ESP-LOUIS-RIEL",
    birth: "2010-07-23",
    oen: "367015582",
    sex: "male",
  },
  {
    id: "s-1012",
    given: "Alice",
    family: "Lavoie",
    grade: "03",
    school: "EEP-MARIE-CURIE",
    birth: "2018-11-12",
    oen: "367015590",
    sex: "female",
  },
  {
    id: "s-1013",
    given: "Juliette",
    family: "Pelletier",
    grade: "SK",
    school: "EEP-JULIE-PAYETTE",
    birth: "2021-06-19",
    oen: "379440216",
    sex: "female",
  },
  {
    id: "s-1014",
    given: "Olivier",
    family: "Pelletier",
    grade: "05",
    school: "EEP-JULIE-PAYETTE",
    birth: "2016-12-01",
    oen: "379440224",
    sex: "male",
  },
  {
    id: "s-1015",
    given: "Béatrice",
    family: "Morin",
    grade: "08",
    school: "EEP-DES-SENTIERS",
    birth: "2013-04-04",
    oen: "384529663",
    sex: "female",
  },
  {
    id: "s-1016",
    given: "Samuel",
    family: "Morin",
    grade: "12",
    school: "ESP-GISELE-LALONDE",
    birth: "2009-09-15",
    oen: "384529671",
    sex: "male",
  },
];

export const GUARDIANS: DemoGuardian[] = [
  {
    id: "g-2001",
    given: "Marie",
    family: "Tremblay",
    email: "marie.tremblay@exemple.ca",
    phone: "613-555-0142",
    civic: "2445",
    street: "boulevard Saint-Joseph",
    city: "Orléans",
    postal: "K1C 1E8",
    lang: "fr",
    role: "parent",
    children: [
      ["s-1001", "mother", true],
      ["s-1002", "mother", true],
    ],
  },
  {
    id: "g-2002",
    given: "Martin",
    family: "Tremblay",
    email: "martin.tremblay@exemple.ca",
    phone: "613-555-0143",
    civic: "2445",
    street: "boulevard Saint-Joseph",
    city: "Orléans",
    postal: "K1C 1E8",
    lang: "fr",
    role: "parent",
    children: [
      ["s-1001", "father", true],
      ["s-1002", "father", true],
    ],
    linkFromStudent: true,
  },
  {
    id: "g-2003",
    given: "Julie",
    family: "Gagnon",
    email: "julie.gagnon@exemple.ca",
    phone: "613-555-0178",
    civic: "118",
    street: "rue Lisgar",
    city: "Ottawa",
    postal: "K2P 0C2",
    lang: "fr",
    role: "parent",
    children: [
      ["s-1003", "mother", true],
      ["s-1004", "mother", false],
    ],
  },
  {
    id: "g-2004",
    given: "Marc",
    family: "Gagnon",
    email: "marc.gagnon@exemple.ca",
    phone: "613-555-0179",
    civic: "57",
    street: "avenue Fairmont",
    city: "Ottawa",
    postal: "K1Y 1X5",
    lang: "fr",
    role: "parent",
    children: [
      ["s-1003", "father", true],
      ["s-1004", "father", true],
    ],
  },
  {
    id: "g-2005",
    given: "Sarah",
    family: "Smith",
    email: "sarah.smith@example.com",
    phone: "613-555-0211",
    civic: "31",
    street: "Hazeldean Road",
    city: "Kanata",
    postal: "K2M 2V2",
    lang: "en",
    role: "parent",
    children: [
      ["s-1005", "mother", true],
      ["s-1006", "mother", true],
    ],
  },
  {
    id: "g-2006",
    given: "Isabelle",
    family: "Côté",
    email: "isabelle.cote@exemple.ca",
    phone: "613-555-0236",
    civic: "890",
    street: "promenade Riverside",
    city: "Ottawa",
    postal: "K1H 7Z3",
    lang: "fr",
    role: "parent",
    children: [
      ["s-1007", "mother", true],
      ["s-1008", "mother", true],
    ],
  },
  {
    id: "g-2007",
    given: "Stéphane",
    family: "Bouchard",
    email: "stephane.bouchard@exemple.ca",
    phone: "613-555-0264",
    civic: "1520",
    street: "rue Laurier",
    city: "Rockland",
    postal: "K4K 1C4",
    lang: "fr",
    role: "parent",
    children: [
      ["s-1009", "father", true],
      ["s-1010", "father", true],
    ],
    linkFromStudent: true,
  },
  {
    id: "g-2008",
    given: "Karine",
    family: "Lavoie",
    email: "karine.lavoie@exemple.ca",
    phone: "613-555-0287",
    civic: "77",
    street: "rue Cobourg",
    city: "Ottawa",
    postal: "K1N 8H6",
    lang: "fr",
    role: "guardian",
    children: [
      ["s-1011", "guardian", true],
      ["s-1012", "guardian", true],
    ],
  },
  {
    id: "g-2009",
    given: "Sophie",
    family: "Pelletier",
    email: "sophie.pelletier@exemple.ca",
    phone: "613-555-0305",
    civic: "402",
    street: "promenade Terry-Fox",
    city: "Kanata",
    postal: "K2K 0L1",
    lang: "fr",
    role: "parent",
    children: [
      ["s-1013", "mother", true],
      ["s-1014", "mother", true],
    ],
  },
  {
    id: "g-2010",
    given: "Éric",
    family: "Nguyen",
    email: "eric.nguyen@exemple.ca",
    phone: "613-555-0306",
    civic: "402",
    street: "promenade Terry-Fox",
    city: "Kanata",
    postal: "K2K 0L1",
    lang: "fr",
    role: "parent",
    children: [
      ["s-1013", "father", true],
      ["s-1014", "father", true],
    ],
  },
  {
    id: "g-2011",
    given: "Nathalie",
    family: "Morin",
    email: "nathalie.morin@exemple.ca",
    phone: "613-555-0331",
    civic: "665",
    street: "avenue Jeanne-d'Arc",
    city: "Orléans",
    postal: "K1E 2L6",
    lang: "fr",
    role: "parent",
    children: [
      ["s-1015", "mother", true],
      ["s-1016", "mother", true],
    ],
  },
];

/** Secondary courses by grade: [code, title, compulsory category]. */
export const COURSES_BY_GRADE: Record<string, [string, string, string][]> = {
  "09": [
    ["FRA1D", "Français", "FRA"],
    ["MTH1W", "Mathématiques", "MAT"],
    ["SNC1W", "Sciences", "SCI"],
    ["CGC1D", "Enjeux géographiques du Canada", "CGC"],
  ],
  "10": [
    ["FRA2D", "Français", "FRA"],
    ["MPM2D", "Principes de mathématiques", "MAT"],
    ["CHC2D", "Histoire du Canada depuis la Première Guerre mondiale", "CHC"],
    ["CHV2O", "Civisme et citoyenneté", "CHV"],
  ],
  "11": [
    ["FRA3U", "Français", "FRA"],
    ["MCR3U", "Fonctions", "MAT"],
    ["SBI3U", "Biologie", "SCI"],
    ["ENG3U", "English", "ENG"],
  ],
  "12": [
    ["FRA4U", "Français", "FRA"],
    ["MHF4U", "Fonctions avancées", "MAT"],
    ["ENG4U", "English", "ENG"],
    ["SCH4U", "Chimie", ""],
  ],
};

/** Credits earned in past years (secondary students), by student: [course code, title, category, year, mark]. */
const G9: [string, string, string][] = [
  ["FRA1D", "Français", "FRA"],
  ["MTH1W", "Mathématiques", "MAT"],
  ["SNC1W", "Sciences", "SCI"],
  ["CGC1D", "Enjeux géographiques du Canada", "CGC"],
  ["ENG1D", "English", "ENG"],
  ["AVI1O", "Arts visuels", "ART"],
  ["PPL1O", "Vie active et santé", "PPL"],
  ["FSF1D", "Anglais pour débutants", ""],
];
const G10: [string, string, string][] = [
  ["FRA2D", "Français", "FRA"],
  ["MPM2D", "Principes de mathématiques", "MAT"],
  ["SNC2D", "Sciences", "SCI"],
  ["CHC2D", "Histoire du Canada", "CHC"],
  ["ENG2D", "English", "ENG"],
  ["CHV2O", "Civisme et citoyenneté", "CHV"],
  ["GLC2O", "Exploration de carrière", "GLC"],
  ["TIJ1O", "Technologie", ""],
];
const G11: [string, string, string][] = [
  ["FRA3U", "Français", "FRA"],
  ["MCR3U", "Fonctions", "MAT"],
  ["SBI3U", "Biologie", "SCI"],
  ["ENG3U", "English", "ENG"],
  ["HSP3U", "Anthropologie, psychologie et sociologie", ""],
  ["PPL3O", "Vie active et santé", ""],
  ["AMU3M", "Musique", ""],
  ["ICS3U", "Informatique", ""],
];

export const PAST_CREDITS: Record<string, { year: string; courses: [string, string, string][] }[]> = {
  "s-1002": [{ year: "2025-2026", courses: G9 }],
  "s-1005": [
    { year: "2024-2025", courses: G9 },
    { year: "2025-2026", courses: G10 },
  ],
  "s-1011": [
    { year: "2024-2025", courses: G9 },
    { year: "2025-2026", courses: G10 },
  ],
  // Noémie: history and English missing, a short year — she is behind (the « missing compulsory » case).
  "s-1007": [
    { year: "2023-2024", courses: G9.filter(([c]) => c !== "ENG1D") },
    { year: "2024-2025", courses: G10.filter(([c]) => c !== "CHC2D" && c !== "ENG2D") },
    { year: "2025-2026", courses: G11.slice(0, 6).filter(([c]) => c !== "ENG3U") },
  ],
  "s-1016": [
    { year: "2023-2024", courses: G9 },
    { year: "2024-2025", courses: G10 },
    { year: "2025-2026", courses: G11 },
  ],
};

/** OSSD progress: [community hours, literacy status, literacy date]. */
export const DIPLOMA_PROGRESS: Record<string, [number, string, string]> = {
  "s-1002": [10, "NOT_ATTEMPTED", ""],
  "s-1005": [25, "PASSED", "2026-04-14"],
  "s-1007": [15, "NOT_PASSED", "2025-04-15"],
  "s-1009": [0, "NOT_ATTEMPTED", ""],
  "s-1011": [30, "PASSED", "2026-04-14"],
  "s-1016": [55, "PASSED", "2025-04-15"],
};
