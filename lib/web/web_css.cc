#include "web/web_css.h"

namespace citecheck {

const std::string_view kWebCss = R"CSS(
.skip{position:absolute;left:-999px}.skip:focus{left:.5rem;top:.5rem;background:var(--bg);padding:.3rem;z-index:2}
:focus-visible{outline:3px solid #0969da;outline-offset:2px}
nav.top{display:flex;flex-wrap:wrap;gap:.6rem 1rem;align-items:center;padding:.5rem 1rem;background:var(--card);border-bottom:1px solid var(--line)}
nav.top form{margin:0}.who{color:var(--muted);font-size:.85rem;margin-left:auto}
button,input,textarea,select{font:inherit}
button{padding:.35rem .8rem;border:1px solid var(--line);border-radius:.4rem;background:var(--bg);cursor:pointer;min-height:2.2rem}
button:hover{border-color:var(--fg)}
label{display:block;margin:.5rem 0 .2rem;font-weight:600}
input[type=text],input[type=password],input[type=url],textarea,select{width:100%;max-width:40rem;padding:.4rem;border:1px solid var(--muted);border-radius:.3rem}
textarea{min-height:12rem}
.notice{padding:.5rem .8rem;border-radius:.4rem;background:var(--ok-bg);border:1px solid var(--ok)}
.notice.error{background:var(--bad-bg);border-color:var(--bad)}
form.review-form{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center;margin:.5rem 0 0}
form.review-form input[name=note]{flex:1 1 12rem;max-width:none}
form.review-form label{margin:0;font-weight:400;font-size:.85rem}
.filters-nav{display:flex;flex-wrap:wrap;gap:.5rem;margin:.6rem 0}
.filters-nav a{padding:.2rem .7rem;border:1px solid var(--line);border-radius:1rem;text-decoration:none}
.filters-nav a[aria-current=page]{background:var(--fg);color:var(--bg)}
table.articles td.num{font-variant-numeric:tabular-nums}
.changes-cell ul{margin:0;padding-left:1rem}
@media (max-width:600px){nav.top{padding:.5rem}.who{margin-left:0;width:100%}}
)CSS";

}  // namespace citecheck
