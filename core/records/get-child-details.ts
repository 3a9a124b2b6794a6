// What the school has on file for a child (the « Détails » tab): address, phones, emergency contacts,
// whether demographics and a photo are on file. The parent sees their own contact details; of the child's
// other guardians only the name and relationship — never their email, phone or address.
import type { CoreContext } from "../context";
import { requireChild } from "./access";
import { dayString } from "./dates";

export interface EmergencyContact {
  name: string;
  relationship: string | null;
  phone: string | null;
}

export interface ChildDetails {
  id: string;
  givenName: string;
  familyName: string;
  preferredName: string | null;
  birthDate: string | null;
  grade: string | null;
  oen: string | null;
  school: { code: string; name: string } | null;
  address: { streetAddress: string | null; city: string | null; postalCode: string | null };
  homePhone: string | null;
  email: string | null;
  emergencyContacts: EmergencyContact[];
  demographicsOnFile: boolean;
  photoOnFile: boolean;
  guardians: {
    givenName: string;
    familyName: string;
    relationship: string | null;
    isYou: boolean;
    email: string | null;
    phone: string | null;
  }[];
}

const detailsSelect = {
  birthDate: true,
  email: true,
  homePhone: true,
  streetAddress: true,
  city: true,
  postalCode: true,
  photoFile: true,
  emergencyContacts: true,
  demographics: true,
  guardians: {
    select: {
      relationship: true,
      guardian: { select: { id: true, givenName: true, familyName: true, email: true, phone: true, account: { select: { id: true } } } },
    },
    orderBy: { guardian: { familyName: "asc" as const } },
  },
} as const;

function str(v: unknown): string | null {
  return typeof v === "string" && v.trim() ? v.trim() : null;
}

/** The SIS gives a JSON array; anything else in it is ignored rather than shown. */
function emergencyContacts(v: unknown): EmergencyContact[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter((c): c is Record<string, unknown> => !!c && typeof c === "object")
    .map((c) => ({ name: str(c.name) ?? "", relationship: str(c.relationship), phone: str(c.phone) }))
    .filter((c) => c.name);
}

function hasContent(v: unknown): boolean {
  if (v === null || v === undefined) return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === "object") return Object.keys(v as object).length > 0;
  return true;
}

export async function getChildDetails(ctx: CoreContext, opts: { accountId: string; childId: string }): Promise<ChildDetails> {
  const child = await requireChild(ctx, opts.accountId, opts.childId);
  const row = await ctx.prisma.student.findUniqueOrThrow({ where: { id: child.id }, select: detailsSelect });
  return {
    id: child.id,
    givenName: child.givenName,
    familyName: child.familyName,
    preferredName: child.preferredName,
    birthDate: row.birthDate ? dayString(row.birthDate) : null,
    grade: child.grade,
    oen: child.oen,
    school: child.school ? { code: child.school.code, name: child.school.name } : null,
    address: { streetAddress: row.streetAddress, city: row.city, postalCode: row.postalCode },
    homePhone: row.homePhone,
    email: row.email,
    emergencyContacts: emergencyContacts(row.emergencyContacts),
    demographicsOnFile: hasContent(row.demographics),
    photoOnFile: !!row.photoFile,
    guardians: row.guardians.map((g) => {
      const isYou = g.guardian.account?.id === opts.accountId;
      return {
        givenName: g.guardian.givenName,
        familyName: g.guardian.familyName,
        relationship: g.relationship,
        isYou,
        email: isYou ? g.guardian.email : null,
        phone: isYou ? g.guardian.phone : null,
      };
    }),
  };
}
