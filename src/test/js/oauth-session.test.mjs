// Omnia driven by masto.js, an existing Mastodon client library used unchanged, the way a real app would:
// register an app, sign up through the API, complete the authorization-code flow with PKCE (driving the
// sign-in and consent pages over HTTP, as a person's browser would), then call the API with the token.
// Run by .ci/run against a freshly started server: OMNIA_URL=http://127.0.0.1:18080 node --test
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { deflateSync } from "node:zlib";
import { createOAuthAPIClient, createRestAPIClient, createStreamingAPIClient } from "masto";
import { collect } from "./support.mjs";

const url = process.env.OMNIA_URL ?? "http://127.0.0.1:8080";
const OOB = "urn:ietf:wg:oauth:2.0:oob";
const suffix = randomBytes(4).toString("hex");

/** A browser stand-in: follows nothing by itself and keeps cookies, so each step is explicit. */
class Browser {
  cookies = new Map();

  async request(path, { method = "GET", form } = {}) {
    const headers = { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ") };
    let body;
    if (form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(form).toString();
    }
    const response = await fetch(new URL(path, url), { method, headers, body, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return { status: response.status, location: response.headers.get("location"), html: await response.text() };
  }
}

/** The hidden inputs of the first form on a page, as a browser would submit them. */
function hiddenInputs(html) {
  const fields = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/?>/g)) {
    fields[match[1]] = match[2].replaceAll("&amp;", "&").replaceAll("&quot;", '"');
  }
  return fields;
}

/** A small real PNG (a colour gradient), made here so that the server has something to decode and re-encode. */
function png(width, height) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = [];
  for (let y = 0; y < height; y++) {
    rows.push(Buffer.from([0, ...Array.from({ length: width }, (_, x) => [x * 4, y * 4, 128]).flat()]));
  }
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows))), chunk("IEND", Buffer.alloc(0))]);
}

function pkcePair() {
  const verifier = randomBytes(32).toString("base64url");
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  return { verifier, challenge };
}

async function registerApp(scopes) {
  const anonymous = createRestAPIClient({ url });
  return anonymous.v1.apps.create({ clientName: `masto test ${suffix}`, redirectUris: OOB, scopes });
}

async function signUp(app, username, password) {
  const oauth = createOAuthAPIClient({ url });
  const appToken = await oauth.token.create({
    grantType: "client_credentials", clientId: app.clientId, clientSecret: app.clientSecret,
    redirectUri: OOB, scope: "read write",
  });
  const asApp = createRestAPIClient({ url, accessToken: appToken.accessToken });
  return asApp.v1.accounts.create({
    username, email: `${username}@example.org`, password, agreement: true, locale: "en",
    dateOfBirth: "1990-04-01",
  });
}

/** Signs in on the web page and approves the consent screen; returns the code shown for the oob redirect. */
async function authorize(browser, app, login, password, scope, challenge) {
  const query = new URLSearchParams({
    response_type: "code", client_id: app.clientId, redirect_uri: OOB, scope,
    code_challenge: challenge, code_challenge_method: "S256",
  });
  const first = await browser.request(`/oauth/authorize?${query}`);
  assert.equal(first.status, 302, "an anonymous visitor is sent to sign in");
  const signInPage = await browser.request(first.location);
  const signedIn = await browser.request("/auth/sign_in", {
    method: "POST", form: { ...hiddenInputs(signInPage.html), login, password },
  });
  assert.equal(signedIn.status, 302, "signing in redirects back to the authorization page");
  const consent = await browser.request(signedIn.location);
  assert.equal(consent.status, 200);
  assert.match(consent.html, /Authorize/);
  const approved = await browser.request("/oauth/authorize", {
    method: "POST", form: { ...hiddenInputs(consent.html), decision: "approve" },
  });
  assert.equal(approved.status, 302);
  const codePage = await browser.request(approved.location);
  const code = /id="code"[^>]*value="([^"]+)"/.exec(codePage.html)?.[1];
  assert.ok(code, "the out-of-band page shows the code");
  return code;
}

test("an unchanged Mastodon client library registers, authorizes with PKCE and reads its account", async () => {
  const app = await registerApp("read write follow");
  assert.ok(app.clientId && app.clientSecret);

  const username = `masto_${suffix}`;
  const password = "a long and unusual passphrase";
  const signUpToken = await signUp(app, username, password);
  assert.equal(signUpToken.tokenType, "Bearer");

  const { verifier, challenge } = pkcePair();
  const code = await authorize(new Browser(), app, username, password, "read write", challenge);
  const oauth = createOAuthAPIClient({ url });
  const token = await oauth.token.create({
    grantType: "authorization_code", clientId: app.clientId, clientSecret: app.clientSecret,
    redirectUri: OOB, code, codeVerifier: verifier, scope: "read write",
  });
  assert.equal(token.scope, "read write");

  const client = createRestAPIClient({ url, accessToken: token.accessToken });
  const me = await client.v1.accounts.verifyCredentials();
  assert.equal(me.username, username);
  assert.equal(me.acct, username);
  assert.equal(typeof me.id, "string");

  const updated = await client.v1.accounts.updateCredentials({ displayName: "Masto Tester", note: "Hello <b>world</b>" });
  assert.equal(updated.displayName, "Masto Tester");
  assert.equal(updated.note, "<p>Hello &lt;b&gt;world&lt;/b&gt;</p>", "user text is escaped");

  const looked = await client.v1.accounts.lookup({ acct: username });
  assert.equal(looked.id, me.id);

  const instance = await createRestAPIClient({ url }).v2.instance.fetch();
  assert.match(instance.version, /^4\.3\.0 \(compatible; Omnia /);

  await oauth.revoke({ clientId: app.clientId, clientSecret: app.clientSecret, token: token.accessToken });
  await assert.rejects(client.v1.accounts.verifyCredentials(), (error) => error.statusCode === 401);
});

test("a code cannot be redeemed without its PKCE verifier, and a read token cannot write", async () => {
  const app = await registerApp("read write");
  const username = `masto_r_${suffix}`;
  const password = "another long unusual passphrase";
  await signUp(app, username, password);
  const { challenge } = pkcePair();
  const oauth = createOAuthAPIClient({ url });

  const code = await authorize(new Browser(), app, username, password, "read", challenge);
  await assert.rejects(oauth.token.create({
    grantType: "authorization_code", clientId: app.clientId, clientSecret: app.clientSecret,
    redirectUri: OOB, code, codeVerifier: pkcePair().verifier,
  }), (error) => error.statusCode === 400);

  const { verifier, challenge: second } = pkcePair();
  const readCode = await authorize(new Browser(), app, username, password, "read", second);
  const readToken = await oauth.token.create({
    grantType: "authorization_code", clientId: app.clientId, clientSecret: app.clientSecret,
    redirectUri: OOB, code: readCode, codeVerifier: verifier,
  });
  const reader = createRestAPIClient({ url, accessToken: readToken.accessToken });
  assert.equal((await reader.v1.accounts.verifyCredentials()).username, username);
  await assert.rejects(reader.v1.accounts.updateCredentials({ displayName: "nope" }),
    (error) => error.statusCode === 403);
});

test("two people follow each other, post with media and a poll, vote, reply, favourite, reblog, are notified (also on the streaming socket), search and read timelines page by page", async (t) => {
  const app = await registerApp("read write follow");
  const password = "a long and unusual passphrase";
  const clients = {};
  for (const name of ["ann", "ben"]) {
    const username = `${name}_${suffix}`;
    await signUp(app, username, password);
    const { verifier, challenge } = pkcePair();
    const code = await authorize(new Browser(), app, username, password, "read write follow", challenge);
    const token = await createOAuthAPIClient({ url }).token.create({
      grantType: "authorization_code", clientId: app.clientId, clientSecret: app.clientSecret,
      redirectUri: OOB, code, codeVerifier: verifier,
    });
    const client = createRestAPIClient({ url, accessToken: token.accessToken });
    clients[name] = { client, me: await client.v1.accounts.verifyCredentials(), username, token: token.accessToken };
  }
  const { ann, ben } = clients;

  const relationship = await ben.client.v1.accounts.$select(ann.me.id).follow();
  assert.equal(relationship.following, true);
  await ann.client.v1.accounts.$select(ben.me.id).follow();
  const [rel] = await ann.client.v1.accounts.relationships.fetch({ id: [ben.me.id] });
  assert.equal(rel.followedBy, true);

  // Ben listens on the streaming socket, as an app does, with the URL the instance document advertises.
  const instance = await ben.client.v2.instance.fetch();
  const stream = createStreamingAPIClient({
    streamingApiUrl: instance.configuration.urls.streaming, accessToken: ben.token, retry: 3,
  });
  t.after(() => stream.close()); // an open socket would keep the test process alive after a failure
  const events = collect(stream.user.subscribe());
  await stream.prepare();

  // Ann posts a picture and a poll; the server re-encodes the picture and describes it.
  const picture = await ann.client.v2.media.create({
    file: new Blob([png(32, 24)], { type: "image/png" }), description: "a gradient", focus: "0.5,-0.25",
  });
  assert.equal(picture.type, "image");
  assert.equal(picture.meta.original.width, 32);
  assert.ok(picture.blurhash.length > 6);
  // The subscription may reach the server just after it opens: say hello until Ben hears one (each wait has a
  // deadline; nothing sleeps), then everything after is in order.
  let heard = false;
  for (let attempt = 0; attempt < 5 && !heard; attempt++) {
    const hello = await ann.client.v1.statuses.create({ status: `hello ${attempt}` });
    heard = await events.next((e) => e.event === "update" && e.payload.id === hello.id, 3_000).then(() => true, () => false);
  }
  assert.ok(heard, "ben hears ann's posts on the user stream");
  const withMedia = await ann.client.v1.statuses.create({ status: `look @${ben.username}`, mediaIds: [picture.id] });
  const update = await events.next((e) => e.event === "update" && e.payload.id === withMedia.id);
  assert.equal(update.payload.mediaAttachments[0].id, picture.id);
  assert.equal(update.payload.mediaAttachments[0].description, "a gradient");
  const mention = await events.next((e) => e.event === "notification" && e.payload.type === "mention"
    && e.payload.status.id === withMedia.id);
  assert.equal(mention.payload.account.id, ann.me.id);
  const shown = await ben.client.v1.statuses.$select(withMedia.id).fetch();
  assert.equal(shown.mediaAttachments[0].meta.focus.y, -0.25);
  const served = await fetch(shown.mediaAttachments[0].url);
  assert.equal(served.headers.get("content-type"), "image/png");
  assert.equal(served.headers.get("x-content-type-options"), "nosniff");

  const question = await ann.client.v1.statuses.create({
    status: "tea or coffee?", poll: { options: ["tea", "coffee"], expiresIn: 3600 },
  });
  await events.next((e) => e.event === "update" && e.payload.id === question.id);
  const voted = await ben.client.v1.polls.$select(question.poll.id).votes.create({ choices: [1] });
  assert.equal(voted.voted, true);
  assert.deepEqual(voted.ownVotes, [1]);
  const results = await ann.client.v1.polls.$select(question.poll.id).fetch();
  assert.equal(results.votesCount, 1);
  assert.equal(results.options[1].votesCount, 1);
  await assert.rejects(ben.client.v1.polls.$select(question.poll.id).votes.create({ choices: [0] }),
    (error) => error.statusCode === 422);

  const posted = [];
  for (let i = 0; i < 5; i++) {
    posted.push(await ann.client.v1.statuses.create({ status: `post ${i} #masto${suffix} @${ben.username}` }));
  }
  assert.equal(posted[0].mentions[0].id, ben.me.id);
  assert.equal(posted[0].tags[0].name, `masto${suffix}`);

  const reply = await ben.client.v1.statuses.create({ status: "a reply", inReplyToId: posted[4].id });
  const context = await ann.client.v1.statuses.$select(posted[4].id).context.fetch();
  assert.deepEqual(context.descendants.map((s) => s.id), [reply.id]);

  const favourited = await ben.client.v1.statuses.$select(posted[4].id).favourite();
  assert.equal(favourited.favourited, true);
  const bensReplyFavourited = await ann.client.v1.statuses.$select(reply.id).favourite();
  assert.equal(bensReplyFavourited.favourited, true);
  const favouriteHeard = await events.next((e) => e.event === "notification" && e.payload.type === "favourite");
  assert.equal(favouriteHeard.payload.status.id, reply.id);
  const reblog = await ben.client.v1.statuses.$select(posted[3].id).reblog();
  assert.equal(reblog.reblog.id, posted[3].id);
  const notifications = await ann.client.v1.notifications.list({ limit: 10 });
  const kinds = notifications.map((n) => n.type);
  for (const kind of ["favourite", "reblog", "follow"]) assert.ok(kinds.includes(kind), `ann got ${kind}`);
  const bensMentions = await ben.client.v1.notifications.list({ types: ["mention"] });
  assert.equal(bensMentions.length, 6, "ben was mentioned in the picture post and in each of ann's five posts");
  const seen = await ann.client.v1.statuses.$select(posted[4].id).fetch();
  assert.equal(seen.favouritesCount, 1);
  assert.equal(seen.repliesCount, 1);

  // The library follows the Link headers itself: collect ann's home two at a time.
  const pages = [];
  for await (const page of ann.client.v1.timelines.home.list({ limit: 2 })) {
    pages.push(page.map((s) => s.id));
    if (pages.length === 4) break;
  }
  const ids = pages.flat();
  assert.ok(pages.every((p) => p.length <= 2));
  assert.equal(new Set(ids).size, ids.length, "no status twice across pages");
  for (const status of posted) assert.ok(ids.includes(status.id), `home has ${status.id}`);

  const anonymous = createRestAPIClient({ url });
  const tagPages = [];
  for await (const page of anonymous.v1.timelines.tag.$select(`masto${suffix}`).list({ limit: 2 })) {
    tagPages.push(page.map((s) => s.id));
    if (tagPages.length === 5) break;
  }
  assert.deepEqual(tagPages.map((p) => p.length).slice(0, 3), [2, 2, 1], "the tag timeline, two at a time");
  assert.deepEqual(tagPages.flat(), posted.map((s) => s.id).reverse());
  const publicIds = [];
  for await (const page of anonymous.v1.timelines.public.list({ limit: 3, local: true })) {
    publicIds.push(...page.map((s) => s.id));
    if (publicIds.includes(posted[0].id) || publicIds.length > 60) break;
  }
  assert.ok(publicIds.includes(posted[0].id), "the public timeline, three at a time, reaches ann's first post");
  assert.equal(new Set(publicIds).size, publicIds.length);

  const found = await ben.client.v2.search.list({ q: `masto${suffix}` });
  assert.equal(found.hashtags[0].name, `masto${suffix}`);
  assert.ok(found.statuses.some((s) => s.id === posted[1].id));
  const people = await ben.client.v2.search.list({ q: ann.username, type: "accounts" });
  assert.deepEqual(people.accounts.map((a) => a.id), [ann.me.id]);

  const deleted = await ann.client.v1.statuses.$select(posted[0].id).remove();
  assert.match(deleted.text, /^post 0/);
  const gone = await events.next((e) => e.event === "delete" && e.payload === posted[0].id);
  assert.deepEqual(gone.stream, ["user"]);
  await assert.rejects(anonymous.v1.statuses.$select(posted[0].id).fetch(), (error) => error.statusCode === 404);
});
