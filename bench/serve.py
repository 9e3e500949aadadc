#!/usr/bin/env python3
"""Serves FOLDER on 127.0.0.1 at a free port, which it writes to PORT_FILE once it listens.

Usage: serve.py FOLDER PORT_FILE
"""

import functools
import http.server
import sys


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def main():
    folder, port_file = sys.argv[1], sys.argv[2]
    handler = functools.partial(QuietHandler, directory=folder)
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        with open(port_file + ".partial", "w") as out:
            out.write(str(server.server_address[1]))
        import os
        os.replace(port_file + ".partial", port_file)
        server.serve_forever()


if __name__ == "__main__":
    main()
