// Sending one message: its images are uploaded first (once: their ids are kept on the draft), then the
// message goes with the draft's client_message_id, the same on every retry, so the server answers a
// resend with the first message instead of making a second.
import { call, post } from '../api.js';
import { CHAT_API } from './chat-common.js';

/** draft: {client_message_id, text, reply_to_id, files, media_ids}; answers the message as sent. */
export async function sendDraft(base, draft) {
  if (draft.files.length && !draft.media_ids) {
    const uploaded = [];
    for (const file of draft.files) {
      const form = new FormData();
      form.append('file', file);
      uploaded.push((await call(`${CHAT_API}/media`, { method: 'POST', form })).data.id);
    }
    draft.media_ids = uploaded;
  }
  const json = { client_message_id: draft.client_message_id };
  if (draft.text) json.text = draft.text;
  if (draft.reply_to_id) json.reply_to_id = draft.reply_to_id;
  if (draft.media_ids) json.media_ids = draft.media_ids;
  return post(`${base}/messages`, json);
}
