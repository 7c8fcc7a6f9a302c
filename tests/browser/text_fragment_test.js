// Text-fragment links in a real browser (docs/reports.md, report/text_fragment.h):
// the "open the page at the quote" link citecheckd's report makes for a
// near-match, opened in headless chromium on the loopback page it checked,
// scrolls the quoted words (far below the fold) into view and highlights
// them (the page styles ::target-text in a colour nothing else uses; the
// screenshot must show it where the words are).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const {assert, requireChromium, servePages, Daemon, launchBrowser, artifactDir, run, sleep} = require('./harness');

const chromium = requireChromium();
const HIGHLIGHT = [255, 0, 255];

run(async (cleanup) => {
  const filler = Array.from({length: 60}, (_, i) =>
      `<p>Paragraph ${i}: the weather was calm, the sea was grey &amp; the lamp was trimmed.</p>`).join('\n');
  const pages = await servePages({
    '/page': {type: 'text/html; charset=utf-8', body: '<!DOCTYPE html><html><head><title>Logbook</title><style>' +
      '::target-text{background-color:rgb(255,0,255);color:rgb(255,0,255)}body{font-size:20px}</style></head><body>' +
      filler + '<p id="quote">In 1871, as the records show, the keeper – tired but steady – wrote every storm into ' +
      'his logbook, even “the great gale”.</p>' + filler + '</body></html>'},
  });
  cleanup(() => pages.server.close());
  const daemon = new Daemon();
  await daemon.start();
  cleanup(() => daemon.stop());
  const article = await daemon.checkArticle('gale.md',
      'The records say "the keeper – tired and steady – wrote every storm into his logbook, even “the great gale”" [1].\n\n' +
      '## References\n\n[1] ' + pages.url('/page') + '\n');
  const html = (await daemon.api('GET', `/v1/articles/${article}/report?format=html`)).text;
  const m = /<p class="open-at"><a href="([^"]+)"/.exec(html);
  assert.ok(m, 'the report links the evidence with a text fragment:\n' + html.slice(0, 3000));
  const href = m[1].replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"');
  assert.ok(href.startsWith(pages.url('/page') + '#:~:text='), href);
  console.log('link: ' + href);

  const browser = await launchBrowser(chromium);
  cleanup(() => browser.close());
  const plain = await browser.newPage();
  await plain.goto(pages.url('/page'));
  assert.equal(await plain.evaluate(() => window.scrollY), 0, 'without the fragment the page opens at the top');
  // A new tab: a text directive is not applied on a same-document navigation.
  const page = await browser.newPage();
  await page.setViewport({width: 900, height: 700});
  await page.goto(href);
  await sleep(500);  // the text directive is applied after load
  const state = await page.evaluate(() => {
    const r = document.getElementById('quote').getBoundingClientRect();
    return {scrollY: window.scrollY, top: r.top, bottom: r.bottom, height: window.innerHeight,
            directive: typeof document.fragmentDirective, hash: location.hash};
  });
  assert.equal(state.directive, 'object', 'chromium supports document.fragmentDirective');
  assert.equal(state.hash, '', 'the directive is taken out of the URL, as the spec says');
  assert.ok(state.scrollY > 1000, `scrolled down to the quote (scrollY ${state.scrollY})`);
  assert.ok(state.top >= 0 && state.bottom <= state.height, `the quote is in view: ${JSON.stringify(state)}`);

  const shots = artifactDir();
  const shot = await page.screenshot({encoding: 'base64'});
  fs.writeFileSync(path.join(shots, 'text-fragment.png'), Buffer.from(shot, 'base64'));
  // Count highlight-coloured pixels in the quote's box and outside it.
  const counts = await page.evaluate(async (png, rect, colour) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + png;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, img.width, img.height).data;
    let inside = 0, outside = 0;
    for (let y = 0; y < img.height; ++y) {
      for (let x = 0; x < img.width; ++x) {
        const i = 4 * (y * img.width + x);
        if (Math.abs(data[i] - colour[0]) + Math.abs(data[i + 1] - colour[1]) + Math.abs(data[i + 2] - colour[2]) > 30) continue;
        if (y >= rect.top && y <= rect.bottom) ++inside; else ++outside;
      }
    }
    return {inside, outside};
  }, shot, {top: state.top, bottom: state.bottom}, HIGHLIGHT);
  assert.ok(counts.inside > 500, `the quoted words are highlighted (${counts.inside} highlight pixels)`);
  assert.equal(counts.outside, 0, 'and nothing else is');
  console.log(`highlight pixels: ${counts.inside} on the quote, ${counts.outside} elsewhere; scrollY ${state.scrollY}`);
});
