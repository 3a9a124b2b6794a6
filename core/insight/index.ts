// Insight for the help centre and the board (figures, CSV) and « teach the assistant » (questions it could
// not answer, intent corrections, the labelled export). Agents and admins only (staff.forbidden otherwise).
export { getInsight, insightCsv, type Insight, type SchoolFigures } from "./get-insight";
export {
  recordAssistantQuestion,
  listUnansweredQuestions,
  correctQuestionIntent,
  exportIntentCorrections,
  maskQuestionText,
  questionOutcome,
  LOW_CONFIDENCE,
  type RecordAssistantQuestionOptions,
  type UnansweredQuestion,
  type QuestionOutcome,
} from "./assistant-questions";
export { requireCentralStaff } from "./staff-roles";
