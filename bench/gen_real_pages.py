#!/usr/bin/env python3
"""bench/real_pages' input: N unique copies of the real pages of a corpus
folder (*.html.gz, read in place), each with one unique visible sentence
planted at the start of its <body>, and an article (Markdown, on stdout) that
quotes each copy's sentence and cites its URL. Deterministic.
Usage: gen_real_pages.py CORPUS_PAGES_DIR OUT_DIR N BASE_URL"""
import gzip
import os
import re
import sys

WORDS = ("harbour council library river bridge school factory storm winter summer "
         "market railway report minister village museum garden doctor teacher "
         "journalist archive century season weather election budget festival").split()
# The first <body> start tag outside scripts and comments (scripts write "<body" strings).
BODY = re.compile(rb"(<script\b.*?</script\s*>)|(<!--.*?-->)|(<body\b[^>]*>)", re.IGNORECASE | re.DOTALL)


def body_end(html):
    for m in BODY.finditer(html):
        if m.group(3):
            return m.end()
    return 0


def planted(i):
    # Words chosen by the digits of i: unique per copy, and no number token.
    digits = [WORDS[(i // len(WORDS) ** k) % len(WORDS)] for k in range(3)]
    return ("The benchmark reporter %s met the %s keeper beside the old %s gate "
            "and wrote down copy marker %s before nightfall" %
            (digits[0], digits[1], digits[2], "-".join(digits)))


def main():
    corpus, out_dir, count, base = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    names = sorted(n for n in os.listdir(corpus) if n.endswith(".html.gz"))
    pages = [gzip.open(os.path.join(corpus, n)).read() for n in names]
    article = ["# Real pages benchmark article", ""]
    refs = ["", "## References", ""]
    for i in range(count):
        html = pages[i % len(pages)]
        sentence = planted(i)
        insert = ("<p>%s.</p>" % sentence).encode()
        at = body_end(html)
        with open(os.path.join(out_dir, "page-%d.html" % i), "wb") as f:
            f.write(html[:at] + insert + html[at:])
        article.append('Source %d reported that "%s" [%d].' % (i + 1, sentence, i + 1))
        article.append("")
        refs.append("[%d] %s/page-%d.html" % (i + 1, base, i))
    print("\n".join(article + refs))


if __name__ == "__main__":
    main()
