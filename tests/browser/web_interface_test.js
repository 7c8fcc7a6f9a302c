// The web interface in a real browser (docs/web.md): Debian chromium,
// headless, driven by puppeteer-core, against the real citecheckd. It signs
// in, opens an article, accepts its near-match with a note using only the
// keyboard, sees the badge and the exit code change (the page's and
// `citecheck report`'s), checks that no script payload from the article or
// the page ran and that the page fits a phone, and saves screenshots.
'use strict';
const path = require('node:path');
const {assert, TOKEN, requireChromium, servePages, Daemon, launchBrowser, artifactDir, run} = require('./harness');

const chromium = requireChromium();

run(async (cleanup) => {
  const pages = await servePages({
    '/page': {type: 'text/html', body: '<!DOCTYPE html><title>Logbook</title><p>&lt;script&gt;window.pwned=2&lt;/script&gt; ' +
                                      'The lighthouse keeper wrote every storm into his logbook. &lt;img src=x ' +
                                      'onerror=window.pwned=3&gt;</p>'},
  });
  cleanup(() => pages.server.close());
  const daemon = new Daemon();
  await daemon.start();
  cleanup(() => daemon.stop());
  const article = await daemon.checkArticle('storms.md',
      '# Storms \\<img src=x onerror=window.pwned=1\\>\n\n' +
      'The keeper said "the lighthouse keeper wrote every single storm into his logbook" [1].\n\n' +
      '## References\n\n[1] ' + pages.url('/page') + '\n');
  assert.equal(daemon.reportExitCode(article), 1, 'before the review the near-match fails the report');

  const browser = await launchBrowser(chromium);
  cleanup(() => browser.close());
  const page = await browser.newPage();
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  const foreign = [];
  page.on('request', (r) => { if (!r.url().startsWith(daemon.base)) foreign.push(r.url()); });
  const violations = [];
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => { window.__violations = (window.__violations || 0) + 1; });
  });
  await page.setViewport({width: 1100, height: 900});
  const shots = artifactDir();

  // Without a session every page leads to the sign-in.
  await page.goto(daemon.base + '/articles/' + article);
  assert.equal(new URL(page.url()).pathname, '/sign-in');
  await page.screenshot({path: path.join(shots, 'web-sign-in.png')});
  await page.type('#token', TOKEN);
  await page.type('#name', 'Ada');
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  assert.equal(new URL(page.url()).pathname, '/', 'signed in, on the articles page');
  const listed = await page.$eval('table.articles tbody', (t) => t.textContent);
  assert.match(listed, /Storms <img src=x onerror=window\.pwned=1>/, 'the title shows as text');
  assert.match(listed, /near_match/);
  await page.screenshot({path: path.join(shots, 'web-articles.png')});

  await Promise.all([page.waitForNavigation(), page.click(`a[href="/articles/${article}"]`)]);
  const entry = 'li.entry[data-status="near_match"]';
  assert.equal(await page.$eval('[data-exit-code]', (e) => e.dataset.exitCode), '1');
  assert.equal(await page.$(`${entry} .review`), null, 'no review yet');
  const snippet = await page.$eval(`${entry} .snippet`, (e) => e.textContent);
  assert.match(snippet, /<script>window\.pwned=2<\/script>/, 'the page snippet shows its markup as text');

  // Keyboard only: focus the note, type, Tab to "accept", Enter.
  await page.focus(`${entry} input[name=note]`);
  await page.keyboard.type('a paraphrase the keeper approved');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.value), 'accepted', 'Tab reaches the accept button');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  const badge = await page.$eval(`${entry} .review`, (e) => e.textContent);
  assert.match(badge, /accepted/, 'the accepted badge beside the verdict');
  assert.match(badge, /Ada/, 'by the signed-in name');
  assert.equal(await page.$eval('[data-exit-code]', (e) => e.dataset.exitCode), '0', 'the page shows exit code 0');
  assert.equal(daemon.reportExitCode(article), 0, '`citecheck report` exits 0 now');
  const reviews = (await daemon.api('GET', `/v1/articles/${article}/report`)).json();
  assert.equal(reviews.articles[0].quotes[0].review.note, 'a paraphrase the keeper approved');
  await page.screenshot({path: path.join(shots, 'web-article.png'), fullPage: true});
  // The one in docs/web-review.png: the reviewed entry at a modest width.
  await page.setViewport({width: 820, height: 560});
  await page.$eval(entry, (e) => e.scrollIntoView());
  await page.screenshot({path: path.join(shots, 'web-review.png')});

  // A phone: nothing wider than the screen.
  await page.setViewport({width: 390, height: 844, isMobile: true});
  await page.reload();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the article page is ${overflow}px wider than a phone`);
  await page.screenshot({path: path.join(shots, 'web-article-phone.png')});

  assert.equal(await page.evaluate(() => window.pwned), undefined, 'no payload ran');
  assert.deepEqual(dialogs, [], 'no dialog opened');
  assert.equal(await page.evaluate(() => window.__violations || 0), 0, 'the page needs nothing its CSP forbids');
  assert.deepEqual(foreign, [], 'no request left the daemon');
  assert.deepEqual(violations, []);

  // Sign out: back at the sign-in, and the pages are closed again.
  await Promise.all([page.waitForNavigation(), page.click('nav.top form[action="/sign-out"] button')]);
  assert.equal(new URL(page.url()).pathname, '/sign-in');
  await page.goto(daemon.base + '/');
  assert.equal(new URL(page.url()).pathname, '/sign-in');
  console.log('screenshots in ' + shots);
});
