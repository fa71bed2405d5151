// A profile: header (avatar, name, badges, bio, counts), follow / mute / block, and tabs for posts, posts
// with replies, media, followers and following.
import { call } from '../api.js';
import { app, setTitle } from '../context.js';
import { announce, clear, h, problemBox, sanitizedContent, toast } from '../dom.js';
import { t, tn } from '../i18n.js';
import { profilePath } from '../router.js';
import { accountLine, badges, displayName } from '../components/account.js';
import { problemMessage } from '../components/problems.js';
import { requestReport } from '../components/report-dialog.js';
import { timeline } from '../components/timeline.js';
import { pagedList } from '../components/paged-list.js';

const TABS = [['', 'app.profile.posts'], ['with_replies', 'app.profile.with_replies'], ['media', 'app.profile.media'],
  ['followers', 'app.profile.followers'], ['following', 'app.profile.following']];

export async function render(root, params) {
  let account;
  try {
    account = (await call('/api/v1/accounts/lookup', { query: { acct: params.username } })).data;
  } catch (error) {
    setTitle(`@${params.username}`);
    clear(root).append(h('h1', {}, `@${params.username}`), problemBox(error));
    return null;
  }
  setTitle(displayName(account));
  const own = app.me && app.me.id === account.id;
  const tab = params.tab || '';
  const head = h('section', { class: 'profile-head' },
    h('div', { class: 'profile-header-image', style: `background-image:url("${encodeURI(account.header)}")` }),
    h('div', { class: 'profile-id' },
      h('img', { class: 'avatar large', src: account.avatar, alt: t('app.profile.avatar_of', { name: displayName(account) }) }),
      h('div', { class: 'names' },
        h('h1', { class: 'name' }, displayName(account), badges(account)),
        h('p', { class: 'handle' }, `@${account.acct}`, account.locked ? ` · ${t('app.profile.locked')}` : '')),
      h('div', { class: 'profile-actions' })),
    h('div', { class: 'bio' }, sanitizedContent(account.note)),
    account.fields?.length ? h('dl', { class: 'fields' }, account.fields.map((f) => [h('dt', {}, f.name), h('dd', {}, sanitizedContent(f.value))])) : null,
    h('p', { class: 'counts' },
      h('span', {}, tn('app.profile.posts_count', account.statuses_count)), ' · ',
      h('a', { href: profilePath(account, 'followers') }, tn('app.profile.followers_count', account.followers_count)), ' · ',
      h('a', { href: profilePath(account, 'following') }, tn('app.profile.following_count', account.following_count))));
  const actionsBox = head.querySelector('.profile-actions');
  if (own) {
    actionsBox.append(h('a', { class: 'button', href: '/settings/profile' }, t('app.profile.edit')),
      h('a', { class: 'button narrow-only', href: '/bookmarks' }, t('app.nav.bookmarks')),
      h('a', { class: 'button narrow-only', href: '/settings' }, t('app.nav.settings')),
      h('a', { class: 'button narrow-only', href: '/safety' }, t('app.moderation.safety.nav')));
  } else if (app.me) {
    relationshipButtons(account, actionsBox);
  }
  const tabs = h('nav', { class: 'tabs', 'aria-label': t('app.profile.sections') },
    TABS.map(([key, label]) => h('a', { href: profilePath(account, key), 'aria-current': key === tab ? 'page' : null }, t(label))));
  clear(root).append(head, tabs);
  if (tab === 'followers' || tab === 'following') {
    root.append(accountList(`/api/v1/accounts/${account.id}/${tab}`, t(tab === 'followers' ? 'app.profile.no_followers' : 'app.profile.no_following')));
    return null;
  }
  const query = tab === '' ? { exclude_replies: true } : tab === 'media' ? { only_media: true } : {};
  const feed = timeline({
    path: `/api/v1/accounts/${account.id}/statuses`, query, stream: null, emptyText: t('app.profile.no_posts'),
    label: t(TABS.find(([key]) => key === tab)[1]), context: 'account',
    accepts: (status) => own && status.account.id === account.id && (tab !== '' || !status.in_reply_to_id) && (tab !== 'media' || status.media_attachments.length > 0),
  });
  root.append(feed.element);
  return feed.destroy;
}

async function relationshipButtons(account, box) {
  let relationship;
  try {
    relationship = (await call('/api/v1/accounts/relationships', { query: { id: [account.id] } })).data[0];
  } catch (error) {
    box.append(problemBox(error));
    return;
  }
  const follow = h('button', { type: 'button', class: 'primary follow' });
  const mute = h('button', { type: 'button', class: 'mute' });
  const block = h('button', { type: 'button', class: 'danger block' });
  const note = h('p', { class: 'relationship-note' });
  const draw = () => {
    follow.textContent = t(relationship.following ? 'app.profile.unfollow' : relationship.requested ? 'app.profile.requested' : 'app.profile.follow');
    follow.setAttribute('aria-pressed', String(Boolean(relationship.following || relationship.requested)));
    follow.hidden = relationship.blocking;
    mute.textContent = t(relationship.muting ? 'app.profile.unmute' : 'app.profile.mute');
    block.textContent = t(relationship.blocking ? 'app.profile.unblock' : 'app.profile.block');
    note.textContent = relationship.followed_by ? t('app.profile.follows_you') : '';
  };
  const act = (button, path, confirmKey) => button.addEventListener('click', async () => {
    const action = path();
    if (confirmKey && confirmKey() && !window.confirm(t(confirmKey(), { name: account.acct }))) return;
    button.disabled = true;
    try {
      relationship = (await call(`/api/v1/accounts/${account.id}/${action}`, { method: 'POST' })).data;
      draw();
      announce(button.textContent);
    } catch (error) {
      toast(problemMessage(error), 'error');
    } finally {
      button.disabled = false;
    }
  });
  act(follow, () => (relationship.following || relationship.requested ? 'unfollow' : 'follow'));
  act(mute, () => (relationship.muting ? 'unmute' : 'mute'));
  act(block, () => (relationship.blocking ? 'unblock' : 'block'), () => (relationship.blocking ? null : 'app.profile.block_confirm'));
  draw();
  const report = h('button', {
    type: 'button', class: 'danger report-account',
    onclick: () => requestReport({ kind: 'account', accountId: account.id, account }),
  }, t('app.report.account_button'));
  box.append(follow, mute, block, report, note);
}

/** Followers or following: people, one page at a time. */
export function accountList(path, emptyText) {
  return pagedList({
    first: path, emptyText, listClass: 'accounts',
    draw: (a) => h('li', {}, accountLine(a, h('span', { class: 'meta' }, tn('app.profile.followers_count', a.followers_count)))),
  });
}

