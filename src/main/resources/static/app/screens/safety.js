// The signed-in person's side of trust & safety: the statements of reasons for decisions about their
// account or content (DSA art. 17), each with its appeal, and the reports they filed with their outcome.
import { call } from '../api.js';
import { setTitle } from '../context.js';
import { announce, clear, h, problemBox } from '../dom.js';
import { formatDateTime, t } from '../i18n.js';
import { categoryLabel, illegalLabel } from '../components/report-dialog.js';
import { pagedList } from '../components/paged-list.js';

const VIEWS = [['', 'app.moderation.safety.tab.decisions'], ['reports', 'app.moderation.safety.tab.reports']];

export async function render(root, params) {
  const view = params.view || '';
  setTitle(t('app.moderation.safety.title'));
  clear(root).append(h('h1', { class: 'screen-title' }, t('app.moderation.safety.title')),
    h('nav', { class: 'tabs', 'aria-label': t('app.moderation.safety.sections') },
      VIEWS.map(([key, label]) => h('a', { href: key ? `/safety/${key}` : '/safety', 'aria-current': key === view ? 'page' : null }, t(label)))),
    view === 'reports'
      ? pagedList({ first: '/api/omnia/v1/reports?limit=20', draw: ownReport, emptyText: t('app.moderation.safety.reports_empty'), listClass: 'own-reports' })
      : pagedList({ first: '/api/omnia/v1/statements?limit=20', draw: statementCard, emptyText: t('app.moderation.safety.decisions_empty'), listClass: 'statements' }));
  return null;
}

/** A decision's name, in words (the API's keys are the moderation module's Decision names). */
export function decisionLabel(key) {
  const labels = {
    hide: t('app.moderation.decision.hide'),
    remove: t('app.moderation.decision.remove'),
    mark_sensitive: t('app.moderation.decision.mark_sensitive'),
    limit: t('app.moderation.decision.limit'),
    warn: t('app.moderation.decision.warn'),
    sensitize: t('app.moderation.decision.sensitize'),
    silence: t('app.moderation.decision.silence'),
    suspend: t('app.moderation.decision.suspend'),
    disable: t('app.moderation.decision.disable'),
    supervise: t('app.moderation.decision.supervise'),
    reject: t('app.moderation.decision.reject'),
    suspend_reporting: t('app.moderation.decision.suspend_reporting'),
    freeze_wallet: t('app.moderation.decision.freeze_wallet'),
  };
  return labels[key] || key;
}

function subjectLine(subject) {
  if (subject.type === 'status') return h('a', { href: `/statuses/${subject.id}` }, t('app.moderation.safety.subject_status'));
  if (subject.type === 'media') return t('app.moderation.safety.subject_media');
  return t('app.moderation.safety.subject_account');
}

/** The statement's members as a definition list: what was decided, on what, why, on which ground, until when. */
export function statementDetails(s) {
  const rows = [
    [t('app.moderation.safety.subject'), subjectLine(s.subject)],
    [t('app.moderation.safety.facts'), s.facts || '—'],
    [t('app.moderation.safety.ground'), s.decision_ground === 'DECISION_GROUND_ILLEGAL_CONTENT' ? t('app.moderation.safety.ground_illegal') : t('app.moderation.safety.ground_terms')],
    s.legal_ground ? [t('app.moderation.safety.legal_ground'), s.legal_ground] : null,
    [t('app.moderation.safety.automated'), s.automated_decision && s.automated_decision !== 'AUTOMATED_DECISION_NOT_AUTOMATED' ? t('app.moderation.safety.yes') : t('app.moderation.safety.no')],
    s.territorial_scope?.length ? [t('app.moderation.safety.scope'), s.territorial_scope.join(', ')] : null,
    s.ends_at ? [t('app.moderation.safety.ends'), formatDateTime(s.ends_at)] : null,
    s.reversed_at ? [t('app.moderation.safety.reversed'), formatDateTime(s.reversed_at)] : null,
  ].filter(Boolean);
  return h('dl', { class: 'statement-details' }, rows.map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
}

function statementCard(s) {
  const item = h('li', { class: 'statement-card', dataset: { statementId: s.id } },
    h('h2', { class: 'section-title' }, decisionLabel(s.decision)),
    h('p', { class: 'hint' }, formatDateTime(s.created_at)),
    statementDetails(s),
    h('p', { class: 'hint' }, t('app.moderation.safety.redress')));
  item.append(appealPart(s));
  return item;
}

function appealPart(s) {
  if (s.appeal) return appealState(s.appeal);
  if (s.reversed_at) return h('p', { class: 'notice' }, t('app.moderation.safety.already_reversed'));
  const id = `appeal-${s.id}`;
  const text = h('textarea', { id: `${id}-text`, rows: 3, maxlength: 5000 });
  const result = h('div', { class: 'form-result', 'aria-live': 'polite' });
  const form = h('form', { class: 'stack appeal-form', novalidate: true, hidden: true },
    h('label', { for: `${id}-text` }, t('app.moderation.safety.appeal_text')), text,
    h('p', { class: 'hint' }, t('app.moderation.safety.appeal_hint')),
    result, h('button', { type: 'submit', class: 'primary' }, t('app.moderation.safety.appeal_send')));
  const open = h('button', {
    type: 'button', class: 'appeal-button', 'aria-expanded': 'false',
    onclick: () => { form.hidden = false; open.setAttribute('aria-expanded', 'true'); open.hidden = true; text.focus(); },
  }, t('app.moderation.safety.appeal'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!text.value.trim()) {
      result.replaceChildren(h('p', { class: 'problem', role: 'alert' }, t('app.moderation.safety.appeal_need_text')));
      return;
    }
    form.querySelector('button[type=submit]').disabled = true;
    try {
      const appeal = (await call(`/api/omnia/v1/statements/${s.id}/appeal`, { method: 'POST', json: { text: text.value.trim() } })).data;
      box.replaceChildren(appealState(appeal));
      announce(t('app.moderation.safety.appeal_sent'));
    } catch (error) {
      result.replaceChildren(problemBox(error));
      form.querySelector('button[type=submit]').disabled = false;
    }
  });
  const box = h('div', { class: 'appeal-part' }, open, form);
  return box;
}

function appealState(appeal) {
  const state = appeal.state === 'pending' ? t('app.moderation.safety.appeal_pending')
    : appeal.state === 'reversed' ? t('app.moderation.safety.appeal_reversed') : t('app.moderation.safety.appeal_upheld');
  return h('div', { class: 'notice appeal-state', role: 'status' }, h('p', {}, state),
    appeal.decision_text ? h('p', {}, appeal.decision_text) : null);
}

function ownReport(r) {
  const target = r.target_account;
  const outcome = !r.action_taken ? t('app.moderation.safety.report_open')
    : r.outcome === 'dismissed' ? t('app.moderation.safety.report_dismissed') : t('app.moderation.safety.report_actioned');
  return h('li', { class: 'own-report', dataset: { reportId: r.id } },
    h('p', {}, h('strong', {}, target ? t('app.moderation.safety.report_about', { name: `@${target.acct}` }) : ''), ' · ', formatDateTime(r.created_at)),
    h('p', { class: 'row' }, h('span', { class: 'tag' }, categoryLabel(r.category)),
      r.illegal_category ? h('span', { class: 'tag' }, illegalLabel(r.illegal_category)) : null,
      h('span', { class: `tag outcome ${r.action_taken ? r.outcome : 'open'}` }, outcome)),
    r.comment ? h('p', { class: 'report-comment' }, r.comment) : null);
}
