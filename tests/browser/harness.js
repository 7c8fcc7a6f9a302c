// Shared pieces of the real-browser tests: a loopback page server, the real
// citecheckd (temp database, token, --allow-private), its API, and Debian's
// chromium driven by puppeteer-core. A test exits 77 (ctest: skipped) only
// when chromium is not installed; every other problem fails it.
'use strict';
const assert = require('node:assert/strict');
const {spawn, spawnSync} = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');

const TOKEN = 'browser-test-token-0123456789';

function findChromium() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  for (const name of ['chromium', 'chromium-browser']) {
    const found = spawnSync('sh', ['-c', `command -v ${name}`], {encoding: 'utf8'});
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  }
  return '';
}

// The chromium binary, or exit 77 with the reason (the only skip).
function requireChromium() {
  const chromium = findChromium();
  if (!chromium) {
    console.error('SKIP: chromium is not installed (scripts/setup installs the Debian package `chromium`); ' +
                  'the browser tests did not run');
    process.exit(77);
  }
  return chromium;
}

function need(name) {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is not set (ctest sets it)`);
  return value;
}

// A server on 127.0.0.1 answering `routes[path]` = {type, body}.
async function servePages(routes) {
  const server = http.createServer((req, res) => {
    const route = routes[req.url.split('?')[0]];
    if (!route) {
      res.writeHead(404, {'Content-Type': 'text/plain'});
      return res.end('not found');
    }
    res.writeHead(200, {'Content-Type': route.type});
    res.end(route.body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {server, url: (p) => `http://127.0.0.1:${server.address().port}${p}`};
}

class Daemon {
  constructor() {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'citecheck-browser-'));
    this.db = path.join(this.dir, 'citecheck.db');
    fs.writeFileSync(path.join(this.dir, 'token'), TOKEN + '\n');
    fs.writeFileSync(path.join(this.dir, 'config.json'),
                     JSON.stringify({fetch: {retries: 0, per_host_interval_ms: 0, timeout_s: 5}}));
    this.log = '';
  }

  async start() {
    this.child = spawn(need('CITECHECKD'), ['--db', this.db, '--listen', '127.0.0.1:0', '--token-file',
                                            path.join(this.dir, 'token'), '--config',
                                            path.join(this.dir, 'config.json'), '--allow-private'],
                       {stdio: ['ignore', 'pipe', 'pipe']});
    const onData = (chunk) => { this.log += chunk; };
    this.child.stdout.on('data', onData);
    this.child.stderr.on('data', onData);
    const deadline = Date.now() + 20000;
    while (Date.now() < deadline) {
      const m = /daemon\.start listen=[^ ]*:(\d+)/.exec(this.log);
      if (m) {
        this.base = `http://127.0.0.1:${m[1]}`;
        return;
      }
      if (this.child.exitCode !== null) break;
      await sleep(50);
    }
    throw new Error('citecheckd did not start:\n' + this.log);
  }

  async api(method, p, body, type) {
    const headers = {Authorization: `Bearer ${TOKEN}`};
    if (type) headers['Content-Type'] = type;
    const res = await fetch(this.base + p, {method, headers, body});
    const text = await res.text();
    return {status: res.status, text, json: () => JSON.parse(text)};
  }

  // Registers a Markdown article, waits for its check; the article id.
  async checkArticle(name, markdown) {
    const posted = (await this.api('POST', `/v1/articles?name=${name}`, markdown, 'text/markdown')).json();
    const deadline = Date.now() + 60000;
    while (Date.now() < deadline) {
      const job = (await this.api('GET', `/v1/jobs/${posted.job}`)).json();
      if (job.state === 'done') return posted.article;
      if (job.state === 'failed') throw new Error('check failed: ' + JSON.stringify(job));
      await sleep(100);
    }
    throw new Error('the check did not finish');
  }

  // `citecheck report` on the same database: its exit code (0: nothing fails).
  reportExitCode(article) {
    const run = spawnSync(need('CITECHECK'), ['report', '--db', this.db, String(article)], {encoding: 'utf8'});
    return run.status;
  }

  stop() {
    if (this.child && this.child.exitCode === null) this.child.kill('SIGTERM');
  }
}

function sleep(ms) { return new Promise((resolve) => setTimeout(resolve, ms)); }

async function launchBrowser(chromium) {
  let puppeteer;
  try {
    puppeteer = require('puppeteer-core');
  } catch (e) {
    throw new Error('puppeteer-core is not installed (the build runs npm ci in build/tests/browser): ' + e.message);
  }
  return puppeteer.launch({executablePath: chromium, headless: true,
                           args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']});
}

function artifactDir() {
  const dir = process.env.ARTIFACTS || fs.mkdtempSync(path.join(os.tmpdir(), 'citecheck-browser-shots-'));
  fs.mkdirSync(dir, {recursive: true});
  return dir;
}

// Runs `body`, stopping the daemon and servers whatever happens; exit 1 on failure.
async function run(body) {
  const cleanups = [];
  try {
    await body((fn) => cleanups.push(fn));
    console.log('PASS');
  } catch (e) {
    console.error('FAIL:', e && e.stack ? e.stack : e);
    process.exitCode = 1;
  } finally {
    for (const fn of cleanups.reverse()) {
      try { await fn(); } catch (e) { /* cleanup only */ }
    }
  }
}

module.exports = {assert, TOKEN, requireChromium, servePages, Daemon, launchBrowser, artifactDir, run, sleep};
