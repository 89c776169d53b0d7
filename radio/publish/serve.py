"""``radio serve``: the output folder over HTTP, for podcast apps on the network.

Starlette's ``StaticFiles`` does the HTTP work (byte ranges with 206 and
``Accept-Ranges``, HEAD, conditional requests, ``..`` and symlinks that leave
the folder refused); uvicorn runs it. Here: the content types podcast apps
expect, hidden and catalog files kept private, and a socket we bind ourselves
so a busy port is a clear error.
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from radio.errors import RadioError
from radio.publish.catalog import CATALOG_NAME

if TYPE_CHECKING:
    from starlette.responses import Response
    from starlette.types import ASGIApp, Scope

DEFAULT_PORT = 8765
GRACE_S = 3
CONTENT_TYPES = {
    ".mp3": "audio/mpeg",
    ".vtt": "text/vtt; charset=utf-8",
    ".srt": "application/x-subrip; charset=utf-8",
    ".json": "application/json",
    ".html": "text/html; charset=utf-8",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
}
FEED_TYPE = "application/rss+xml; charset=utf-8"


class ServeError(RadioError):
    """The folder cannot be served (missing, or the port is taken)."""


def content_type(name: str) -> str:
    """The Content-Type for a file name: feeds as RSS, sidecars as podcast apps expect."""
    lower = name.lower()
    if lower.endswith(".xml"):
        return FEED_TYPE
    return CONTENT_TYPES.get(Path(lower).suffix, "application/octet-stream")


# The production files: the script, the quality report and the episode record name the article's
# local path and the producer's settings; podcast apps need none of them.
PRIVATE_SUFFIXES = (".script.json", ".report.json", ".episode.json", ".toml", ".pcm")


def is_private(path: str) -> bool:
    """Hidden files (temporary files, the lock), the catalog database and the production files
    (script, report, episode record, settings) are not served."""
    parts = [part for part in path.replace("\\", "/").split("/") if part not in ("", ".")]
    if any(part.startswith(".") or part.startswith(CATALOG_NAME) for part in parts):
        return True
    return bool(parts) and parts[-1].lower().endswith(PRIVATE_SUFFIXES)


def make_app(folder: Path) -> ASGIApp:
    """The ASGI app serving ``folder`` (index.html for /)."""
    from starlette.applications import Starlette
    from starlette.exceptions import HTTPException
    from starlette.responses import FileResponse
    from starlette.routing import Mount
    from starlette.staticfiles import StaticFiles

    class PodcastFiles(StaticFiles):
        async def get_response(self, path: str, scope: Scope) -> Response:
            if is_private(path):
                raise HTTPException(status_code=404)
            return await super().get_response(path, scope)

        def file_response(
            self, full_path: str | os.PathLike[str], stat_result: os.stat_result, scope: Scope, status_code: int = 200
        ) -> Response:
            response = super().file_response(full_path, stat_result, scope, status_code)
            if isinstance(response, FileResponse):
                response.headers["content-type"] = content_type(os.fspath(full_path))
                response.headers["access-control-allow-origin"] = "*"  # in-browser players fetch transcripts
            return response

    files = PodcastFiles(directory=str(folder), html=True, follow_symlink=False)
    return Starlette(routes=[Mount("/", app=files)])  # Starlette turns HTTPException into 404/405 answers


def open_socket(host: str, port: int) -> socket.socket:
    """Bind and listen on host:port (port 0: any free one); ServeError if that is impossible."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise ServeError(
            f"cannot listen on {host}: {exc.strerror}; use --host 127.0.0.1 or an address of this machine"
        ) from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as exc:
        sock.close()
        raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror}; pick another --port") from None
    return sock


def lan_address() -> str:
    """This machine's address on the local network (no packet is sent), or 127.0.0.1."""
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_DGRAM)) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            return str(probe.getsockname()[0])
        except OSError:
            return "127.0.0.1"


def public_base(host: str, port: int) -> str:
    shown = lan_address() if host in ("0.0.0.0", "::", "") else host
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}"


def serve(folder: Path, host: str, port: int, ready: Callable[[str], None]) -> None:
    """Serve ``folder`` until interrupted; ``ready`` gets the base URL once the socket listens."""
    if not folder.is_dir():
        raise ServeError(f"no folder {folder} to serve; make episodes first: radio episode ARTICLE --out {folder}")
    import uvicorn

    sock = open_socket(host, port)
    with contextlib.closing(sock):
        config = uvicorn.Config(
            make_app(folder.resolve()),
            log_level="warning",
            lifespan="off",
            access_log=False,
            timeout_graceful_shutdown=GRACE_S,  # Ctrl-C: downloads under way get this long to finish
        )
        server = uvicorn.Server(config)
        base = public_base(host, sock.getsockname()[1])

        def announce() -> None:  # only once uvicorn listens and handles Ctrl-C itself
            while not server.started and not server.should_exit:
                time.sleep(0.02)
            if server.started:
                ready(base)

        threading.Thread(target=announce, name="radio-serve-ready", daemon=True).start()
        server.run(sockets=[sock])
