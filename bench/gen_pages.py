#!/usr/bin/env python3
"""Generates N HTML pages of about SIZE bytes of varied prose, and an article
citing all of them with one quotation from each page. Deterministic (seeded)."""
import random
import sys

WORDS = ("harbour council library river bridge school factory storm winter summer "
         "market railway report minister village museum garden doctor teacher "
         "journalist archive century season weather election budget festival "
         "theatre mountain forest island coast lighthouse engineer farmer "
         "the a of and to in that was for on with as by at from its their "
         "said wrote reported opened closed built planned promised measured "
         "new old large small early late public local national regional").split()


def sentence(rng, n):
    words = [rng.choice(WORDS) for _ in range(n)]
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def main():
    out_dir, count, size, base = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    rng = random.Random(42)
    article = ["# Benchmark article", ""]
    refs = ["", "## References", ""]
    for i in range(count):
        paragraphs, total, quote = [], 0, None
        while total < size:
            s = " ".join(sentence(rng, rng.randint(8, 20)) for _ in range(5))
            if quote is None and total > size // 2:
                quote = s.split(".")[1].strip()
            paragraphs.append("<p>" + s + " <b>" + rng.choice(WORDS) + "</b> " + sentence(rng, 6) + "</p>")
            total += len(paragraphs[-1])
        html = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Page %d</title>"
                "<script>var x = 1;</script></head><body><nav>Home</nav><article>%s</article></body></html>"
                % (i, "\n".join(paragraphs)))
        with open("%s/page-%d.html" % (out_dir, i), "w") as f:
            f.write(html)
        article.append('Source %d reported that "%s" [%d].' % (i + 1, quote, i + 1))
        article.append("")
        refs.append("[%d] %s/page-%d.html" % (i + 1, base, i))
    print("\n".join(article + refs))


if __name__ == "__main__":
    main()
