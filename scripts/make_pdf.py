#!/usr/bin/env python3
"""Writes test PDFs from plain text with nothing but the standard library
(tests/fixtures/pdf, bench/accuracy): raw PDF 1.4 objects, the standard
Helvetica font, one content stream per page.

  make_pdf.py text   OUT.pdf IN.txt [--columns 2] [--hyphenate]
  make_pdf.py scan   OUT.pdf            one page, an image and no text layer
  make_pdf.py encrypted OUT.pdf IN.txt  needs qpdf: user password "secret"
  make_pdf.py fixtures DIR              every fixture the tests read

Text is set ragged-right in 10 pt Helvetica (character widths approximated),
in one column or two; --hyphenate breaks long words at a line end with a
hyphen, the way a typesetter does, so extraction has to join them again.
"""
import os
import subprocess
import sys
import zlib

PAGE_W, PAGE_H, MARGIN, SIZE, LEADING = 612, 792, 54, 10, 12
CHAR_W = 0.5 * SIZE  # Helvetica's mean advance, near enough for line filling


def escape(text):
    out = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    # WinAnsiEncoding: Latin-1 maps onto it for the letters the corpus uses.
    return out.encode("cp1252", "replace")


def fill(words, width_chars, hyphenate):
    """Lines of at most width_chars characters."""
    lines, line = [], ""
    for word in words:
        candidate = (line + " " + word) if line else word
        if len(candidate) <= width_chars:
            line = candidate
            continue
        room = width_chars - len(line) - (2 if line else 1)
        if hyphenate and room >= 3 and len(word) - room >= 3 and word[:room].isalpha():
            lines.append((line + " " if line else "") + word[:room] + "-")
            line = word[room:]
            continue
        if line:
            lines.append(line)
        line = word
    if line:
        lines.append(line)
    return lines


def layout(text, columns, hyphenate):
    """Pages, each a list of (x, y, line) in reading order."""
    gutter = 24
    col_w = (PAGE_W - 2 * MARGIN - gutter * (columns - 1)) / columns
    width_chars = int(col_w / CHAR_W)
    rows = int((PAGE_H - 2 * MARGIN) / LEADING)
    lines = []
    for paragraph in text.split("\n"):
        if paragraph.strip():
            lines.extend(fill(paragraph.split(), width_chars, hyphenate))
            lines.append("")
    pages, page, col, row = [], [], 0, 0
    for line in lines:
        if row == rows:
            row, col = 0, col + 1
            if col == columns:
                pages.append(page)
                page, col = [], 0
        if line:
            x = MARGIN + col * (col_w + gutter)
            page.append((x, PAGE_H - MARGIN - SIZE - row * LEADING, line))
        row += 1
    if page:
        pages.append(page)
    return pages or [[]]


def content_stream(placed):
    ops = [b"BT /F1 %d Tf" % SIZE]
    for x, y, line in placed:
        ops.append(b"1 0 0 1 %.1f %.1f Tm (%s) Tj" % (x, y, escape(line)))
    ops.append(b"ET")
    return b"\n".join(ops)


WINANSI = b"/WinAnsiEncoding"
# Codes 1 and 2 set the fi and fl ligature glyphs, as typeset books do.
LIGATURES = b"<< /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [1 /fi /fl] >>"


def write_pdf(path, streams, extra_resources=b"", encoding=WINANSI):
    """streams: one content stream (bytes) per page."""
    objects = []  # index i holds object i + 1

    def add(body):
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding %s >>" % encoding)
    pages_id = len(objects) + 1 + 2 * len(streams) + 1
    kids = []
    for data in streams:
        packed = zlib.compress(data)
        content = add(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
                        b"/Resources << /Font << /F1 %d 0 R >> %s>> >>"
                        % (pages_id, PAGE_W, PAGE_H, content, font, extra_resources)))
    add(b"<< /Type /Catalog /Pages %d 0 R >>" % (pages_id))
    catalog = len(objects)
    assert add(b"<< /Type /Pages /Kids [%s] /Count %d >>"
               % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))) == pages_id
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % (i + 1) + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref)
    with open(path, "wb") as f:
        f.write(out)


def text_pdf(path, text, columns=1, hyphenate=False):
    write_pdf(path, [content_stream(p) for p in layout(text, columns, hyphenate)])


def scan_pdf(path):
    """A page that only paints an image: what a scanner without OCR makes."""
    w = h = 64
    pixels = bytes((x ^ y) & 0xFF for y in range(h) for x in range(w))
    packed = zlib.compress(pixels)
    # The image is written inline (BI ... EI) so that the page has no text object at all.
    stream = b"q 400 0 0 400 100 200 cm BI /W %d /H %d /CS /G /BPC 8 /F /Fl ID " % (w, h) + packed + b" EI Q"
    write_pdf(path, [stream])


def ligature_pdf(path, text):
    """`text` with every "fi" and "fl" set as one ligature glyph."""
    placed = layout(text, 1, False)[0]
    ops = [b"BT /F1 %d Tf" % SIZE]
    for x, y, line in placed:
        glyphs = escape(line).replace(b"fi", b"\001").replace(b"fl", b"\002")
        ops.append(b"1 0 0 1 %.1f %.1f Tm (%s) Tj" % (x, y, glyphs))
    ops.append(b"ET")
    write_pdf(path, [b"\n".join(ops)], encoding=LIGATURES)


def encrypted_pdf(path, text):
    plain = path + ".plain"
    text_pdf(plain, text)
    subprocess.run(["qpdf", "--encrypt", "secret", "owner", "256", "--", plain, path], check=True)
    os.remove(plain)


SAMPLE = [
    "The lighthouse keeper wrote that the storm of 1887 was the worst anyone on the headland "
    "could remember, and that the lamp burned through all three nights without failing.",
    "Extraordinary measures were taken to protect the lens: the keepers covered the windward "
    "panes with canvas and kept the wick trimmed every hour until the weather cleared.",
    "A well-known account of the wreck, published decades later, claims the ship struck the "
    "outer reef at dawn, although the keeper's own log places it shortly before midnight.",
]


FINAL = "The final entry in the log reads that the lamp was handed over to the new keeper in good order."


def fixtures(directory):
    os.makedirs(directory, exist_ok=True)
    # several pages; the last sentence only on the last one
    long_text = "\n".join(SAMPLE * 40 + [FINAL])
    text_pdf(os.path.join(directory, "multipage.pdf"), long_text)
    text_pdf(os.path.join(directory, "two_columns.pdf"), "\n".join(SAMPLE * 12), columns=2)
    text_pdf(os.path.join(directory, "hyphenated.pdf"), "\n".join(SAMPLE * 6), hyphenate=True)
    scan_pdf(os.path.join(directory, "scan.pdf"))
    ligature_pdf(os.path.join(directory, "ligatures.pdf"),
                 "The final flight of the season left the office at five, as the official file shows.")
    encrypted_pdf(os.path.join(directory, "encrypted.pdf"), "\n".join(SAMPLE))


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    kind, out = argv[1], argv[2]
    if kind == "fixtures":
        fixtures(out)
    elif kind == "scan":
        scan_pdf(out)
    elif kind in ("text", "encrypted"):
        with open(argv[3], encoding="utf-8") as f:
            text = f.read()
        if kind == "encrypted":
            encrypted_pdf(out, text)
        else:
            columns = int(argv[argv.index("--columns") + 1]) if "--columns" in argv else 1
            text_pdf(out, text, columns, "--hyphenate" in argv)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
