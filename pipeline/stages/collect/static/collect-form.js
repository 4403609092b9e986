// The respondent's page: the questionnaire's XForm rendered by ODK Web Forms (the bundle in
// /static/webforms/), each submission kept in the outbox first and then sent to the
// server's OpenRosa /submission endpoint. What the page needs comes from the data-*
// attributes of #collect (the page has no inline script).
import { mountForm } from './webforms/engine.js';
import { keep, remove, waiting } from './outbox.js';

const RETRY_SECONDS = 15;
const root = document.getElementById('collect');
const status = document.getElementById('collect-status');
const config = root.dataset;
let flushing = null;

function say(text, kind) {
  status.textContent = text;
  status.className = `status ${kind}`;
}

function instanceIdOf(xml) {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const node = [...doc.getElementsByTagName('*')].find((e) => e.localName === 'instanceID');
  return node ? node.textContent.trim() : '';
}

function serverMessage(text) {
  const doc = new DOMParser().parseFromString(text, 'text/xml');
  const node = doc.getElementsByTagName('message')[0];
  return node ? node.textContent : '';
}

/**
 * Send one kept submission. Returns 'sent' (201: stored, or an identical repeat), 'refused'
 * (the server will not take it: its reason shown, the entry dropped) or 'waiting' (no
 * connection, or the server failed: kept for the next try).
 */
async function send(entry) {
  const body = new FormData();
  body.append('xml_submission_file', new Blob([entry.xml], { type: 'text/xml' }), 'submission.xml');
  const headers = { 'X-OpenRosa-Version': '1.0' };
  if (entry.token) headers.Authorization = `Bearer ${entry.token}`;
  let response;
  try {
    response = await fetch(entry.url, { method: 'POST', body, headers, credentials: 'omit' });
  } catch {
    return 'waiting'; // offline or unreachable
  }
  if (response.status === 201) {
    await remove(entry.id);
    return 'sent';
  }
  if (response.status >= 500 || response.status === 408 || response.status === 429) {
    return 'waiting';
  }
  const reason = serverMessage(await response.text());
  await remove(entry.id);
  say(`${config.msgRefused}: ${reason}`, 'error');
  return 'refused';
}

/** Say what the outbox holds: the queue and its size, or the acknowledgement. */
async function showOutbox(acknowledged) {
  const left = (await waiting()).length;
  if (left > 0) say(`${config.msgQueued} (${config.msgWaiting}: ${left})`, 'queued');
  else if (acknowledged) say(config.msgThanks, 'done');
}

/** Send everything in the outbox, one at a time (one flush at once). */
function flush() {
  flushing ??= (async () => {
    try {
      const outcomes = [];
      for (const entry of await waiting()) outcomes.push(await send(entry));
      // a refusal's reason stays on screen rather than a later "thanks"
      if (!outcomes.includes('refused')) await showOutbox(outcomes.includes('sent'));
    } finally {
      flushing = null;
    }
  })();
  return flushing;
}

async function submitted(file) {
  const xml = await file.text();
  const entry = { id: instanceIdOf(xml), url: config.submitUrl, token: config.token, xml };
  // kept before it is sent: a tab closed or a connection lost mid-request loses nothing
  await keep(entry);
  say(config.msgSending, 'sending');
  const outcome = await send(entry);
  if (outcome !== 'refused') await showOutbox(outcome === 'sent');
  if (config.single) {
    // a one-time code submits once: the form goes, the acknowledgement (or the queue) stays
    document.getElementById('collect-form').hidden = true;
    return false;
  }
  // an interviewer goes on to a fresh form, offline too (the last one waits in the outbox);
  // a refused form stays on screen to be corrected
  return outcome !== 'refused';
}

/**
 * Keep this page and its XForm for offline use: the service worker (/sw.js) keeps them with
 * the static files, so that the page opens again without a connection. A one-time code's
 * page is not kept (it holds the code); without a service worker (a page not served over
 * HTTPS) the page works as before, online.
 */
async function keepForOffline() {
  if (!('serviceWorker' in navigator) || config.single) return;
  try {
    await navigator.serviceWorker.register('/sw.js', { scope: '/' });
    const registration = await navigator.serviceWorker.ready;
    const formUrl = new URL(config.formUrl, window.location.href).href;
    registration.active.postMessage({ keep: [window.location.href, formUrl] });
  } catch {
    // the form still works online; only reopening it offline is lost
  }
}

async function start() {
  const headers = config.token ? { Authorization: `Bearer ${config.token}` } : {};
  let formXml;
  try {
    const response = await fetch(config.formUrl, { headers, credentials: 'omit' });
    if (!response.ok) throw new Error(String(response.status));
    formXml = await response.text();
  } catch {
    say(config.msgFailed, 'error');
    return;
  }
  status.textContent = '';
  status.className = 'status';
  const leftovers = await waiting();
  if (config.single && leftovers.some((entry) => entry.token === config.token)) {
    // this code's form was submitted on an earlier visit and waits here: no second form
    document.getElementById('collect-form').hidden = true;
  } else {
    mountForm(document.getElementById('collect-form'), formXml, submitted);
  }
  // leftovers from an earlier visit, then whenever the connection returns, and every
  // RETRY_SECONDS while something waits (the online event is not fired by every network)
  if (leftovers.length > 0) flush();
  keepForOffline();
  window.addEventListener('online', () => flush());
  setInterval(async () => {
    if ((await waiting()).length > 0) flush();
  }, RETRY_SECONDS * 1000);
}

start();
