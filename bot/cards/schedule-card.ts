// A day of a child's timetable as a card and as text (« Horaire de Léa — mardi 24 novembre »).
import type { SchedulePeriod } from "../../core";
import { adaptiveCard, textBlock, type Reply } from "./adaptive-card";

export interface ScheduleCardInput {
  title: string;
  /** « Jour 2 », a calendar note, or null. */
  subtitle: string | null;
  periods: { label: string; time: string; course: string; where: string }[];
  /** When the day has no classes. */
  empty: string | null;
  footer: string | null;
}

export function scheduleCard(input: ScheduleCardInput): Reply {
  const lines = input.periods.map((p) => `${p.label} · ${p.time} · ${p.course}${p.where ? ` · ${p.where}` : ""}`);
  const text = [
    input.title,
    ...(input.subtitle ? [input.subtitle] : []),
    ...lines.map((l) => `- ${l}`),
    ...(input.empty ? [input.empty] : []),
    ...(input.footer ? [input.footer] : []),
  ].join("\n");
  const body = [textBlock(input.title, { weight: "Bolder", size: "Medium" })];
  if (input.subtitle) body.push(textBlock(input.subtitle, { isSubtle: true }));
  // One block per period (its label and hours in bold, then the course and room): a two-column FactSet squeezed
  // the hours into a narrow column on a 360-px phone (« Bloc 1 (8 / h 45 à 9 h / 35) »).
  for (const p of input.periods) {
    body.push({ ...textBlock(`${p.label} · ${p.time}`, { weight: "Bolder" }), spacing: "Medium" });
    body.push({ ...textBlock(`${p.course}${p.where ? ` · ${p.where}` : ""}`), spacing: "None" });
  }
  if (input.empty) body.push(textBlock(input.empty));
  if (input.footer) body.push(textBlock(input.footer, { isSubtle: true, size: "Small" }));
  return { text, card: adaptiveCard(body) };
}

export type { SchedulePeriod };
