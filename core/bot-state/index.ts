// The chat bot's state store (conversation and user state, with etags). Error code: state.etag_conflict.
export { readBotState, type BotStateItem } from "./read-bot-state";
export { writeBotState, type BotStateChange } from "./write-bot-state";
export { deleteBotState } from "./delete-bot-state";
