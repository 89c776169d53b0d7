"""radio serve, run as a user runs it (a subprocess on a free port): byte ranges, HEAD, content
types, nothing outside the folder, a clean stop on Ctrl-C."""

from __future__ import annotations

import http.client
import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml import etree

from tests.publish_helpers import SHOW_TOML, make_episode, radio

SECRET = "top secret, outside the served folder"


@dataclass
class Server:
    base: str  # http://127.0.0.1:PORT
    out: Path
    proc: subprocess.Popen[str]

    def request(
        self, method: str, path: str, headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        """Send ``path`` exactly as given (no normalisation by the client)."""
        parts = urlsplit(self.base)
        conn = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=30)
        try:
            conn.putrequest(method, path, skip_accept_encoding=True)
            for key, value in (headers or {}).items():
                conn.putheader(key, value)
            conn.endheaders()
            response = conn.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        finally:
            conn.close()


def start_server(out: Path, cwd: Path, *extra: str) -> tuple[subprocess.Popen[str], str]:
    env = {**os.environ, "XDG_CONFIG_HOME": str(cwd)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "radio", "serve", str(out), "--port", "0", *extra],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()  # the feed's address, printed once the socket listens
    if not line:
        proc.kill()
        raise AssertionError(f"radio serve printed no address: {proc.communicate()[1]}")
    return proc, line


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    root = tmp_path_factory.mktemp("serve")
    out = root / "out"
    make_episode(out, "one")
    (root / "secret.txt").write_text(SECRET, encoding="utf-8")
    (out / "leak.txt").symlink_to(root / "secret.txt")
    (out / "leakdir").symlink_to(root, target_is_directory=True)
    (out / ".radio.lock").write_text("{}", encoding="utf-8")
    (root / "radio.toml").write_text(SHOW_TOML, encoding="utf-8")
    proc, feed_url = start_server(out, root)
    base = feed_url.removesuffix("/feed.xml")
    made = radio("feed", str(out), "--base-url", base, cwd=root)
    assert made.returncode == 0, made.stderr
    yield Server(base, out, proc)
    proc.send_signal(signal.SIGINT)
    proc.communicate(timeout=30)


def _enclosure(server: Server) -> tuple[str, int]:
    root = etree.parse(str(server.out / "feed.xml")).getroot()
    enclosure = root.find("channel/item/enclosure")
    assert enclosure is not None
    return enclosure.get("url", ""), int(enclosure.get("length", "0"))


def test_listens_on_localhost_and_prints_the_feed_address(server: Server) -> None:
    assert server.base.startswith("http://127.0.0.1:")
    status, headers, body = server.request("GET", "/feed.xml")
    assert status == 200 and headers["content-type"].startswith("application/rss+xml")
    assert etree.fromstring(body).find("channel/title") is not None


def test_enclosure_downloads_in_ranges_and_decodes(server: Server, tmp_path: Path) -> None:
    url, length = _enclosure(server)
    path = urlsplit(url).path
    assert url.startswith(server.base)
    half = length // 2
    status, headers, first = server.request("GET", path, {"Range": f"bytes=0-{half - 1}"})
    assert status == 206
    assert headers["accept-ranges"] == "bytes"
    assert headers["content-range"] == f"bytes 0-{half - 1}/{length}"
    assert headers["content-type"] == "audio/mpeg"
    assert len(first) == half
    status, headers, rest = server.request("GET", path, {"Range": f"bytes={half}-"})
    assert status == 206 and headers["content-range"] == f"bytes {half}-{length - 1}/{length}"
    download = tmp_path / "download.mp3"
    download.write_bytes(first + rest)
    mp3_name = path.rsplit("/", 1)[1]
    assert download.read_bytes() == (server.out / mp3_name).read_bytes()
    probe = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "format=duration:stream=codec_name", "-of", "json",
         str(download)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    info = json.loads(probe.stdout)
    assert info["streams"][0]["codec_name"] == "mp3"
    assert float(info["format"]["duration"]) > 1.0
    status, headers, _ = server.request("GET", path, {"Range": f"bytes={length + 10}-"})
    assert status == 416


def test_head_answers_without_a_body(server: Server) -> None:
    url, length = _enclosure(server)
    status, headers, body = server.request("HEAD", urlsplit(url).path)
    assert status == 200 and body == b""
    assert int(headers["content-length"]) == length and headers["accept-ranges"] == "bytes"


def test_content_types(server: Server) -> None:
    names = {p.suffix: p.name for p in server.out.iterdir() if p.is_file()}
    expected = {
        "feed.xml": "application/rss+xml",
        names[".vtt"]: "text/vtt",
        names[".srt"]: "application/x-subrip",
        next(p.name for p in server.out.glob("*.chapters.json")): "application/json",
        names[".mp3"]: "audio/mpeg",
        "index.html": "text/html",
        "": "text/html",
    }
    for name, mime in expected.items():
        status, headers, _ = server.request("GET", "/" + name)
        assert status == 200, name
        assert headers["content-type"].split(";")[0] == mime, name


@pytest.mark.parametrize(
    "path",
    [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/a/../../secret.txt",
        "/..%2f..%2fsecret.txt",
        "//secret.txt",
        "/leak.txt",
        "/leakdir/secret.txt",
        "/catalog.sqlite",
        "/.radio.lock",
    ],
)
def test_nothing_outside_the_folder_is_served(server: Server, path: str) -> None:
    status, _, body = server.request("GET", path)
    assert status == 404, path
    assert SECRET.encode() not in body


def test_production_files_are_not_served(server: Server) -> None:
    """The script, report and episode record hold local paths: podcast apps get only what they play."""
    for suffix in (".script.json", ".report.json", ".episode.json"):
        name = next(p.name for p in server.out.glob("*" + suffix))
        status, _, body = server.request("GET", "/" + name)
        assert status == 404, name
        assert b"source" not in body
    chapters = next(p.name for p in server.out.glob("*.chapters.json"))
    assert server.request("GET", "/" + chapters)[0] == 200


def test_absolute_path_is_refused(server: Server) -> None:
    secret = server.out.parent / "secret.txt"
    for path in (str(secret), "/" + str(secret), "/%2F" + str(secret).lstrip("/")):
        status, _, body = server.request("GET", path if path.startswith("/") else "/" + path)
        assert status in (400, 404), path
        assert SECRET.encode() not in body


def test_only_get_and_head(server: Server) -> None:
    status, _, _ = server.request("POST", "/feed.xml")
    assert status == 405


@pytest.mark.parametrize("feed", [None, "https://elsewhere.example/pod/feed.xml"])
def test_ctrl_c_stops_cleanly_and_a_feed_for_elsewhere_is_pointed_out(tmp_path: Path, feed: str | None) -> None:
    out = tmp_path / "out"
    out.mkdir()
    if feed:
        (out / "feed.xml").write_text(
            f'<rss xmlns:atom="http://www.w3.org/2005/Atom" version="2.0"><channel>'
            f'<atom:link href="{feed}" rel="self" type="application/rss+xml"/></channel></rss>',
            encoding="utf-8",
        )
    proc, feed_url = start_server(out, tmp_path)
    assert feed_url.startswith("http://127.0.0.1:")
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert "stopped serving" in err and "Traceback" not in err
    if feed:
        assert f"points podcast apps at {feed}" in err and "--base-url http://127.0.0.1:" in err
    else:
        assert "no feed.xml yet" in err


def test_busy_port_and_missing_folder_are_one_line_errors(server: Server, tmp_path: Path) -> None:
    port = urlsplit(server.base).port
    proc = radio("serve", str(server.out), "--port", str(port), cwd=tmp_path, timeout_s=60)
    assert proc.returncode == 1 and "pick another --port" in proc.stderr and "Traceback" not in proc.stderr
    proc = radio("serve", str(tmp_path / "nowhere"), "--port", "0", cwd=tmp_path, timeout_s=60)
    assert proc.returncode == 1 and "no folder" in proc.stderr


def test_the_printed_address_is_one_a_client_can_use() -> None:
    from radio.publish.serve import public_base

    assert public_base("127.0.0.1", 8765) == "http://127.0.0.1:8765"
    assert public_base("::1", 8000) == "http://[::1]:8000"
    lan = public_base("0.0.0.0", 8000)
    assert lan.startswith("http://") and "0.0.0.0" not in lan


def test_a_podcast_client_subscribes_over_http(server: Server) -> None:
    import feedparser

    parsed = feedparser.parse(server.base + "/feed.xml")
    assert parsed.bozo == 0 and parsed.status == 200
    assert parsed.headers["content-type"].startswith("application/rss+xml")
    enclosure = parsed.entries[0].enclosures[0]
    assert enclosure.href.startswith(server.base + "/")
    status, headers, _ = server.request("HEAD", urlsplit(enclosure.href).path)
    assert status == 200 and int(headers["content-length"]) == int(enclosure.length)


def test_without_options_it_listens_on_localhost_port_8765(tmp_path: Path) -> None:
    """No --host, no --port: 127.0.0.1:8765. If another program holds that port on this machine, the
    one-line error names the same address."""
    out = tmp_path / "out"
    out.mkdir()
    proc = subprocess.Popen(
        [sys.executable, "-m", "radio", "serve", str(out)],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "XDG_CONFIG_HOME": str(tmp_path)},
    )
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    if line:
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=30)
        assert line == "http://127.0.0.1:8765/feed.xml"
    else:
        _, err = proc.communicate(timeout=30)
        assert "cannot listen on 127.0.0.1:8765" in err, err
