// One report in the moderation console: what was reported, in context (the posts with their media, the
// chat messages kept as evidence, the account with its earlier reports), and the decision: dismiss, or an
// action on one item or on the account, each with its reason and grounds (which become the statement of
// reasons the affected person reads and may appeal).
import { call } from '../api.js';
import { setTitle } from '../context.js';
import { announce, clear, empty, fill, h, loading, problemBox } from '../dom.js';
import { formatDateTime, relativeTime, t, tn } from '../i18n.js';
import { accountLine } from '../components/account.js';
import { categoryLabel, illegalCategories, illegalLabel } from '../components/report-dialog.js';
import { statusView } from '../components/status.js';
import { reportMarkers } from './moderation.js';

const DAY = 86400000;

export async function render(root, params, query, notice) {
  setTitle(t('app.moderation.report_title', { id: params.id }));
  let report;
  try {
    report = (await call(`/api/v1/admin/reports/${params.id}`)).data;
  } catch (error) {
    clear(root).append(h('h1', { class: 'screen-title' }, t('app.moderation.report_title', { id: params.id })), problemBox(error));
    return null;
  }
  const rerender = (message) => render(root, params, query, message).then(() => {
    const heading = root.querySelector('h1');
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  });
  clear(root).append(
    h('p', {}, h('a', { href: '/moderation' }, t('app.moderation.back'))),
    h('h1', { class: 'screen-title' }, t('app.moderation.report_title', { id: report.id })),
    notice ? h('p', { class: 'notice', role: 'status' }, notice) : null,
    summary(report, rerender),
    reportedItems(report),
    accountPart(report),
    report.action_taken ? null : decisionPart(report, rerender));
  return null;
}

function summary(report, rerender) {
  const rules = report.rules || [];
  const assigned = report.assigned_account;
  const assign = h('button', { type: 'button', class: 'assign' }, t(assigned ? 'app.moderation.unassign' : 'app.moderation.assign'));
  assign.addEventListener('click', async () => {
    assign.disabled = true;
    try {
      await call(`/api/v1/admin/reports/${report.id}/${assigned ? 'unassign' : 'assign_to_self'}`, { method: 'POST' });
      rerender(t(assigned ? 'app.moderation.unassigned' : 'app.moderation.assigned'));
    } catch (error) {
      assign.after(problemBox(error));
      assign.disabled = false;
    }
  });
  const reopen = h('button', { type: 'button', class: 'reopen' }, t('app.moderation.reopen'));
  reopen.addEventListener('click', async () => {
    reopen.disabled = true;
    try {
      await call(`/api/v1/admin/reports/${report.id}/reopen`, { method: 'POST' });
      rerender(t('app.moderation.reopened'));
    } catch (error) {
      reopen.after(problemBox(error));
      reopen.disabled = false;
    }
  });
  const state = report.action_taken
    ? t(report.outcome === 'dismissed' ? 'app.moderation.outcome.dismissed' : 'app.moderation.outcome.actioned')
    : t('app.moderation.state_open');
  return h('section', { class: 'report-summary settings' },
    h('p', { class: 'row' }, h('span', { class: 'tag' }, categoryLabel(report.category)),
      report.illegal_category ? h('span', { class: 'tag' }, illegalLabel(report.illegal_category)) : null,
      h('span', { class: 'tag' }, t('app.moderation.severity', { value: report.severity })),
      reportMarkers(report), h('span', { class: 'tag state' }, state)),
    h('dl', { class: 'statement-details' },
      h('dt', {}, t('app.moderation.filed')), h('dd', {}, h('time', { datetime: report.created_at }, `${formatDateTime(report.created_at)} (${relativeTime(report.created_at)})`)),
      h('dt', {}, t('app.moderation.reporter')), h('dd', {}, report.account ? `@${report.account.account.acct}` : '—',
        report.trusted_flagger ? ` · ${t('app.moderation.marker.trusted')}` : ''),
      h('dt', {}, t('app.moderation.comment')), h('dd', { class: 'report-comment' }, report.comment || '—'),
      rules.length ? [h('dt', {}, t('app.moderation.rules')), h('dd', {}, h('ul', {}, rules.map((r) => h('li', {}, r.text))))] : null,
      h('dt', {}, t('app.moderation.assigned_to')), h('dd', {}, assigned ? `@${assigned.account.acct}` : '—'),
      report.action_taken_by_account ? [h('dt', {}, t('app.moderation.decided_by')), h('dd', {}, `@${report.action_taken_by_account.account.acct}`)] : null),
    h('div', { class: 'row' }, report.action_taken ? reopen : assign));
}

function reportedItems(report) {
  const section = h('section', { class: 'reported-items', 'aria-labelledby': 'reported-heading' },
    h('h2', { class: 'section-title', id: 'reported-heading' }, t('app.moderation.reported_content')));
  const shown = new Set();
  for (const status of report.statuses || []) {
    shown.add(status.id);
    const view = statusView(status, { compact: true });
    for (const mediaId of report.media_ids) {
      const item = view.querySelector(`.media-item[data-media-id="${mediaId}"]`);
      if (item) {
        item.classList.add('reported');
        item.append(h('span', { class: 'reported-label' }, t('app.moderation.reported_image')));
      }
    }
    section.append(h('div', { class: 'report-item' }, view));
  }
  const missing = report.status_ids.filter((id) => !shown.has(id));
  if (missing.length) section.append(h('p', { class: 'hint' }, t('app.moderation.items_gone', { count: missing.length })));
  if (report.messages?.length) {
    section.append(h('h3', {}, t('app.moderation.messages')), h('ul', { class: 'evidence' },
      report.messages.map((m) => h('li', {}, h('p', {}, m.encrypted ? t('app.moderation.message_encrypted') : m.text),
        ...(m.media_urls || []).map((url) => h('img', { class: 'evidence-image', src: url, alt: t('app.moderation.message_image') })),
        h('p', { class: 'hint' }, formatDateTime(m.created_at))))));
  }
  if (!report.statuses?.length && !report.media_ids.length && !report.messages?.length && !missing.length) {
    section.append(empty(t('app.moderation.account_only')));
  }
  return section;
}

function accountPart(report) {
  const target = report.target_account;
  const section = h('section', { class: 'reported-account', 'aria-labelledby': 'account-heading' },
    h('h2', { class: 'section-title', id: 'account-heading' }, t('app.moderation.account')));
  if (!target) return section;
  const flags = [
    target.suspended ? t('app.moderation.flag.suspended') : null,
    target.silenced ? t('app.moderation.flag.silenced') : null,
    target.sensitized ? t('app.moderation.flag.sensitized') : null,
  ].filter(Boolean);
  section.append(accountLine(target.account), h('p', { class: 'hint' }, t('app.moderation.joined', { date: formatDateTime(target.created_at) })),
    h('p', { class: 'row' }, flags.length ? flags.map((f) => h('span', { class: 'tag' }, f)) : h('span', { class: 'hint' }, t('app.moderation.flag.none'))));
  const history = h('div', {}, loading());
  section.append(h('h3', {}, t('app.moderation.history')), history);
  (async () => {
    try {
      const others = (await call('/api/v1/admin/reports', { query: { target_account_id: target.id, limit: 40 } })).data
        .filter((r) => r.id !== report.id);
      history.replaceChildren(others.length ? h('ul', { class: 'history' }, others.map((r) => h('li', {},
        h('a', { href: `/moderation/reports/${r.id}` }, formatDateTime(r.created_at)), ' · ', categoryLabel(r.category), ' · ',
        r.action_taken ? t(r.outcome === 'dismissed' ? 'app.moderation.outcome.dismissed' : 'app.moderation.outcome.actioned') : t('app.moderation.state_open'))))
        : empty(t('app.moderation.history_empty')));
    } catch (error) {
      history.replaceChildren(problemBox(error));
    }
  })();
  return section;
}

/** The targets a decision can apply to: each reported post, each reported image, the account. */
function targets(report) {
  const list = [];
  (report.statuses || []).forEach((s, index) => list.push({ kind: 'status', id: s.id, label: t('app.moderation.target_status', { n: index + 1 }) }));
  report.media_ids.forEach((id, index) => list.push({ kind: 'media', id, label: t('app.moderation.target_media', { n: index + 1 }) }));
  if (report.target_account) list.push({ kind: 'account', id: report.target_account.id, label: t('app.moderation.target_account', { name: `@${report.target_account.account.acct}` }) });
  return list;
}

function actionsFor(kind) {
  if (kind === 'account') {
    return [['none', t('app.moderation.action.warn')], ['sensitive', t('app.moderation.action.sensitive_account')],
      ['silence', t('app.moderation.action.silence')], ['suspend', t('app.moderation.action.suspend')],
      ['freeze_wallet', t('app.moderation.action.freeze_wallet')]];
  }
  return [['remove', t(kind === 'media' ? 'app.moderation.action.hide_media' : 'app.moderation.action.remove')],
    ['sensitive', t('app.moderation.action.sensitive')], ['limit', t('app.moderation.action.limit')]];
}

function decisionPart(report, rerender) {
  const list = targets(report);
  const result = h('div', { class: 'form-result', 'aria-live': 'polite' });
  const target = h('select', { id: 'action-target' }, list.map((x, i) => h('option', { value: String(i) }, x.label)));
  const actions = h('fieldset', { class: 'action-types' });
  const duration = h('select', { id: 'action-duration' },
    h('option', { value: '' }, t('app.moderation.duration.permanent')),
    [1, 3, 7, 30, 90].map((days) => h('option', { value: String(days) }, tn('app.moderation.duration.days', days))));
  const durationBox = h('div', { class: 'stack', hidden: true }, h('label', { for: 'action-duration' }, t('app.moderation.duration.label')), duration);
  const drawActions = () => {
    const kind = list[Number(target.value)]?.kind;
    fill(actions, h('legend', {}, t('app.moderation.action.legend')),
      actionsFor(kind).map(([value, label]) => h('label', { class: 'check' }, h('input', { type: 'radio', name: 'action-type', value }), label)));
    durationBox.hidden = true;
  };
  target.addEventListener('change', drawActions);
  actions.addEventListener('change', () => {
    durationBox.hidden = actions.querySelector('input:checked')?.value !== 'suspend';
  });
  drawActions();
  const reason = h('textarea', { id: 'action-reason', rows: 3, maxlength: 5000, required: true, 'aria-describedby': 'action-reason-hint' });
  const legal = h('input', { id: 'action-legal', maxlength: 1000, value: (report.rules || []).map((r) => r.text).join(' ') });
  const illegal = h('select', { id: 'action-illegal' }, h('option', { value: '' }, t('app.moderation.not_illegal')),
    illegalCategories().map(([key, label]) => h('option', { value: key, selected: key === report.illegal_category }, label)));
  const submit = h('button', { type: 'submit', class: 'primary take-action' }, t('app.moderation.act'));
  const form = h('form', { class: 'stack action-form', novalidate: true },
    h('label', { for: 'action-target' }, t('app.moderation.target')), target, actions, durationBox,
    h('label', { for: 'action-reason' }, t('app.moderation.reason')), reason,
    h('p', { class: 'hint', id: 'action-reason-hint' }, t('app.moderation.reason_hint')),
    h('label', { for: 'action-legal' }, t('app.moderation.legal_ground')), legal,
    h('label', { for: 'action-illegal' }, t('app.moderation.illegal_category')), illegal,
    result, submit);
  form.addEventListener('input', () => result.replaceChildren());
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = list[Number(target.value)];
    const type = actions.querySelector('input:checked')?.value;
    if (!type || !reason.value.trim()) {
      result.replaceChildren(h('p', { class: 'problem', role: 'alert' }, t(type ? 'app.moderation.need_reason' : 'app.moderation.need_action')));
      return;
    }
    const body = { type, report_id: report.id, text: reason.value.trim(), legal_ground: legal.value.trim(), illegal_category: illegal.value };
    let path;
    if (chosen.kind === 'account') {
      path = `/api/v1/admin/accounts/${chosen.id}/action`;
      if (type === 'suspend' && duration.value) body.suspended_until = new Date(Date.now() + Number(duration.value) * DAY).toISOString();
    } else {
      path = `/api/omnia/v1/admin/${chosen.kind === 'media' ? 'media' : 'statuses'}/${chosen.id}/action`;
    }
    submit.disabled = true;
    result.replaceChildren();
    try {
      await call(path, { method: 'POST', json: body });
      announce(t('app.moderation.done'));
      rerender(t('app.moderation.acted'));
    } catch (error) {
      result.replaceChildren(problemBox(error));
      submit.disabled = false;
    }
  });

  const dismissReason = h('textarea', { id: 'dismiss-reason', name: 'dismiss-reason', rows: 2, maxlength: 5000 });
  const dismiss = h('button', { type: 'button', class: 'dismiss' }, t('app.moderation.dismiss'));
  dismiss.addEventListener('click', async () => {
    if (!window.confirm(t('app.moderation.dismiss_confirm'))) return;
    dismiss.disabled = true;
    try {
      await call(`/api/v1/admin/reports/${report.id}/resolve`, { method: 'POST', json: { text: dismissReason.value.trim() } });
      announce(t('app.moderation.done'));
      rerender(t('app.moderation.dismissed'));
    } catch (error) {
      dismiss.after(problemBox(error));
      dismiss.disabled = false;
    }
  });
  return h('section', { class: 'decision settings', 'aria-labelledby': 'decision-heading' },
    h('h2', { class: 'section-title', id: 'decision-heading' }, t('app.moderation.decision')),
    h('div', { class: 'stack' }, h('p', { class: 'hint' }, t('app.moderation.dismiss_hint')),
      h('label', { for: 'dismiss-reason' }, t('app.moderation.dismiss_reason')), dismissReason, dismiss),
    h('h3', {}, t('app.moderation.act_heading')), form);
}
