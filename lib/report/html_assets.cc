#include "report/html_assets.h"

namespace citecheck {

const std::string_view kReportCss = R"CSS(
:root{--fg:#1d2125;--muted:#5f6b76;--bg:#fff;--card:#f7f8fa;--line:#d9dee3;
--ok:#1a7f37;--ok-bg:#dafbe1;--warn:#9a6700;--warn-bg:#fff8c5;--bad:#cf222e;--bad-bg:#ffebe9;
--info:#8250df;--info-bg:#fbefff;--dim:#57606a;--dim-bg:#eaeef2}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
.page{max-width:1100px;margin:0 auto;padding:1rem}
h1{font-size:1.4rem;margin:.2rem 0}h2{font-size:1.25rem;margin:.2rem 0;overflow-wrap:anywhere}
h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
.meta{color:var(--muted);margin:.1rem 0;overflow-wrap:anywhere}
.article{border-top:3px solid var(--line);margin-top:1rem;padding-top:.6rem}
.bar{display:flex;height:.8rem;border-radius:.4rem;overflow:hidden;background:var(--dim-bg);margin:.6rem 0}
.bar span{display:block;height:100%}
.counts{display:flex;flex-wrap:wrap;gap:.4rem;list-style:none;padding:0;margin:.4rem 0}
.counts li{padding:.1rem .5rem;border-radius:1rem;background:var(--card);border:1px solid var(--line);font-size:.9rem}
.counts b{font-variant-numeric:tabular-nums}
.filters{display:none;flex-wrap:wrap;gap:.4rem;margin:.6rem 0}
.js .filters{display:flex}
.filters button{font:inherit;font-size:.85rem;padding:.25rem .7rem;border:1px solid var(--line);border-radius:1rem;background:var(--bg);cursor:pointer}
.filters button[aria-pressed=true]{background:var(--fg);color:var(--bg);border-color:var(--fg)}
.badge{display:inline-block;font-size:.78rem;font-weight:600;padding:.05rem .5rem;border-radius:.8rem;white-space:nowrap;border:1px solid transparent}
.s-verified,.l-ok{color:var(--ok);background:var(--ok-bg);border-color:var(--ok)}
.s-near_match,.l-timeout,.l-blocked{color:var(--warn);background:var(--warn-bg);border-color:var(--warn)}
.s-not_found,.l-broken,.l-error,.l-unresolved{color:var(--bad);background:var(--bad-bg);border-color:var(--bad)}
.s-unverifiable{color:var(--info);background:var(--info-bg);border-color:var(--info)}
.s-skipped,.s-uncited,.s-pending,.l-excluded{color:var(--dim);background:var(--dim-bg);border-color:var(--dim)}
.bar .s-verified{background:var(--ok)}.bar .s-near_match{background:#d4a72c}.bar .s-not_found{background:var(--bad)}
.bar .s-unverifiable{background:var(--info)}.bar .s-skipped,.bar .s-uncited,.bar .s-pending{background:#afb8c1}
ol.entries{list-style:none;padding:0;margin:0}
.entry{background:var(--card);border:1px solid var(--line);border-left:5px solid var(--line);border-radius:.4rem;padding:.7rem .9rem;margin:.7rem 0}
.entry.problem{border-left-color:var(--bad)}.entry.st-verified{border-left-color:var(--ok)}
.entry.st-near_match{border-left-color:#d4a72c}.entry.st-unverifiable{border-left-color:var(--info)}
.entry.hidden{display:none}
.head{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;color:var(--muted);font-size:.9rem}
blockquote{margin:.4rem 0;padding:.1rem .8rem;border-left:3px solid var(--line);font-size:1.05rem;overflow-wrap:anywhere}
.cites{list-style:none;padding:0;margin:.3rem 0;font-size:.9rem}
.cites li{overflow-wrap:anywhere}
.evidence{margin:.4rem 0;font-size:.95rem}
.snippet{margin:.2rem 0;padding:.4rem .6rem;background:var(--bg);border:1px dashed var(--line);border-radius:.3rem;overflow-wrap:anywhere}
mark.match{background:#fff3a3;padding:0 .1rem}
mark.diff{background:#ffcecb;color:#82071e;font-weight:600;text-decoration:underline wavy #cf222e;padding:0 .1rem}
.pairs{font-size:.9rem;color:var(--muted)}
.reason{font-size:.9rem;color:var(--muted);margin:.2rem 0}
.reason.notice{color:var(--warn);font-weight:600}
.evidence.archived .snippet{border-style:dotted;border-color:var(--warn)}
.review{font-size:.8rem;font-weight:600;padding:.05rem .5rem;border-radius:.8rem;border:1px dashed}
.r-accepted{color:var(--ok)}.r-rejected{color:var(--bad)}.r-stale{color:var(--warn)}
code.key{font-size:.75rem;color:var(--muted)}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{text-align:left;padding:.3rem .4rem;border-bottom:1px solid var(--line);vertical-align:top;overflow-wrap:anywhere}
tr.problem td{background:var(--bad-bg)}
.diagnostics li{overflow-wrap:anywhere}
a{color:#0969da}
footer{color:var(--muted);font-size:.8rem;margin:2rem 0 1rem}
@media (max-width:600px){body{font-size:15px}.page{padding:.6rem}
 table,thead,tbody,tr,th,td{display:block}thead{display:none}tr{border-bottom:1px solid var(--line);padding:.3rem 0}
 td{border:0;padding:.1rem .2rem}}
@media print{.filters{display:none!important}.entry.hidden{display:block}
 .entry{break-inside:avoid;background:none}body{font-size:11pt}a{color:inherit}
 a[href]::after{content:" <" attr(href) ">";font-size:.8em;color:var(--muted)}
 .badge,mark,.bar span{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
)CSS";

const std::string_view kReportScript = R"JS(
(function () {
  document.documentElement.classList.add('js');
  var bars = document.querySelectorAll('.filters');
  Array.prototype.forEach.call(bars, function (bar) {
    var article = bar.closest('.article');
    bar.addEventListener('click', function (event) {
      var button = event.target.closest('button[data-filter]');
      if (!button) return;
      var filter = button.getAttribute('data-filter');
      Array.prototype.forEach.call(bar.querySelectorAll('button'), function (b) {
        b.setAttribute('aria-pressed', b === button ? 'true' : 'false');
      });
      Array.prototype.forEach.call(article.querySelectorAll('.entry'), function (entry) {
        var show = filter === 'all' ||
            (filter === 'problems' ? entry.classList.contains('problem')
                                   : entry.getAttribute('data-status') === filter);
        entry.classList.toggle('hidden', !show);
      });
    });
  });
})();
)JS";

}  // namespace citecheck
