"""Fetch an article page over HTTP(S): a timeout, a size cap, at most a few
redirects, and only ``http``/``https`` (also after a redirect)."""

from __future__ import annotations

import http.client
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from http.client import HTTPMessage
from typing import IO

from radio.errors import InputError

TIMEOUT_S = 15.0
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


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if urllib.parse.urlsplit(newurl).scheme.lower() not in _SCHEMES:
            raise InputError(f"{req.full_url}: redirects to a non-http URL ({newurl})")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch_url(url: str, timeout: float = TIMEOUT_S, max_bytes: int = MAX_BYTES) -> Fetched:
    """Download ``url``; raise InputError with a one-line reason on any failure."""
    check_url(url)
    opener = urllib.request.build_opener(_Redirects())
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
            data = response.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise _too_big(url, max_bytes)
            final = response.geturl()
            ctype = response.headers.get_content_type()
            charset = response.headers.get_content_charset()
    except urllib.error.HTTPError as exc:
        if exc.code in (301, 302, 303, 307, 308):
            raise InputError(f"{url}: too many redirects (more than {MAX_REDIRECTS})") from None
        raise InputError(f"{url}: HTTP {exc.code} from the server; check the address") from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise _timed_out(url, timeout) from None
        reason = exc.reason
        raise InputError(f"{url}: cannot reach the site ({reason}); check the network") from None
    except TimeoutError:
        raise _timed_out(url, timeout) from None
    except (OSError, ValueError, http.client.HTTPException) as exc:
        raise InputError(f"{url}: download failed ({exc}); check the network") from None
    if not data.strip():
        raise InputError(f"{url}: the server sent an empty page; check the address")
    return Fetched(url=final, data=data, content_type=ctype, charset=charset)


def _too_big(url: str, max_bytes: int) -> InputError:
    return InputError(f"{url}: page larger than {max_bytes // 2**20} MB; is it really an article?")


def _timed_out(url: str, timeout: float) -> InputError:
    return InputError(f"{url}: no answer within {timeout:g} s; check the network or try later")
