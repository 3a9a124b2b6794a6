// « aide », « annuler », « menu », « déconnexion » (and English): recognised only when they are the whole
// message (a sentence that contains « aide » is a question, not a command).
import { foldText } from "../core";

export type Interruption = "help" | "cancel" | "menu" | "signOut";

const WORDS: Record<string, Interruption> = {
  aide: "help",
  "a l aide": "help",
  help: "help",
  "?": "help",
  annuler: "cancel",
  annule: "cancel",
  annulez: "cancel",
  cancel: "cancel",
  stop: "cancel",
  arreter: "cancel",
  "laisse faire": "cancel",
  menu: "menu",
  "menu principal": "menu",
  "main menu": "menu",
  accueil: "menu",
  deconnexion: "signOut",
  deconnecter: "signOut",
  "me deconnecter": "signOut",
  "se deconnecter": "signOut",
  "sign out": "signOut",
  signout: "signOut",
  "log out": "signOut",
  logout: "signOut",
};

export function interruptionOf(text: string | undefined): Interruption | null {
  if (!text || text.length > 40) return null;
  const folded = foldText(text)
    .replace(/[^a-z0-9?]+/g, " ")
    .trim();
  return WORDS[folded] ?? WORDS[folded.replace(/\?$/, "").trim()] ?? null;
}
