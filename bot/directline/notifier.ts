// In-process news of new activities, so that an open WebSocket pushes a reply the moment it is stored on this
// instance (activities stored by another instance reach it through the stream's fallback poll).
import { EventEmitter } from "node:events";

export class ActivityNotifier {
  private readonly events = new EventEmitter().setMaxListeners(0);

  notify(conversationId: string): void {
    this.events.emit(conversationId);
  }

  subscribe(conversationId: string, listener: () => void): () => void {
    this.events.on(conversationId, listener);
    return () => this.events.off(conversationId, listener);
  }
}
