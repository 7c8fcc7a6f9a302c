#!/usr/bin/env python3
"""The demo's web server on one loopback port: a bundled example's sources,
and a small web archive of pages that are gone from them.

    demo_server.py --port PORT --site DIR [--archive DIR]

Every path is a file under --site, served as `python3 -m http.server` does,
except three routes of the archive (RFC 7089 Memento), read from
--archive/index.json:

    GET /timegate/{URL}          with Accept-Datetime: 302 to the memento of
                                 URL closest to that date; 404 when the archive
                                 has no copy of URL (as the Wayback Machine does)
    GET /memento/{TS}/{URL}      the copy's original bytes, with Memento-Datetime
    GET /timemap/{URL}           the copies of URL (application/link-format)

TS is the copy's 14-digit UTC timestamp (YYYYMMDDhhmmss). Standard library
only, so the demo needs nothing but python3.
"""

import argparse
import datetime
import email.utils
import functools
import http.server
import json
import os
import sys

TIMEGATE = "/timegate/"
MEMENTO = "/memento/"
TIMEMAP = "/timemap/"


class Archive:
    """The copies listed in index.json, by original URL, oldest first."""

    def __init__(self, directory):
        self.copies = {}
        if directory is None:
            return
        with open(os.path.join(directory, "index.json"), encoding="utf-8") as f:
            index = json.load(f)
        for entry in index["mementos"]:
            when = datetime.datetime.strptime(entry["datetime"], "%Y-%m-%dT%H:%M:%SZ")
            when = when.replace(tzinfo=datetime.timezone.utc)
            path = os.path.join(directory, entry["file"])
            self.copies.setdefault(entry["original"], []).append((when, path))
        for copies in self.copies.values():
            copies.sort()

    def closest(self, url, when):
        """The (datetime, file) of url's copy nearest to `when`, or None."""
        copies = self.copies.get(url)
        if not copies:
            return None
        return min(copies, key=lambda c: abs(c[0] - when))

    def at(self, url, timestamp):
        for when, path in self.copies.get(url, []):
            if stamp(when) == timestamp:
                return when, path
        return None


def stamp(when):
    return when.strftime("%Y%m%d%H%M%S")


class Handler(http.server.SimpleHTTPRequestHandler):
    archive = Archive(None)

    def do_GET(self):
        self.route(body=True)

    def do_HEAD(self):
        self.route(body=False)

    def route(self, body):
        # The original URL is the rest of the request target, query included,
        # as the client appended it (citecheck sends it as it is cited).
        for prefix, answer in ((TIMEGATE, self.timegate), (MEMENTO, self.memento), (TIMEMAP, self.timemap)):
            if self.path.startswith(prefix):
                answer(self.path[len(prefix):], body)
                return
        if body:
            super().do_GET()
        else:
            super().do_HEAD()

    def base(self):
        host, port = self.server.server_address[:2]
        return "http://%s:%d" % (host, port)

    def links(self, url):
        return '<%s>; rel="original", <%s%s%s>; rel="timemap"; type="application/link-format"' % (
            url, self.base(), TIMEMAP, url)

    def timegate(self, url, body):
        header = self.headers.get("Accept-Datetime")
        when = datetime.datetime.now(datetime.timezone.utc)
        if header:
            try:
                when = email.utils.parsedate_to_datetime(header)
            except (TypeError, ValueError):
                when = None
            if when is None or when.tzinfo is None:
                self.finish_plain(400, "Accept-Datetime is not an HTTP date\n", body, vary=True)
                return
        copy = self.archive.closest(url, when)
        if copy is None:
            self.finish_plain(404, "no archived copy of %s\n" % url, body, vary=True)
            return
        self.send_response(302)
        self.send_header("Location", "%s%s%s/%s" % (self.base(), MEMENTO, stamp(copy[0]), url))
        self.send_header("Vary", "accept-datetime")
        self.send_header("Link", self.links(url))
        self.send_header("Content-Length", "0")
        self.end_headers()

    def memento(self, rest, body):
        timestamp, _, url = rest.partition("/")
        copy = self.archive.at(url, timestamp) if len(timestamp) == 14 and timestamp.isdigit() else None
        if copy is None:
            self.finish_plain(404, "no archived copy of %s at %s\n" % (url, timestamp), body)
            return
        with open(copy[1], "rb") as f:
            content = f.read()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(content)))
        self.send_header("Memento-Datetime", email.utils.format_datetime(copy[0], usegmt=True))
        self.send_header("Link", '%s, <%s%s%s>; rel="timegate"' % (self.links(url), self.base(), TIMEGATE, url))
        self.end_headers()
        if body:
            self.wfile.write(content)

    def timemap(self, url, body):
        copies = self.archive.copies.get(url)
        if not copies:
            self.finish_plain(404, "no archived copy of %s\n" % url, body)
            return
        lines = ['<%s>; rel="original"' % url, '<%s%s%s>; rel="timegate"' % (self.base(), TIMEGATE, url)]
        for when, _ in copies:
            lines.append('<%s%s%s/%s>; rel="memento"; datetime="%s"' % (
                self.base(), MEMENTO, stamp(when), url, email.utils.format_datetime(when, usegmt=True)))
        content = (",\n".join(lines) + "\n").encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/link-format")
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        if body:
            self.wfile.write(content)

    def finish_plain(self, status, text, body, vary=False):
        content = text.encode("utf-8", "replace")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(content)))
        if vary:
            self.send_header("Vary", "accept-datetime")
        self.end_headers()
        if body:
            self.wfile.write(content)


def main():
    parser = argparse.ArgumentParser(description="The demo's sources and archive on 127.0.0.1.")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--site", required=True, help="directory of the example's sources")
    parser.add_argument("--archive", help="directory holding index.json and the copies it lists")
    args = parser.parse_args()
    Handler.archive = Archive(args.archive)
    handler = functools.partial(Handler, directory=args.site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    print("demo_server: serving %s on http://127.0.0.1:%d/" % (args.site, args.port), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
