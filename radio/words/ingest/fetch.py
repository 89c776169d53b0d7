"""Fetch an article page over HTTP(S): a timeout for each read and a deadline
for the whole download, a size cap, at most a few redirects, and only
``http``/``https`` (also after a redirect).

The deadline is kept by a timer that shuts the connection's socket down when
the time is up, so a server that sends a byte every few seconds (each read
well inside the read timeout) cannot keep a download going for hours, neither
in the headers nor in the body.
"""

from __future__ import annotations

import contextlib
import functools
import http.client
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from http.client import HTTPMessage
from typing import IO, Any

from radio.errors import InputError

TIMEOUT_S = 15.0  # for each read from the server
DEADLINE_S = 30.0  # for the whole download ([ingest] fetch_timeout_s)
MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
USER_AGENT = "radio/0.1 (article-to-audio; +https://pypi.org/project/radio/)"
_SCHEMES = ("http", "https")


@dataclass(frozen=True)
class Fetched:
    """A fetched page: its bytes and what the server said about them."""

    url: str  # after redirects
    data: bytes
    content_type: str | None  # e.g. "text/html" (lower case, no parameters)
    charset: str | None


def check_url(url: str) -> None:
    """Refuse anything but an http(s) URL with a host."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in _SCHEMES:
        raise InputError(f"{url}: only http:// and https:// URLs can be fetched")
    if not parts.hostname:
        raise InputError(f"{url}: the URL has no host name; check it")


class _Deadline:
    """Shuts down the sockets of one download when its time is up."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shut(sock)


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)  # the plain socket's: an SSL socket's own would unwrap it


class _Watched(http.client.HTTPConnection):
    """A connection whose socket the deadline can shut (HTTPS connects through this too)."""

    def __init__(self, *args: Any, deadline: _Deadline, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.deadline = deadline

    def connect(self) -> None:
        super().connect()
        self.deadline.watch(self.sock)


class _HTTPConnection(_Watched):
    pass


class _HTTPSConnection(_Watched, http.client.HTTPSConnection):
    pass


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self.deadline = deadline

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(functools.partial(_HTTPConnection, deadline=self.deadline), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline) -> None:
        import ssl

        super().__init__()
        self.deadline = deadline
        self.ssl_context = ssl.create_default_context()

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        connection = functools.partial(_HTTPSConnection, deadline=self.deadline)
        return self.do_open(connection, req, context=self.ssl_context)


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def http_error_302(
        self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str, headers: HTTPMessage
    ) -> Any:
        target = headers.get("Location") or headers.get("URI")
        if target:  # urllib itself refuses file:// here, in words that read like a redirect loop
            _check_redirect(req.full_url, urllib.parse.urljoin(req.full_url, target))
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        _check_redirect(req.full_url, newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _check_redirect(url: str, newurl: str) -> None:
    scheme = urllib.parse.urlsplit(newurl).scheme.lower()
    if scheme not in _SCHEMES:
        raise InputError(f"{url}: redirects to a non-http URL ({newurl[:200]}); only http(s) pages are fetched")


def fetch_url(
    url: str, timeout: float = TIMEOUT_S, max_bytes: int = MAX_BYTES, deadline_s: float = DEADLINE_S
) -> Fetched:
    """Download ``url`` within ``deadline_s`` seconds in all; raise InputError
    with a one-line reason on any failure."""
    check_url(url)
    with _Deadline(deadline_s) as deadline:
        try:
            return _fetch(url, min(timeout, deadline_s), max_bytes, deadline)
        except InputError:
            if deadline.expired:
                raise _too_slow(url, deadline_s) from None
            raise


def _fetch(url: str, timeout: float, max_bytes: int, deadline: _Deadline) -> Fetched:
    opener = urllib.request.build_opener(_HTTPHandler(deadline), _HTTPSHandler(deadline), _Redirects())
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,text/plain,text/markdown;q=0.9,*/*;q=0.5",
        },
    )
    try:
        with opener.open(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise _too_big(url, max_bytes)
            data = _read_body(response, url, max_bytes)
            if deadline.expired:
                raise _too_slow(url, deadline.seconds)
            if length and length.isdigit() and len(data) < int(length):
                raise InputError(f"{url}: the download was cut short ({len(data)} of {length} bytes); try again later")
            final = response.geturl()
            ctype = response.headers.get_content_type()
            charset = response.headers.get_content_charset()
    except InputError:
        raise
    except Exception as exc:
        if deadline.expired:  # the timer shut the connection: whatever broke, the reason is the deadline
            raise _too_slow(url, deadline.seconds) from None
        failure = _failure(url, exc, timeout)
        if failure is None:
            raise
        raise failure from None
    if not data.strip():
        raise InputError(f"{url}: the server sent an empty page; check the address")
    return Fetched(url=final, data=data, content_type=ctype, charset=charset)


def _read_body(response: http.client.HTTPResponse, url: str, max_bytes: int) -> bytes:
    """The body, one socket read at a time, so the deadline's shutdown ends it."""
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = response.read1(65536)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise _too_big(url, max_bytes)
        chunks.append(chunk)


def _failure(url: str, exc: Exception, timeout: float) -> InputError | None:
    """The one-line reason for a failed download (None: not a download failure)."""
    if isinstance(exc, urllib.error.HTTPError):
        if exc.code in (301, 302, 303, 307, 308):
            return InputError(f"{url}: too many redirects (more than {MAX_REDIRECTS})")
        return InputError(f"{url}: HTTP {exc.code} from the server; check the address")
    if isinstance(exc, urllib.error.URLError):
        if isinstance(exc.reason, TimeoutError):
            return _timed_out(url, timeout)
        return InputError(f"{url}: cannot reach the site ({exc.reason}); check the network")
    if isinstance(exc, TimeoutError):
        return _timed_out(url, timeout)
    if isinstance(exc, (OSError, ValueError, http.client.HTTPException)):
        return InputError(f"{url}: download failed ({exc}); check the network")
    return None


def _too_big(url: str, max_bytes: int) -> InputError:
    return InputError(f"{url}: page larger than {max_bytes // 2**20} MB; is it really an article?")


def _timed_out(url: str, timeout: float) -> InputError:
    return InputError(f"{url}: no answer within {timeout:g} s; check the network or try later")


def _too_slow(url: str, deadline_s: float) -> InputError:
    return InputError(
        f"{url}: the download took longer than {deadline_s:g} s; try later, or raise [ingest] fetch_timeout_s"
    )
