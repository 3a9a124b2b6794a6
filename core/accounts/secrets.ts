// Passwords, secret answers, tokens and codes: hashing, checking, generating.
// bcryptjs (cost 10) for what people choose; SHA-256 for long random tokens; HMAC for short codes.
import crypto from "node:crypto";
import bcrypt from "bcryptjs";
import { foldAnswer } from "../util/text";
import { ACCOUNT_POLICY } from "./account-policy";
import { accountError } from "./account-error";
import { isSecretQuestionId } from "./secret-questions";

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, ACCOUNT_POLICY.bcryptCost);
}

// A real hash of a throwaway value: comparing against it costs the same time as a real check, so an unknown
// email answers as slowly as a known one.
const DUMMY_HASH = bcrypt.hashSync(crypto.randomBytes(16).toString("hex"), ACCOUNT_POLICY.bcryptCost);

// bcrypt reads 72 bytes at most; 256 UTF-16 units always cover them. Cutting before bcrypt changes no answer
// and keeps a multi-megabyte « password » from costing more than a normal one.
const MAX_COMPARED_CHARS = 256;

/** Checks `clear` against `hash`; with no hash, spends the same time and says no. */
export async function checkHash(clear: string, hash: string | null | undefined): Promise<boolean> {
  const text = typeof clear === "string" ? clear.slice(0, MAX_COMPARED_CHARS) : "";
  if (!hash) {
    await bcrypt.compare(text, DUMMY_HASH);
    return false;
  }
  return bcrypt.compare(text, hash);
}

/** The secret answer is folded (case, accents, spaces, punctuation) before hashing and before comparing. */
export function hashSecretAnswer(answer: string): Promise<string> {
  return bcrypt.hash(foldAnswer(answer), ACCOUNT_POLICY.bcryptCost);
}

export function checkSecretAnswer(answer: string, hash: string | null | undefined): Promise<boolean> {
  return checkHash(foldAnswer(answer), hash);
}

/**
 * Password policy: at least 8 characters, at least one letter and one digit, at most 72 bytes (bcrypt's limit).
 * Throws the first rule broken, each with its own message.
 */
export function assertPasswordPolicy(password: string): void {
  const { minLength, maxBytes } = ACCOUNT_POLICY.password;
  if ([...password].length < minLength) throw accountError("password_too_short", { params: { min: minLength } });
  if (Buffer.byteLength(password, "utf8") > maxBytes) throw accountError("password_too_long", { params: { max: maxBytes } });
  if (!/\p{L}/u.test(password)) throw accountError("password_needs_letter");
  if (!/\p{N}/u.test(password)) throw accountError("password_needs_digit");
}

/** A question id from the portal's list (secret-questions.ts), and an answer long enough once folded. */
export function assertSecretQuestion(questionId: string, answer: string): { questionId: string } {
  const id = typeof questionId === "string" ? questionId.trim() : "";
  if (!isSecretQuestionId(id)) throw accountError("secret_question_invalid");
  if (
    typeof answer !== "string" ||
    foldAnswer(answer).length < ACCOUNT_POLICY.secretAnswer.minFoldedLength ||
    answer.length > ACCOUNT_POLICY.secretAnswer.maxLength
  ) {
    throw accountError("secret_answer_too_short", { params: { min: ACCOUNT_POLICY.secretAnswer.minFoldedLength } });
  }
  return { questionId: id };
}

// No 0/O/o, 1/l/I: the parent types the temporary password from an email (« tapé exactement tel qu'il apparaît »).
const LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz";
const DIGITS = "23456789";
const SYMBOLS = "!#$%*+=?@";

function randomFrom(alphabet: string): string {
  return alphabet[crypto.randomInt(alphabet.length)];
}

/** 12 characters from an unambiguous alphabet, with at least one letter, one digit and one symbol. */
export function generateTemporaryPassword(length: number = ACCOUNT_POLICY.temporaryPasswordLength): string {
  const all = LETTERS + DIGITS + SYMBOLS;
  const chars = [randomFrom(LETTERS), randomFrom(DIGITS), randomFrom(SYMBOLS)];
  while (chars.length < length) chars.push(randomFrom(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join("");
}

/** A link token: 32 random bytes, base64url. */
export function generateToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

export function sha256(value: string): string {
  return crypto.createHash("sha256").update(value).digest("hex");
}

/** A 6-digit code, leading zeros kept. */
export function generateNumericCode(): string {
  return String(crypto.randomInt(0, 1_000_000)).padStart(6, "0");
}

/** Constant-time equality of two hex digests. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && x.length > 0 && crypto.timingSafeEqual(x, y);
}
