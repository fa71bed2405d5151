// One status as an <article>: who and when, content warning, text, images with their descriptions, poll,
// quoted post, and the actions (reply, boost, favourite, bookmark, quote, delete).
import { call } from '../api.js';
import { app } from '../context.js';
import { announce, h, icon, sanitizedContent, toast } from '../dom.js';
import { formatDateTime, formatNumber, relativeTime, t } from '../i18n.js';
import { profilePath, statusPath } from '../router.js';
import { badges, displayName } from './account.js';
import { openComposer } from './composer-dialog.js';
import { filterVerdict } from './filters.js';
import { pollView } from './poll.js';
import { problemMessage } from './problems.js';
import { requestReport } from './report-dialog.js';

/**
 * options: {focused: the thread's main post, compact: a quoted post, filterContext: where it is shown (home,
 * public, thread, account, notifications), so that a `warn` filter collapses it behind the filter's title}
 */
export function statusView(status, options = {}) {
  const shown = status.reblog || status;
  const article = h('article', {
    class: `status${options.focused ? ' focused' : ''}${options.compact ? ' compact' : ''}`,
    dataset: { id: status.id, statusId: shown.id },
    'aria-labelledby': `s-${status.id}-author`,
    tabindex: options.compact ? null : '0',
  });
  if (status.reblog) {
    article.append(h('p', { class: 'boosted-by' }, icon('boost'),
      h('a', { href: profilePath(status.account) }, t('app.status.boosted_by', { name: displayName(status.account) }))));
  }
  article.append(header(shown, status.id));
  if (shown.in_reply_to_id && !options.focused && !options.inThread) {
    article.append(h('p', { class: 'reply-to' }, icon('reply'), h('a', { href: `/statuses/${shown.in_reply_to_id}` }, t('app.status.in_reply'))));
  }
  article.append(body(shown));
  const notice = ownModerationNotice(shown);
  if (notice) article.append(notice);
  if (shown.quote && shown.quote.quoted_status && !options.compact) {
    article.append(h('div', { class: 'quote' }, statusView(shown.quote.quoted_status, { compact: true })));
  }
  if (!options.compact) article.append(actions(shown));
  const verdict = filterVerdict(status, options.filterContext);
  if (verdict && verdict.action === 'warn') collapse(article, verdict.titles);
  return article;
}

/** Mastodon apps' "Filtered: <title>" with a Show button in place of a status a warn filter matched. */
function collapse(article, titles) {
  const parts = Array.from(article.childNodes);
  const label = t('app.status.filtered', { title: titles.join(', ') });
  const cover = h('div', { class: 'filtered-cover' }, h('p', {}, icon('warning'), ' ', label),
    h('button', { type: 'button', class: 'show-filtered', onclick: () => {
      cover.replaceWith(...parts);
      article.classList.remove('filtered');
      article.removeAttribute('aria-label');
      article.focus();
    } }, t('app.status.filtered_show')));
  article.classList.add('filtered');
  article.setAttribute('aria-label', label);
  article.replaceChildren(cover);
}

function header(status, articleId) {
  const account = status.account;
  return h('header', { class: 'status-header' },
    h('a', { href: profilePath(account), tabindex: '-1', 'aria-hidden': 'true' },
      h('img', { class: 'avatar', src: account.avatar, alt: '', loading: 'lazy', width: 44, height: 44 })),
    h('div', { class: 'names' },
      h('a', { class: 'name', id: `s-${articleId}-author`, href: profilePath(account) }, displayName(account), badges(account)),
      h('span', { class: 'handle' }, `@${account.acct}`)),
    h('a', { class: 'time', href: statusPath(status), title: formatDateTime(status.created_at) },
      h('time', { datetime: status.created_at }, relativeTime(status.created_at)),
      h('span', { class: 'visually-hidden' }, ` · ${t(`app.visibility.${status.visibility}`)}`)));
}

function body(status) {
  const content = h('div', { class: 'content', lang: status.language || null }, sanitizedContent(status.content));
  const extras = [];
  if (status.media_attachments.length) extras.push(media(status));
  if (status.poll) extras.push(pollView(status.poll, app.me && app.me.id === status.account.id));
  if (!status.spoiler_text) return h('div', { class: 'body' }, content, extras);
  return h('details', { class: 'body cw' },
    h('summary', {}, h('span', { class: 'cw-text' }, status.spoiler_text), h('span', { class: 'cw-toggle' }, t('app.status.show_more'))),
    content, extras);
}

function media(status) {
  const grid = h('div', { class: `media count-${Math.min(status.media_attachments.length, 4)}` });
  for (const attachment of status.media_attachments) {
    const image = h('img', {
      src: attachment.preview_url || attachment.url, alt: attachment.description || '', loading: 'lazy',
      width: attachment.meta?.small?.width || null, height: attachment.meta?.small?.height || null,
    });
    const link = h('a', { href: attachment.url, target: '_blank', rel: 'noopener', class: 'media-item', dataset: { mediaId: attachment.id } }, image);
    if (!attachment.description) link.append(h('span', { class: 'no-alt', title: t('app.status.no_alt') }, t('app.status.no_alt_short')));
    if (app.me && app.me.id !== status.account.id) {
      // A button beside the link, not inside it: a control inside a link is neither valid nor reachable.
      grid.append(h('div', { class: 'media-cell' }, link, h('button', {
        type: 'button', class: 'icon-button report-media', 'aria-label': t('app.report.image_button'), title: t('app.report.image_button'),
        onclick: () => requestReport({ kind: 'media', mediaId: attachment.id, attachment, statusId: status.id, status, accountId: status.account.id, account: status.account }),
      }, icon('flag'))));
    } else {
      grid.append(link);
    }
  }
  if (!status.sensitive) return grid;
  const wrapper = h('div', { class: 'sensitive hidden-media' }, grid);
  const reveal = h('button', {
    type: 'button', class: 'reveal', onclick: () => { wrapper.classList.remove('hidden-media'); reveal.remove(); },
  }, t('app.status.show_sensitive'));
  wrapper.append(reveal);
  return wrapper;
}

function toggle(status, { field, countField, on, off, iconName, labelOn, labelOff }) {
  const button = h('button', { type: 'button', class: `action ${iconName}`, 'aria-pressed': String(Boolean(status[field])) });
  const draw = () => {
    const active = Boolean(status[field]);
    button.setAttribute('aria-pressed', String(active));
    const count = countField ? status[countField] : null;
    button.replaceChildren(icon(iconName));
    if (count) button.append(h('span', { class: 'count', 'aria-hidden': 'true' }, formatNumber(count)));
    const label = t(active ? labelOn : labelOff);
    button.setAttribute('aria-label', count ? `${label} (${formatNumber(count)})` : label);
    button.title = label;
  };
  draw();
  button.addEventListener('click', async () => {
    if (!app.me) return;
    button.disabled = true;
    try {
      const { data } = await call(`/api/v1/statuses/${status.id}/${status[field] ? off : on}`, { method: 'POST' });
      const fresh = data.reblog && field === 'reblogged' ? data.reblog : data;
      status[field] = fresh[field];
      if (countField) status[countField] = fresh[countField];
      draw();
      announce(button.title);
    } catch (error) {
      toast(problemMessage(error), 'error');
    } finally {
      button.disabled = false;
    }
  });
  return button;
}

function actions(status) {
  if (!app.me) {
    return h('footer', { class: 'actions' },
      h('span', { class: 'stat' }, icon('reply'), formatNumber(status.replies_count)),
      h('span', { class: 'stat' }, icon('boost'), formatNumber(status.reblogs_count)),
      h('span', { class: 'stat' }, icon('star'), formatNumber(status.favourites_count)));
  }
  const reply = h('button', {
    type: 'button', class: 'action reply', 'aria-label': `${t('app.status.reply')} (${formatNumber(status.replies_count)})`, title: t('app.status.reply'),
    onclick: () => openComposer({ replyTo: status }),
  }, icon('reply'), status.replies_count ? h('span', { class: 'count', 'aria-hidden': 'true' }, formatNumber(status.replies_count)) : null);
  const boostable = status.visibility === 'public' || status.visibility === 'unlisted';
  const bar = h('footer', { class: 'actions' }, reply,
    boostable ? toggle(status, { field: 'reblogged', countField: 'reblogs_count', on: 'reblog', off: 'unreblog', iconName: 'boost', labelOn: 'app.status.unboost', labelOff: 'app.status.boost' }) : null,
    toggle(status, { field: 'favourited', countField: 'favourites_count', on: 'favourite', off: 'unfavourite', iconName: 'star', labelOn: 'app.status.unfavourite', labelOff: 'app.status.favourite' }),
    toggle(status, { field: 'bookmarked', on: 'bookmark', off: 'unbookmark', iconName: 'bookmark', labelOn: 'app.status.unbookmark', labelOff: 'app.status.bookmark' }),
    boostable ? h('button', { type: 'button', class: 'action quote', 'aria-label': t('app.status.quote'), title: t('app.status.quote'), onclick: () => openComposer({ quote: status }) }, icon('quote')) : null);
  if (app.me.id === status.account.id) {
    bar.append(h('button', {
      type: 'button', class: 'action delete', 'aria-label': t('app.status.delete'), title: t('app.status.delete'),
      onclick: async (event) => {
        if (!window.confirm(t('app.status.delete_confirm'))) return;
        try {
          await call(`/api/v1/statuses/${status.id}`, { method: 'DELETE' });
          event.target.closest('article').remove();
          announce(t('app.status.deleted'));
        } catch (error) {
          toast(problemMessage(error), 'error');
        }
      },
    }, icon('trash')));
  }
  if (app.me.id !== status.account.id) {
    bar.append(h('button', {
      type: 'button', class: 'action report', 'aria-label': t('app.report.status_button'), title: t('app.report.status_button'),
      onclick: () => requestReport({ kind: 'status', statusId: status.id, status, accountId: status.account.id, account: status.account }),
    }, icon('flag')));
  }
  if (status.reply_policy && status.reply_policy !== 'everyone') {
    bar.append(h('span', { class: 'reply-policy' }, t(`app.reply_policy.${status.reply_policy}`)));
  }
  return bar;
}

/**
 * On one's own post that moderation removed or that reviewers did not approve (the server's notice leads the
 * content warning), a way to the statement of reasons and the appeal.
 */
function ownModerationNotice(status) {
  if (!app.me || app.me.id !== status.account.id) return null;
  const waiting = status.omnia?.review_state;
  if (waiting === 'pending' || waiting === 'edit_pending') {
    return h('p', { class: 'notice moderation-notice' }, icon('shield'), ' ', t(`app.moderation.own_${waiting}`));
  }
  const removed = (status.spoiler_text || '').startsWith('Removed by the moderators');
  if (!removed && status.omnia?.review_state !== 'rejected') return null;
  return h('p', { class: 'warning moderation-notice' }, icon('shield'), ' ', t('app.moderation.own_removed'), ' ',
    h('a', { href: '/safety' }, t('app.moderation.see_decision')));
}
