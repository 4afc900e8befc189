#!/usr/bin/env python3
"""Watch load for the agent benchmark.

serve PORT [quiet]  plain-HTTP upstream: answers every request with a chunked watch stream
                    (one ADDED event, then silence; no event at all when quiet) and keeps it open.
open URL N TOKEN    opens N watches through URL, waits until each has its first event,
                    prints "open N", then holds them until stdin closes.
"""
import asyncio
import sys
from urllib.parse import urlsplit

EVENT = b'{"type":"ADDED","object":{"kind":"Namespace","apiVersion":"v1","metadata":{"name":"w","resourceVersion":"1"}}}\n'


async def serve(port, quiet):
    async def handle(reader, writer):
        try:
            await reader.readuntil(b"\r\n\r\n")
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
            if not quiet:
                writer.write(b"%x\r\n%s\r\n" % (len(EVENT), EVENT))
            await writer.drain()
            await reader.read()  # hold until the peer closes
        except Exception:
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", port, backlog=4096)
    async with server:
        await server.serve_forever()


async def open_watches(url, n, token):
    parts = urlsplit(url)
    path = parts.path + ("?" + parts.query if parts.query else "")
    request = (f"GET {path} HTTP/1.1\r\nHost: {parts.hostname}\r\nAuthorization: Bearer {token}\r\n"
               f"Accept: application/json\r\n\r\n").encode()
    conns = []

    async def one():
        reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
        writer.write(request)
        await writer.drain()
        head = await reader.readuntil(b"\r\n\r\n")
        if b" 200 " not in head.split(b"\r\n")[0]:
            raise RuntimeError(head.decode(errors="replace"))
        await reader.readuntil(b"ADDED")
        conns.append(writer)

    sem = asyncio.Semaphore(100)

    async def limited():
        async with sem:
            await one()

    await asyncio.gather(*(limited() for _ in range(n)))
    print(f"open {len(conns)}", flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
    for w in conns:
        w.close()


if __name__ == "__main__":
    if sys.argv[1] == "serve":
        asyncio.run(serve(int(sys.argv[2]), len(sys.argv) > 3 and sys.argv[3] == "quiet"))
    else:
        asyncio.run(open_watches(sys.argv[2], int(sys.argv[3]), sys.argv[4]))
