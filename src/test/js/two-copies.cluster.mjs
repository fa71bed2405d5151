// Two copies of Omnia behind one PostgreSQL and one Redis: a post made through copy A reaches a streaming
// socket held on copy B (Redis pub/sub), driven by masto.js as an app would; so does a chat message. Run by .ci/run, which starts
// both copies: OMNIA_URL_A=... OMNIA_URL_B=... node --test two-copies.cluster.mjs
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { createOAuthAPIClient, createRestAPIClient, createStreamingAPIClient } from "masto";
import { collect } from "./support.mjs";

const urlA = process.env.OMNIA_URL_A;
const urlB = process.env.OMNIA_URL_B;
const OOB = "urn:ietf:wg:oauth:2.0:oob";
const suffix = randomBytes(4).toString("hex");

/** Omnia's own API (not Mastodon's, so not in masto.js): JSON in and out, failing on any error. */
async function omnia(base, token, method, path, body) {
  const response = await fetch(new URL(path, base), {
    method, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text);
}

/** Signs up through copy A; the sign-up answer's token carries the app's scopes. */
async function person(name) {
  const app = await createRestAPIClient({ url: urlA }).v1.apps.create({
    clientName: `cluster ${suffix}`, redirectUris: OOB, scopes: "read write follow",
  });
  const appToken = await createOAuthAPIClient({ url: urlA }).token.create({
    grantType: "client_credentials", clientId: app.clientId, clientSecret: app.clientSecret,
    redirectUri: OOB, scope: "read write follow",
  });
  const username = `${name}_${suffix}`;
  const token = await createRestAPIClient({ url: urlA, accessToken: appToken.accessToken }).v1.accounts.create({
    username, email: `${username}@example.org`, password: "a long and unusual passphrase",
    agreement: true, locale: "en", dateOfBirth: "1990-05-17",
  });
  return { username, token: token.accessToken };
}

test("a post and a chat message made on one copy reach a streaming socket on the other", async (t) => {
  const ann = await person("ann");
  const ben = await person("ben");
  const annOnA = createRestAPIClient({ url: urlA, accessToken: ann.token });
  const benOnB = createRestAPIClient({ url: urlB, accessToken: ben.token });
  const annId = (await annOnA.v1.accounts.verifyCredentials()).id;
  await benOnB.v1.accounts.$select(annId).follow();

  const streamingApiUrl = urlB.replace(/^http/, "ws");
  const stream = createStreamingAPIClient({ streamingApiUrl, accessToken: ben.token, retry: 3 });
  t.after(() => stream.close());
  const events = collect(stream.user.subscribe());
  await stream.prepare();

  // The subscription may arrive just after the socket opens: post until one is heard, each wait with a deadline.
  let heard;
  for (let attempt = 0; attempt < 5 && !heard; attempt++) {
    const posted = await annOnA.v1.statuses.create({ status: `through copy A ${attempt} @${ben.username}` });
    heard = await events.next((e) => e.event === "update" && e.payload.id === posted.id, 3_000).catch(() => undefined);
  }
  assert.ok(heard, "ben's socket on copy B heard ann's post made on copy A");
  const mention = await events.next((e) => e.event === "notification" && e.payload.status?.id === heard.payload.id);
  assert.equal(mention.payload.type, "mention");

  // Chat (Omnia's own API, its "chat" stream on the same socket): a message sent through copy A reaches
  // ben's socket on copy B, as the sync entry with its sequence number.
  const chat = collect(stream.chat.subscribe());
  const started = await omnia(urlA, ann.token, "POST", "/api/omnia/v1/chat/conversations",
    { type: "direct", account_id: (await benOnB.v1.accounts.verifyCredentials()).id });
  let delivered;
  for (let attempt = 0; attempt < 5 && !delivered; attempt++) {
    const sent = await omnia(urlA, ann.token, "POST", `/api/omnia/v1/chat/conversations/${started.id}/messages`,
      { client_message_id: `cluster-${suffix}-${attempt}`, text: `hello from A ${attempt}` });
    delivered = await chat.next((e) => e.event === "chat.message" && JSON.stringify(e.payload).includes(sent.id), 3_000)
      .catch(() => undefined);
  }
  assert.ok(delivered, "ben's socket on copy B got ann's chat message sent on copy A");
  assert.ok(Number(delivered.payload.seq) > 0);
});
