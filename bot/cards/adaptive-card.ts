// Small builders for Adaptive Cards 1.5 as plain data (STYLE: cards are data, never markup in a dialog step).
// Every card travels with its plain-text form, for the terminal and channels without cards.

export type CardElement = Record<string, unknown>;

export interface Reply {
  /** The whole answer as plain text (terminal, email, screen readers' fallback). */
  text: string;
  /** The same answer as an Adaptive Card, for Web Chat and Teams. */
  card?: CardElement;
}

export const textBlock = (text: string, o: { weight?: "Bolder"; size?: "Medium" | "Small"; isSubtle?: boolean } = {}): CardElement => ({
  type: "TextBlock",
  text,
  wrap: true,
  ...o,
});

export const factSet = (facts: { title: string; value: string }[]): CardElement => ({ type: "FactSet", facts });

export function adaptiveCard(body: CardElement[], actions: CardElement[] = []): CardElement {
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body,
    ...(actions.length ? { actions } : {}),
  };
}

export const openUrlAction = (title: string, url: string): CardElement => ({ type: "Action.OpenUrl", title, url });

/** A submit button: its data comes back as the activity's value (`{ ap: …, … }`). */
export const submitAction = (title: string, data: Record<string, unknown>): CardElement => ({ type: "Action.Submit", title, data });

/** A titled list: the shape of most record answers (report cards, documents, enrolment, details). */
export function listReply(
  title: string,
  lines: string[],
  opts: { footer?: string; actions?: CardElement[]; facts?: { title: string; value: string }[] } = {},
): Reply {
  const text = [
    title,
    ...lines.map((l) => `- ${l}`),
    ...(opts.facts ?? []).map((f) => `- ${f.title} : ${f.value}`),
    ...(opts.footer ? [opts.footer] : []),
  ].join("\n");
  const body: CardElement[] = [textBlock(title, { weight: "Bolder", size: "Medium" })];
  if (lines.length) body.push(...lines.map((l) => textBlock(`• ${l}`)));
  if (opts.facts?.length) body.push(factSet(opts.facts));
  if (opts.footer) body.push(textBlock(opts.footer, { isSubtle: true, size: "Small" }));
  return { text, card: adaptiveCard(body, opts.actions) };
}

/** The same reply with a first line before it (a confirmation above the updated list). */
export function prependLine(line: string, reply: Reply): Reply {
  const card = reply.card
    ? { ...reply.card, body: [textBlock(line, { weight: "Bolder" }), ...((reply.card.body as CardElement[] | undefined) ?? [])] }
    : undefined;
  return { text: `${line}\n${reply.text}`, ...(card ? { card } : {}) };
}
