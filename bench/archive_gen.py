#!/usr/bin/env python3
"""bench/archive's input (written for this bench; no data copied).

  archive_gen.py OUT LIVE_HOSTS LIVE_PER_HOST DEAD_HOSTS DEAD PORT ARCHIVE_ADDR

Live link i (of LIVE_HOSTS * LIVE_PER_HOST) is http://127.0.5.(1 + i % LIVE_HOSTS):PORT/live/p<i>.html,
written to OUT/pages/live/. Dead link j (of DEAD) is http://127.0.4.(1 + j % DEAD_HOSTS):PORT/gone/p<j>.html,
which has no file (404); its archived copy, holding its quote, is written to
OUT/archive/<host:port>/gone/p<j>.html, where the nginx memento location of
ARCHIVE_ADDR finds it. Every page holds one sentence unique to it; three
articles quote them: OUT/live.md (live links only), OUT/dead.md (dead links
only) and OUT/both.md (all of them, live and dead interleaved). Deterministic.
"""
import os
import sys

WORDS = ("harbour lantern meadow copper violet thunder orchard granite willow falcon ember "
         "quarry saffron marble cobalt juniper canyon heron pewter tundra sorrel beacon "
         "ledger walnut glacier basalt thistle ferry cinder almond").split()


def sentence(kind, i):
    # Words picked by the digits of i: unique per page of a kind.
    w = [WORDS[(i // len(WORDS) ** k) % len(WORDS)] for k in range(3)]
    return "The %s source %d recorded the %s keeper beside the %s gate near the %s ferry" % (
        kind, i, w[0], w[1], w[2])


def page(title, quote):
    filler = "".join("<p>Paragraph %d of %s tells of ordinary things at some length.</p>\n" % (k, title)
                     for k in range(3))
    return ("<!DOCTYPE html><html lang=\"en\"><head><title>%s</title></head><body>\n"
            "<article><h1>%s</h1>\n<p>%s.</p>\n%s</article></body></html>\n" % (title, title, quote, filler))


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def article(path, title, cites):
    body = ["# " + title, ""]
    refs = ["", "## References", ""]
    for n, (quote, url) in enumerate(cites, 1):
        body += ['Source %d reported that "%s" [%d].' % (n, quote, n), ""]
        refs.append("[%d] %s" % (n, url))
    write(path, "\n".join(body + refs) + "\n")


def main():
    out = sys.argv[1]
    live_hosts, per_host, dead_hosts, dead = (int(a) for a in sys.argv[2:6])
    port, archive_addr = sys.argv[6], sys.argv[7]
    live = []
    for i in range(live_hosts * per_host):
        quote = sentence("live", i)
        write(os.path.join(out, "pages", "live", "p%d.html" % i), page("Live page %d" % i, quote))
        live.append((quote, "http://127.0.5.%d:%s/live/p%d.html" % (1 + i % live_hosts, port, i)))
    gone = []
    for j in range(dead):
        host = "127.0.4.%d:%s" % (1 + j % dead_hosts, port)
        quote = sentence("archived", j)
        write(os.path.join(out, "archive", host, "gone", "p%d.html" % j), page("Archived page %d" % j, quote))
        gone.append((quote, "http://%s/gone/p%d.html" % (host, j)))
    assert archive_addr not in {u.split("/")[2].split(":")[0] for _, u in live + gone}
    article(os.path.join(out, "live.md"), "Live links", live)
    article(os.path.join(out, "dead.md"), "Dead links", gone)
    # Dead links spread through the article, as in a real one: one every few live links.
    both, step = [], max(1, len(live) // max(1, len(gone)))
    for k, cite in enumerate(live):
        both.append(cite)
        if k % step == step - 1 and gone:
            both.append(gone.pop(0))
    article(os.path.join(out, "both.md"), "Live and dead links", both + gone)


if __name__ == "__main__":
    main()
