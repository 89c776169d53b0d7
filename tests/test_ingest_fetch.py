"""URL ingest, against a local HTTP server started by the tests (never the internet)."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from radio.errors import InputError
from radio.words.ingest import load_article
from radio.words.ingest.fetch import fetch_url

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
ARTICLE = (FIXTURES / "article.html").read_bytes()
HOME = (FIXTURES / "home.html").read_bytes()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def _send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8", length: bool = True) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)  # the client may have given up, as it should

    def do_GET(self) -> None:
        path = self.path
        if path == "/story":
            self._send(200, ARTICLE)
        elif path == "/latin":  # header says latin-1, bytes are UTF-8
            self._send(200, ARTICLE, "text/html; charset=iso-8859-1")
        elif path == "/notes.md":
            self._send(200, (FIXTURES / "article.md").read_bytes(), "text/markdown")
        elif path == "/old":
            self.send_response(301)
            self.send_header("Location", "/story")
            self.end_headers()
        elif path.startswith("/loop"):
            self.send_response(302)
            self.send_header("Location", f"/loop{len(path)}")
            self.end_headers()
        elif path == "/to-ftp":
            self.send_response(302)
            self.send_header("Location", "ftp://example.com/file")
            self.end_headers()
        elif path == "/to-file":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
        elif path == "/drip":  # a byte every 0.3 s: each read well inside the read timeout
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(ARTICLE)))
            self.end_headers()
            with contextlib.suppress(OSError):
                for byte in ARTICLE:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(0.3)
        elif path == "/slow":
            time.sleep(2)
            self._send(200, ARTICLE)
        elif path == "/huge":
            self._send(200, b"<p>" + b"x" * (2 * 1024 * 1024) + b"</p>")
        elif path == "/huge-unsized":
            self._send(200, b"<p>" + b"x" * (2 * 1024 * 1024) + b"</p>", length=False)
        elif path == "/home":
            self._send(200, HOME)
        elif path == "/image":
            self._send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "image/png")
        elif path == "/broken":
            self._send(500, b"oops")
        else:
            self._send(404, b"<h1>Not found</h1>")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_url_article(server: str) -> None:
    article = load_article(f"{server}/story")
    assert article.source == f"{server}/story"
    assert article.format == "html"
    assert article.title == "Ferry crews rehearse a winter rescue on the estuary"
    assert article.site == "The Harbour Courier"
    assert len(article.paragraphs) == 8


def test_url_redirect_followed(server: str) -> None:
    fetched = fetch_url(f"{server}/old")
    assert fetched.url == f"{server}/story"
    assert load_article(f"{server}/old").title.startswith("Ferry crews")


def test_url_misstated_charset(server: str) -> None:
    article = load_article(f"{server}/latin")
    assert "“We practise" in article.paragraphs[2]


def test_url_markdown_by_content(server: str) -> None:
    assert load_article(f"{server}/notes.md").format == "markdown"


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "HTTP 404"),
        ("/broken", "HTTP 500"),
        ("/loop", "too many redirects"),
        ("/to-ftp", "non-http"),
        ("/to-file", r"redirects to a non-http URL \(file:///etc/passwd\)"),
        ("/home", "no article"),
        ("/image", "image/png"),
    ],
)
def test_url_errors(server: str, path: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as info:
        load_article(server + path)
    assert "\n" not in str(info.value)


def test_url_timeout(server: str) -> None:
    with pytest.raises(InputError, match=r"no answer within 0\.5 s"):  # the server answers after 2 s
        fetch_url(f"{server}/slow", timeout=0.5)


@pytest.mark.parametrize("path", ["/huge", "/huge-unsized"])
def test_url_size_cap(server: str, path: str) -> None:
    with pytest.raises(InputError, match="larger than 1 MB"):
        fetch_url(server + path, max_bytes=1024 * 1024)


def test_url_connection_refused() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(InputError, match=r"cannot reach .*check the network"):
        load_article(f"http://127.0.0.1:{port}/story")


def test_url_total_deadline(server: str) -> None:
    start = time.perf_counter()
    with pytest.raises(InputError, match=r"the download took longer than 1\.5 s") as info:
        fetch_url(f"{server}/drip", timeout=5, deadline_s=1.5)
    assert time.perf_counter() - start < 60  # the drip would take over ten minutes
    assert "\n" not in str(info.value)


def test_load_article_passes_the_deadline(server: str) -> None:
    with pytest.raises(InputError, match=r"longer than 1 s"):
        load_article(f"{server}/drip", fetch_timeout_s=1)


def test_url_total_deadline_during_a_tls_handshake() -> None:
    """A server that answers the TLS hello one byte at a time (the handshake's
    read timeout is the smaller of the two, and ssl applies it to the whole handshake)."""
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]

    def serve() -> None:
        conn, _ = listener.accept()
        with conn, contextlib.suppress(OSError):
            conn.recv(4096)  # the client hello
            for byte in b"\x16\x03\x03\x40\x00" + b"\x02" * 100:  # a handshake record, never finished in time
                conn.sendall(bytes([byte]))
                time.sleep(0.3)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    start = time.perf_counter()
    with pytest.raises(InputError, match=r"the download took longer than 1\.5 s"):
        fetch_url(f"https://127.0.0.1:{port}/story", timeout=5, deadline_s=1.5)
    assert time.perf_counter() - start < 20  # the dribbled handshake would take 31 s
    listener.close()
