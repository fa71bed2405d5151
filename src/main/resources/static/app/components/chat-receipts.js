// How far the others in a conversation have read and received, from /receipts (null where someone keeps
// their receipts private), kept up to date by chat.read and chat.delivered events (groups past the server's
// live-receipts size get none, so the conversation reads /receipts again when a message comes).
import { get } from '../api.js';
import { app } from '../context.js';
import { t, tn } from '../i18n.js';
import { compareIds } from './chat-common.js';

export class ReadState {
  constructor(base, group) {
    this.base = base;
    this.group = group;
    this.receipts = [];
  }

  async load() {
    this.receipts = await get(`${this.base}/receipts`);
  }

  /** A chat.read or chat.delivered entry from someone else. */
  apply(entry) {
    const field = entry.type === 'chat.read' ? 'last_read_id' : 'last_delivered_id';
    let found = this.receipts.find((r) => r.account_id === entry.payload.account_id);
    if (!found) {
      found = { account_id: entry.payload.account_id, last_read_id: null, last_delivered_id: null };
      this.receipts.push(found);
    }
    found[field] = entry.payload[field];
    // Reading implies having received.
    if (field === 'last_read_id' && !found.last_delivered_id) found.last_delivered_id = found.last_read_id;
  }

  /** 'seen' (by everyone in a direct conversation, by anyone in a group), 'delivered' or null. */
  of(message) {
    const reached = (field) => this.others().filter((r) => r[field] && compareIds(r[field], message.id) >= 0);
    const others = this.others();
    const seen = reached('last_read_id').length;
    if (others.length && (seen === others.length || (this.group && seen > 0))) return 'seen';
    return reached('last_delivered_id').length ? 'delivered' : null;
  }

  label(message) {
    if (!this.group) return t('app.chat.seen');
    return tn('app.chat.seen_by', this.others().filter((r) => r.last_read_id && compareIds(r.last_read_id, message.id) >= 0).length);
  }

  others() {
    return this.receipts.filter((r) => r.account_id !== app.me.id);
  }
}
