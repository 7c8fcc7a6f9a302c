#!/usr/bin/env python3
"""Pages and articles for bench/nightly (written for this bench; no data copied).

  nightly_gen.py pages DIR HOSTS PER_HOST NIGHT   write/refresh DIR/h<H>/p<P>.html
  nightly_gen.py articles DIR ARTICLES CITES HOSTS PER_HOST BASE_PORT

URL u lives on host u % HOSTS (address 127.0.(2 + h // 250).(1 + h % 250)),
page u // HOSTS. Night 0 writes every page; night n > 0 rewrites 5 % of the
pages (a new sentence replaces the last one) and deletes 1 % (404 from then
on), chosen by a seeded generator so runs are repeatable. Article a cites URLs
(a * CITES + k) % URLS, each with a quote of its page's first sentences.
"""
import os
import random
import sys

WORDS = ("harbour lantern meadow copper violet thunder orchard granite willow falcon ember "
         "quarry saffron marble cobalt juniper canyon heron pewter tundra sorrel beacon "
         "ledger walnut glacier basalt thistle ferry cinder almond").split()


def sentence(u, i, night=0):
    rng = random.Random(u * 7919 + i * 104729 + night * 15485863)
    words = [WORDS[rng.randrange(len(WORDS))] for _ in range(9)]
    return "The %s report %d says the %s." % (words[0], u, " ".join(words[1:]))


def page(u, night_changed):
    body = [sentence(u, i) for i in range(4)]
    body.append(sentence(u, 4, night_changed))
    paras = "".join("<p>%s</p>\n" % s for s in body)
    return ("<!DOCTYPE html><html lang=\"en\"><head><title>Report %d</title></head><body>\n"
            "<article><h1>Report %d</h1>\n%s</article></body></html>\n" % (u, u, paras))


def path(root, hosts, u):
    return os.path.join(root, "h%d" % (u % hosts), "p%d.html" % (u // hosts))


def pages(root, hosts, per_host, night):
    total = hosts * per_host
    if night == 0:
        for h in range(hosts):
            os.makedirs(os.path.join(root, "h%d" % h), exist_ok=True)
        for u in range(total):
            with open(path(root, hosts, u), "w") as f:
                f.write(page(u, 0))
        return
    rng = random.Random(night)
    alive = [u for u in range(total) if os.path.exists(path(root, hosts, u))]
    for u in rng.sample(alive, len(alive) * 5 // 100):
        with open(path(root, hosts, u), "w") as f:
            f.write(page(u, night))
    alive = [u for u in alive if os.path.exists(path(root, hosts, u))]
    for u in rng.sample(alive, total // 100):
        os.remove(path(root, hosts, u))


def address(h):
    return "127.0.%d.%d" % (2 + h // 250, 1 + h % 250)


def articles(root, count, cites, hosts, per_host, port):
    os.makedirs(root, exist_ok=True)
    total = hosts * per_host
    for a in range(count):
        text = ["# Article %d\n" % a]
        refs = ["\n## References\n\n"]
        for k in range(cites):
            u = (a * cites + k) % total
            words = sentence(u, (a + k) % 4).rstrip(".").split()
            text.append("The source wrote \"%s\" [%d].\n" % (" ".join(words[4:]), k + 1))
            refs.append("[%d] http://%s:%d/h%d/p%d.html\n" % (k + 1, address(u % hosts), port, u % hosts, u // hosts))
        with open(os.path.join(root, "a%05d.md" % a), "w") as f:
            f.write("\n".join(text) + "".join(refs))


if __name__ == "__main__":
    if sys.argv[1] == "pages":
        pages(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
    elif sys.argv[1] == "articles":
        articles(sys.argv[2], *(int(x) for x in sys.argv[3:8]))
    elif sys.argv[1] == "addresses":
        print("\n".join(address(h) for h in range(int(sys.argv[2]))))
