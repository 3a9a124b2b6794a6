/** Issue 13: in scope or not by what the request is about, calibrated confidence, secondary requests, mixed languages. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { classify, CLARIFY_BELOW, CALIBRATION, runnerUpOffer, type IntentId } from "../../core/nlu";
import { getModel } from "../../core/nlu/classifier";
import { doubtful } from "../../core/nlu/posterior";
import { evaluateJsonl, formatReport } from "../../core/nlu/evaluate";

describe("out of scope: the portal's words in another sense", () => {
  it.each([
    "j'ai oublié mon mot de passe gmail",
    "mon compte Hydro Ottawa est bloqué",
    "c'est quoi l'horaire de la ligue de soccer cet été",
    "le bulletin météo de demain",
    "est-ce que j'ai droit à des crédits d'impôt pour le camp d'été",
    "how do I pay my property taxes online",
    "my daughter can't sign in to her Microsoft Teams account for online class",
    "can you help me write a letter to my landlord",
  ])("%s → none", (text) => {
    expect(classify(text).intent).toBe("none");
  });

  it.each([
    ["j'ai oublié mon mot de passe du portail", "account.password_reset"],
    ["l'horaire de ma fille pour demain", "records.schedule"],
    ["le bulletin de Léa est pas là", "records.report_card"],
    ["combien de crédits il manque à mon fils", "records.credits"],
    ["I need last year's report card for her college application", "records.report_card"],
  ])("%s → %s (still ours)", (text, intent) => {
    expect(classify(text).intent).toBe(intent);
  });

  it("a child's first name given by the caller is a context signal", () => {
    const c = classify("Zorglub est où cette semaine", { children: ["Zorglub"] });
    expect(typeof c.confidence).toBe("number");
    expect(classify("").also).toEqual([]);
  });
});

describe("calibration", () => {
  it("the model and calibration.json carry the same calibration; the threshold is a probability", () => {
    expect(getModel().calibration).toEqual(CALIBRATION);
    expect(CLARIFY_BELOW).toBeGreaterThan(0.2);
    expect(CLARIFY_BELOW).toBeLessThan(0.95);
  });

  it("a doubtful portal answer is capped between the clarification threshold and 0.8", () => {
    const model = getModel();
    expect(CALIBRATION.doubtCap).toBeGreaterThanOrEqual(CLARIFY_BELOW);
    expect(CALIBRATION.doubtCap).toBeLessThan(0.8);
    const none = model.intents.indexOf("none");
    const portal = model.intents.indexOf("records.schedule");
    const probs = new Float64Array(model.intents.length);
    probs[portal] = 0.97;
    probs[none] = 0.03; // the detector is not sure enough that the message is ours
    expect(doubtful(model, probs, portal, -2)).toBe(true);
    probs[none] = 0.001;
    expect(doubtful(model, probs, portal, -2)).toBe(false);
    expect(doubtful(model, probs, portal, 0.5)).toBe(true); // the intent model's own `none` logit is its largest
    expect(doubtful(model, probs, portal, -2, 3, 6)).toBe(true); // half of the words never seen in training
    expect(doubtful(model, probs, none, 1)).toBe(false); // `none` itself is never capped
  });

  it("an out-of-scope answer offers its runner-up only when it is a portal request probable enough", () => {
    const t = CALIBRATION.offerRunnerUpAbove;
    expect(t).toBeGreaterThan(0);
    expect(t).toBeLessThanOrEqual(0.5);
    const none = (intent: IntentId, confidence: number) => ({ intent: "none" as const, confidence: 0.8, runnerUp: { intent, confidence } });
    expect(runnerUpOffer(none("account.password_reset", t))).toBe("account.password_reset");
    expect(runnerUpOffer(none("account.password_reset", t - 0.01))).toBeNull();
    // Not requests, and `human`: the out-of-scope answer already gives the help centre's contact.
    for (const other of ["greeting", "thanks", "goodbye", "cancel", "help", "human"] as const)
      expect(runnerUpOffer(none(other, 0.4))).toBeNull();
    // No known word at all (confidence 0): the runner-up is only the character n-grams' guess.
    expect(runnerUpOffer({ ...none("account.password_reset", 0.4), confidence: 0 })).toBeNull();
    // A portal answer never offers its runner-up this way (below CLARIFY_BELOW the bot asks instead).
    expect(
      runnerUpOffer({ intent: "records.schedule", confidence: 0.6, runnerUp: { intent: "records.attendance", confidence: 0.4 } }),
    ).toBeNull();
  });
});

describe("secondary requests", () => {
  it.each([
    ["le bulletin de Léa et son horaire", "records.report_card", "records.schedule"],
    [
      "I forgot my password. Also, I'd like to change my security question afterwards",
      "account.password_reset",
      "account.secret_question_change",
    ],
  ])("%s → %s, also %s", (text, main, second) => {
    const c = classify(text);
    expect(c.intent).toBe(main);
    expect(c.also).toContain(second);
    expect(c.also).not.toContain(main);
  });

  it("a message asking two things is answered with the doubt cap", () => {
    expect(classify("le bulletin de Léa et son horaire").confidence).toBeLessThanOrEqual(CALIBRATION.doubtCap);
  });

  it("a single request has none", () => {
    expect(classify("je veux changer mon mot de passe et je le connais").also).toEqual([]);
    expect(classify("merci").also).toEqual([]);
  });
});

describe("language of mixed and short messages", () => {
  it.each([
    ["est ce que Liam est absent today?", "fr"],
    ["je veux checker le schedule de mon gars", "fr"],
    ["Bonjour, I can't find the report card of my son", "en"],
    ["hi, j'ai oublié mon mot de passe", "fr"],
    ["where is the bulletin of my daughter", "en"],
    ["OSSD progress", "en"],
    ["bye", "fr"],
  ])("%s → %s", (text, lang) => {
    expect(classify(text).lang).toBe(lang);
  });
});

describe("nlu eval report", () => {
  const file = join(__dirname, "..", "fixtures", "nlu", "final-independent.jsonl");
  const report = formatReport(evaluateJsonl(readFileSync(file, "utf8")));

  it("prints the reliability table, per-language accuracy and confident errors, accuracy last", () => {
    expect(report).toContain("reliability (confidence band: accuracy, count)");
    expect(report.some((l) => /^accuracy fr: \d\.\d{3} \(\d+\/\d+\)$/.test(l))).toBe(true);
    expect(report.some((l) => /^errors with confidence >= 0\.8: \d+/.test(l))).toBe(true);
    expect(report[report.length - 1]).toMatch(/^accuracy: \d\.\d{3} \(\d+\/300\)$/);
    const bands = report.filter((l) => /^ {2}\[\d\.\d\d, /.test(l)).map((l) => Number(l.trim().split(/\s+/).pop()));
    expect(bands.reduce((a, b) => a + b, 0)).toBe(300);
  });
});
