// The moderation console (moderators and admins): the open reports, gravest first then oldest first (the
// server's queue order), resolved reports, the appeals waiting for a decision, and the posts of supervised
// accounts waiting for review. One report's page is moderation-report.js.
import { call } from '../api.js';
import { app, setTitle } from '../context.js';
import { announce, clear, empty, h, icon, loading, problemBox } from '../dom.js';
import { formatDateTime, relativeTime, t } from '../i18n.js';
import { displayName } from '../components/account.js';
import { categoryLabel, illegalLabel } from '../components/report-dialog.js';
import { statusView } from '../components/status.js';
import { decisionLabel, statementDetails } from './safety.js';
import { pagedList } from '../components/paged-list.js';

const VIEWS = [['', 'app.moderation.tab.queue'], ['resolved', 'app.moderation.tab.resolved'],
  ['appeals', 'app.moderation.tab.appeals'], ['supervision', 'app.moderation.tab.supervision']];

const PAGE = 20;

export async function render(root, params) {
  const view = params.view || '';
  setTitle(t('app.moderation.title'));
  const tabs = h('nav', { class: 'tabs', 'aria-label': t('app.moderation.sections') },
    VIEWS.map(([key, label]) => h('a', { href: key ? `/moderation/${key}` : '/moderation', 'aria-current': key === view ? 'page' : null }, t(label))));
  clear(root).append(h('h1', { class: 'screen-title' }, t('app.moderation.title')), tabs);
  if (view === 'appeals') root.append(appealsView());
  else if (view === 'supervision') root.append(supervisionView());
  else root.append(reportsView(view === 'resolved'));
  return null;
}

/** Markers that explain a report's place in the queue. */
export function reportMarkers(report) {
  const markers = [];
  if (report.trusted_flagger) markers.push(h('span', { class: 'tag trusted' }, icon('shield'), t('app.moderation.marker.trusted')));
  const target = report.target_account?.account;
  if ((target?.verifications || []).some((v) => v.kind === 'government' || v.kind === 'organisation')) {
    markers.push(h('span', { class: 'tag official' }, icon('check'), t('app.moderation.marker.official')));
  }
  if (report.illegal_category) markers.push(h('span', { class: 'tag priority' }, icon('warning'), t('app.moderation.marker.priority')));
  return markers;
}

function reportCard(report) {
  const target = report.target_account?.account;
  const items = report.status_ids.length + report.media_ids.length + report.message_ids.length;
  return h('li', { class: 'report-card', dataset: { reportId: report.id } },
    h('div', { class: 'report-card-head' },
      h('a', { class: 'report-link', href: `/moderation/reports/${report.id}` },
        t('app.moderation.report_about', { name: target ? `@${target.acct}` : '?' })),
      h('time', { datetime: report.created_at, title: formatDateTime(report.created_at) }, relativeTime(report.created_at))),
    h('p', { class: 'row report-meta' },
      h('span', { class: 'tag' }, categoryLabel(report.category)),
      report.illegal_category ? h('span', { class: 'tag' }, illegalLabel(report.illegal_category)) : null,
      h('span', { class: 'tag' }, t('app.moderation.severity', { value: report.severity })),
      reportMarkers(report),
      report.action_taken ? h('span', { class: 'tag' }, t(report.outcome === 'dismissed' ? 'app.moderation.outcome.dismissed' : 'app.moderation.outcome.actioned')) : null),
    h('p', { class: 'hint' }, t('app.moderation.items', { count: items }),
      report.account ? ` · ${t('app.moderation.reported_by', { name: `@${report.account.account.acct}` })}` : ''),
    report.comment ? h('p', { class: 'report-comment' }, report.comment) : null);
}

function reportsView(resolved) {
  const list = h('ul', { class: 'reports' });
  const status = h('div', {}, loading());
  const more = h('button', { type: 'button', class: 'load-more', hidden: true }, t('app.timeline.load_more'));
  let offset = 0;
  let next = '/api/v1/admin/reports';
  const load = async () => {
    more.disabled = true;
    try {
      let data;
      if (resolved) {
        const page = await call(next, { query: next.includes('?') ? null : { resolved: true, limit: PAGE } });
        data = page.data;
        next = data.length ? page.links.next : null;
      } else {
        data = (await call('/api/omnia/v1/admin/reports/queue', { query: { limit: PAGE, offset } })).data;
        offset += data.length;
      }
      data.forEach((r) => list.append(reportCard(r)));
      more.hidden = resolved ? !next : data.length < PAGE;
      status.replaceChildren(list.children.length ? '' : empty(t(resolved ? 'app.moderation.resolved_empty' : 'app.moderation.queue_empty')));
    } catch (error) {
      status.replaceChildren(problemBox(error));
    } finally {
      more.disabled = false;
    }
  };
  more.addEventListener('click', load);
  load();
  return h('section', { 'aria-label': t(resolved ? 'app.moderation.tab.resolved' : 'app.moderation.tab.queue') },
    resolved ? null : h('p', { class: 'hint' }, t('app.moderation.queue_order')), list, status, more);
}

function appealsView() {
  const list = h('ul', { class: 'appeals' });
  const status = h('div', {}, loading());
  (async () => {
    try {
      const data = (await call('/api/omnia/v1/admin/appeals', { query: { limit: 40 } })).data;
      data.forEach((appeal) => list.append(appealCard(appeal)));
      status.replaceChildren(data.length ? '' : empty(t('app.moderation.appeals_empty')));
    } catch (error) {
      status.replaceChildren(problemBox(error));
    }
  })();
  return h('section', { 'aria-label': t('app.moderation.tab.appeals') },
    h('p', { class: 'hint' }, t('app.moderation.appeals_rule')), list, status);
}

function appealCard(appeal) {
  const item = h('li', { class: 'appeal-card', dataset: { appealId: appeal.id } },
    h('h2', { class: 'section-title' }, t('app.moderation.appeal_of', { decision: decisionLabel(appeal.statement.decision) })),
    h('p', {}, h('strong', {}, t('app.moderation.appeal_text')), ' ', appeal.text || '—'),
    h('p', { class: 'hint' }, formatDateTime(appeal.created_at)),
    statementDetails(appeal.statement));
  if (!appeal.can_decide) {
    item.append(h('p', { class: 'warning own-decision' }, t('app.moderation.own_decision')));
    return item;
  }
  const id = `appeal-${appeal.id}`;
  const reason = h('textarea', { id: `${id}-text`, rows: 2, maxlength: 5000, required: true });
  const result = h('div', { class: 'form-result', 'aria-live': 'polite' });
  const form = h('form', { class: 'stack decide-form', novalidate: true },
    h('fieldset', {}, h('legend', {}, t('app.moderation.appeal_outcome')),
      h('label', { class: 'check' }, h('input', { type: 'radio', name: `${id}-outcome`, value: 'upheld' }), t('app.moderation.appeal_upheld')),
      h('label', { class: 'check' }, h('input', { type: 'radio', name: `${id}-outcome`, value: 'reversed' }), t('app.moderation.appeal_reversed'))),
    h('label', { for: `${id}-text` }, t('app.moderation.reason')), reason,
    result, h('button', { type: 'submit', class: 'primary' }, t('app.moderation.decide')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const outcome = form.querySelector(`input[name=${id}-outcome]:checked`)?.value;
    if (!outcome || !reason.value.trim()) {
      result.replaceChildren(h('p', { class: 'problem', role: 'alert' }, t(outcome ? 'app.moderation.need_reason' : 'app.moderation.need_outcome')));
      return;
    }
    form.querySelector('button[type=submit]').disabled = true;
    try {
      const decided = (await call(`/api/omnia/v1/admin/appeals/${appeal.id}/decide`, { method: 'POST', json: { outcome, text: reason.value.trim() } })).data;
      form.replaceWith(h('p', { class: 'notice', role: 'status' }, t(decided.state === 'reversed' ? 'app.moderation.appeal_done_reversed' : 'app.moderation.appeal_done_upheld')));
      announce(t('app.moderation.done'));
    } catch (error) {
      result.replaceChildren(problemBox(error));
      form.querySelector('button[type=submit]').disabled = false;
    }
  });
  item.append(form);
  return item;
}

function supervisionView() {
  return pagedList({
    first: '/api/omnia/v1/supervision/reviews?limit=20', draw: reviewCard, emptyText: t('app.moderation.reviews_empty'),
    listClass: 'reviews', label: t('app.moderation.tab.supervision'), intro: h('p', { class: 'hint' }, t('app.moderation.reviews_rule')),
  });
}

function reviewCard(review) {
  const id = `review-${review.id}`;
  const reason = h('textarea', { id: `${id}-reason`, rows: 2, maxlength: 5000 });
  const result = h('div', { class: 'form-result', 'aria-live': 'polite' });
  const decide = async (action) => {
    if (action === 'reject' && !reason.value.trim()) {
      result.replaceChildren(h('p', { class: 'problem', role: 'alert' }, t('app.moderation.need_reason')));
      reason.focus();
      return;
    }
    buttons.forEach((b) => { b.disabled = true; });
    try {
      await call(`/api/omnia/v1/supervision/reviews/${review.id}/${action}`, { method: 'POST', json: action === 'reject' ? { reason: reason.value.trim() } : {} });
      controls.replaceWith(h('p', { class: 'notice', role: 'status' }, t(action === 'approve' ? 'app.moderation.review_approved' : 'app.moderation.review_rejected')));
      announce(t('app.moderation.done'));
    } catch (error) {
      result.replaceChildren(problemBox(error));
      buttons.forEach((b) => { b.disabled = false; });
    }
  };
  const buttons = [
    h('button', { type: 'button', class: 'primary approve', onclick: () => decide('approve') }, t('app.moderation.approve')),
    h('button', { type: 'button', class: 'danger reject', onclick: () => decide('reject') }, t('app.moderation.reject')),
  ];
  const controls = h('div', { class: 'stack' },
    h('label', { for: `${id}-reason` }, t('app.moderation.reject_reason')), reason, result, h('div', { class: 'row' }, buttons));
  const author = review.status?.account;
  return h('li', { class: 'review-card', dataset: { statusId: review.id } },
    h('p', { class: 'hint' }, author ? t('app.moderation.review_by', { name: displayName(author) }) : '', ' · ', formatDateTime(review.created_at)),
    review.status ? statusView(review.status, { compact: true }) : null,
    review.kind === 'edit' && review.edit ? proposedEdit(review.edit) : null,
    app.me ? controls : null);
}

/** An edit of a published post waits with the text asked for; the post above is what others see meanwhile. */
function proposedEdit(edit) {
  return h('div', { class: 'proposed-edit' },
    h('h3', { class: 'section-title' }, t('app.moderation.review_edit')),
    edit.spoiler_text ? h('p', { class: 'warning' }, edit.spoiler_text) : null,
    h('p', { class: 'edit-text' }, edit.status || ''));
}
