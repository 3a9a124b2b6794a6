/**
 * The Ontario Education Number (OEN, « NISO » in French): nine digits, written 123456789, 123 456 789
 * or 123-456-789. Only a run of exactly nine digits grouped as 9 or 3-3-3 counts, so phone numbers
 * (613-742-8960, 1-888-332-3736), extensions, postal codes and dates never yield one; a number next
 * to « NAS » / "SIN" (social insurance, also nine digits) is refused.
 *
 * The last digit is a check digit (Ministry of Education). The published sources we could consult
 * say « eight digits plus a check digit » without the formula; we compute the Luhn mod-10 rule used
 * by comparable Canadian identifiers and report it as `checkDigitValid` rather than rejecting, until
 * the Ministry's rule is confirmed against real OENs.
 */
import { foldWithMap, originalSpan } from "./fold";

export interface OenMatch {
  /** The nine digits, no separators. */
  oen: string;
  /** 0.5 alone, 0.9 with « NISO » / "OEN" / « numéro d'élève » nearby; +0.05 when the check digit holds. */
  confidence: number;
  checkDigitValid: boolean;
  /** A context word (NISO, OEN, student number…) is near. */
  contextual: boolean;
  text: string;
  span: [number, number];
}

const CONTEXT =
  /\b(niso|oen|ontario education number|numero (d |de l )?(eleve|etudiant|immatriculation|identification)|no (d )?eleve|matricule|student (number|no|id)|education number)\b/;
const SIN_CONTEXT = /\b(nas|sin|assurance sociale|social insurance)\b/;

/** Luhn mod 10 over the nine digits (every second digit from the right doubled). */
export function oenCheckDigitValid(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = +digits[8 - i];
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Every OEN-shaped number in the message, in order. Never throws. */
export function extractOens(text: string): OenMatch[] {
  if (typeof text !== "string") return [];
  const f = foldWithMap(text);
  const s = f.text;
  const out: OenMatch[] = [];
  // Groups of digits joined by one space, dash or dot: linear, no nested quantifiers over the same chars.
  const run = /\d+(?:[ .-]\d+)*/g;
  let m: RegExpExecArray | null;
  while ((m = run.exec(s)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    const groups = m[0].split(/[ .-]/);
    const digits = groups.join("");
    const shapeOk = digits.length === 9 && (groups.length === 1 || (groups.length === 3 && groups.every((g) => g.length === 3)));
    const before = s[start - 1] ?? " ";
    const after = s[end] ?? " ";
    // Glued to letters or to a « + » / « ( » it is some other code or a phone number.
    if (!shapeOk || /[a-z0-9+(]/.test(before) || /[a-z0-9]/.test(after)) continue;
    // Context words belong to the nearest number: in « réf 111222333, NISO 123456789 » only the second.
    const window = s
      .slice(Math.max(0, start - 60), start)
      .replace(/^.*\d/, "")
      .replace(/'/g, " ");
    const after25 = s.slice(end, end + 25);
    const tail = /\d/.test(after25) ? "" : after25.replace(/'/g, " ");
    if (SIN_CONTEXT.test(window) || SIN_CONTEXT.test(tail)) continue;
    const contextual = CONTEXT.test(window) || CONTEXT.test(tail);
    const checkDigitValid = oenCheckDigitValid(digits);
    const span = originalSpan(f, start, end);
    out.push({
      oen: digits,
      confidence: Math.round(((contextual ? 0.9 : 0.5) + (checkDigitValid ? 0.05 : 0)) * 100) / 100,
      checkDigitValid,
      contextual,
      text: text.slice(span[0], span[1]),
      span,
    });
  }
  return out;
}

/** The most likely OEN of the message (highest confidence, then first), or null. */
export function extractOen(text: string): OenMatch | null {
  const all = extractOens(text);
  return all.reduce<OenMatch | null>((best, cur) => (!best || cur.confidence > best.confidence ? cur : best), null);
}
