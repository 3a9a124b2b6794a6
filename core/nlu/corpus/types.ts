/**
 * Template syntax of the training corpus: `[a|b|]` picks one option (possibly empty), `{slot}` takes a
 * filler from slots.ts. Each template yields several distinct variants (build-corpus.ts).
 */
import type { IntentId } from "../intents";

export type Templates = Partial<Record<IntentId, { fr: string[]; en: string[] }>>;
