// Reporting from anywhere: a post, an account, an image in a post, a chat message. Every entry point
// dispatches one 'omnia:report' event (detail.kind: 'status' | 'account' | 'media' | 'message'), so screens
// need not import this module; the shell installs the listener, which opens one modal <dialog> that files
// Mastodon's POST /api/v1/reports (with Omnia's media, chat-message and illegal-content parameters) and
// then shows the acknowledgement.
import { call, get } from '../api.js';
import { announce, h, problemBox } from '../dom.js';
import { formatDateTime, t } from '../i18n.js';
import { displayName } from './account.js';

/** Asks the shell to open the report dialog; detail as for the 'omnia:report' event. */
export function requestReport(detail) {
  document.dispatchEvent(new CustomEvent('omnia:report', { detail }));
}

export function installReportListener() {
  document.addEventListener('omnia:report', (event) => openReportDialog(event.detail || {}));
}

/** The report categories, labelled; the keys are Mastodon's. */
export function reportCategories() {
  return [
    ['spam', t('app.report.category.spam'), t('app.report.category.spam_hint')],
    ['legal', t('app.report.category.legal'), t('app.report.category.legal_hint')],
    ['violation', t('app.report.category.violation'), t('app.report.category.violation_hint')],
    ['other', t('app.report.category.other'), t('app.report.category.other_hint')],
  ];
}

/** The DSA illegal-content categories the API accepts with category=legal, labelled. */
export function illegalCategories() {
  return [
    ['child_safety', t('app.report.illegal.child_safety')],
    ['terrorism', t('app.report.illegal.terrorism')],
    ['non_consensual_imagery', t('app.report.illegal.non_consensual_imagery')],
    ['violence', t('app.report.illegal.violence')],
    ['self_harm', t('app.report.illegal.self_harm')],
    ['illegal_hate_speech', t('app.report.illegal.illegal_hate_speech')],
    ['scams_fraud', t('app.report.illegal.scams_fraud')],
    ['privacy_violation', t('app.report.illegal.privacy_violation')],
    ['illegal_products', t('app.report.illegal.illegal_products')],
    ['election_interference', t('app.report.illegal.election_interference')],
    ['illegal_sexual_content', t('app.report.illegal.illegal_sexual_content')],
    ['animal_welfare', t('app.report.illegal.animal_welfare')],
    ['ip_infringement', t('app.report.illegal.ip_infringement')],
  ];
}

export function categoryLabel(key) {
  return (reportCategories().find(([k]) => k === key) || [key, key])[1];
}

export function illegalLabel(key) {
  return (illegalCategories().find(([k]) => k === key) || [key, key])[1];
}

let rulesCache = null;

function title(detail) {
  const name = detail.account ? `@${detail.account.acct}` : '';
  switch (detail.kind) {
    case 'status': return t('app.report.title_status', { name });
    case 'media': return t('app.report.title_media', { name });
    case 'message': return t('app.report.title_message', { name });
    default: return t('app.report.title_account', { name });
  }
}

/** What is being reported, shown at the top of the dialog so the reporter knows. */
function subject(detail) {
  const box = h('div', { class: 'report-subject' });
  if (detail.kind === 'media' && detail.attachment) {
    box.append(h('img', { src: detail.attachment.preview_url || detail.attachment.url, alt: detail.attachment.description || t('app.report.image_alt') }));
  }
  if ((detail.kind === 'status' || detail.kind === 'media') && detail.status) {
    box.append(h('p', { class: 'excerpt' }, excerpt(detail.status)));
  }
  if (detail.kind === 'message' && detail.text) box.append(h('p', { class: 'excerpt' }, detail.text));
  if (detail.account) box.append(h('p', { class: 'hint' }, t('app.report.about', { name: displayName(detail.account), acct: detail.account.acct })));
  return box;
}

function excerpt(status) {
  const template = document.createElement('template');
  template.innerHTML = status.content || '';
  const text = (template.content.textContent || '').trim();
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

/** The request body for the report: Mastodon's members plus Omnia's media and chat-message ones. */
function requestBody(detail, form) {
  const accountId = detail.accountId || detail.account?.id;
  const body = { account_id: accountId, category: form.category, comment: form.comment, forward: form.forward };
  if (detail.kind === 'status' || detail.kind === 'media') {
    const statusId = detail.statusId || detail.status?.id;
    if (statusId) body.status_ids = [statusId];
  }
  if (detail.kind === 'media') body.media_ids = [detail.mediaId || detail.attachment?.id];
  if (detail.kind === 'message') {
    body.conversation_id = detail.conversationId;
    body.message_ids = [detail.messageId];
  }
  if (form.category === 'legal') body.illegal_category = form.illegalCategory;
  if (form.category === 'violation') body.rule_ids = form.ruleIds;
  return body;
}

export function openReportDialog(detail) {
  const opener = document.activeElement;
  const dialog = h('dialog', { class: 'composer-dialog report-dialog', 'aria-labelledby': 'report-title' });
  const close = () => dialog.close();
  const content = h('div', { class: 'report-content' });
  dialog.append(
    h('div', { class: 'dialog-head' },
      h('h2', { id: 'report-title' }, title(detail)),
      h('button', { type: 'button', class: 'icon-button close', 'aria-label': t('app.close'), onclick: close }, '×')),
    content);
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (opener && opener.isConnected) opener.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
  content.append(reportForm(detail, content, close));
  return dialog;
}

function reportForm(detail, content, close) {
  const result = h('div', { class: 'form-result', 'aria-live': 'polite' });
  const categories = h('fieldset', { class: 'report-categories' }, h('legend', {}, t('app.report.category.legend')),
    reportCategories().map(([key, label, hint]) => h('label', { class: 'check choice' },
      h('input', { type: 'radio', name: 'report-category', value: key, 'aria-describedby': `report-hint-${key}` }),
      h('span', {}, h('span', { class: 'label' }, label), h('span', { class: 'hint', id: `report-hint-${key}` }, ` — ${hint}`)))));
  const illegal = h('select', { id: 'report-illegal', name: 'illegal_category' },
    h('option', { value: '' }, t('app.report.illegal.choose')),
    illegalCategories().map(([key, label]) => h('option', { value: key }, label)));
  const illegalBox = h('div', { class: 'stack', hidden: true },
    h('label', { for: 'report-illegal' }, t('app.report.illegal.label')), illegal,
    h('p', { class: 'hint' }, t('app.report.illegal.hint')));
  const rulesList = h('div', { class: 'stack' });
  const rulesBox = h('fieldset', { class: 'report-rules', hidden: true }, h('legend', {}, t('app.report.rules.legend')), rulesList);
  const comment = h('textarea', { id: 'report-comment', name: 'comment', rows: 3, maxlength: 1000 });
  const forward = h('input', { type: 'checkbox', id: 'report-forward', name: 'forward' });
  const submit = h('button', { type: 'submit', class: 'primary report-submit' }, t('app.report.send'));
  const form = h('form', { class: 'stack report-form', novalidate: true },
    subject(detail), categories, illegalBox, rulesBox,
    h('label', { for: 'report-comment' }, t('app.report.comment')), comment,
    h('p', { class: 'hint' }, t('app.report.comment_hint')),
    h('label', { class: 'check', for: 'report-forward' }, forward, t('app.report.forward')),
    result,
    h('div', { class: 'row' }, submit, h('button', { type: 'button', onclick: close }, t('app.report.cancel'))));

  const chosen = () => form.querySelector('input[name=report-category]:checked')?.value || '';
  categories.addEventListener('change', async () => {
    result.replaceChildren();
    illegalBox.hidden = chosen() !== 'legal';
    rulesBox.hidden = chosen() !== 'violation';
    if (chosen() === 'violation' && !rulesList.children.length) {
      try {
        rulesCache = rulesCache || await get('/api/v1/instance/rules');
        rulesList.replaceChildren(...rulesCache.map((rule) => h('label', { class: 'check' },
          h('input', { type: 'checkbox', name: 'rule', value: rule.id }), rule.text)));
        if (!rulesCache.length) rulesList.append(h('p', { class: 'hint' }, t('app.report.rules.none')));
      } catch (error) {
        rulesList.replaceChildren(problemBox(error));
      }
    }
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const values = {
      category: chosen(),
      illegalCategory: illegal.value,
      ruleIds: Array.from(rulesList.querySelectorAll('input[name=rule]:checked'), (box) => box.value),
      comment: comment.value.trim(),
      forward: forward.checked,
    };
    // The server checks all of this too; saying it here saves a round trip and names the field.
    const missing = !values.category ? t('app.report.need_category')
      : values.category === 'legal' && !values.illegalCategory ? t('app.report.need_illegal')
        : values.category === 'violation' && !values.ruleIds.length ? t('app.report.need_rule') : null;
    if (missing) {
      result.replaceChildren(h('p', { class: 'problem', role: 'alert' }, missing));
      return;
    }
    submit.disabled = true;
    result.replaceChildren();
    try {
      const { data } = await call('/api/v1/reports', { method: 'POST', json: requestBody(detail, values) });
      content.replaceChildren(acknowledgement(data, close));
      content.querySelector('h3').focus();
      announce(t('app.report.sent_title'));
    } catch (error) {
      result.replaceChildren(problemBox(error));
      submit.disabled = false;
    }
  });
  return form;
}

function acknowledgement(report, close) {
  return h('div', { class: 'report-acknowledgement notice', role: 'status' },
    h('h3', { tabindex: '-1' }, t('app.report.sent_title')),
    h('p', {}, t('app.report.sent_text', { id: report.id, date: formatDateTime(report.created_at) })),
    h('p', {}, h('a', { href: '/safety/reports', onclick: close }, t('app.report.follow_outcome'))),
    h('button', { type: 'button', class: 'primary', onclick: close }, t('app.close')));
}
