"""The episode page: valid HTML with everything escaped, readable without JavaScript, and loaded
from a real ``radio serve`` in headless Chromium (Debian's chromium + chromium-driver, driven by
selenium with /usr/bin/chromedriver; nothing is downloaded)."""

from __future__ import annotations

import os
import shutil
import signal
from collections.abc import Iterator
from pathlib import Path

import html5lib
import pytest
from lxml import html as lxml_html

from radio.publish.catalog import Catalog
from radio.publish.feed import write_feed
from radio.publish.page import write_page
from radio.publish.show import show_from_settings
from tests.publish_helpers import BASE_URL, SHOW_TOML, TRICKY_SUMMARY, TRICKY_TITLE, make_episode, radio, settings
from tests.test_serve import start_server

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("page")
    out = root / "out"
    make_episode(out, "one", day=3)
    make_episode(out, "two", day=4, title=TRICKY_TITLE, summary=TRICKY_SUMMARY)
    (root / "radio.toml").write_text(SHOW_TOML, encoding="utf-8")
    proc = radio("feed", str(out), "--base-url", BASE_URL, cwd=root)
    assert proc.returncode == 0, proc.stderr
    return out


def _page(site: Path) -> str:
    return (site / "index.html").read_text(encoding="utf-8")


def test_page_is_valid_html(site: Path) -> None:
    parser = html5lib.HTMLParser(strict=True)  # raises on any parse error, as the HTML spec defines them
    parser.parse(_page(site))


def test_everything_is_escaped_and_round_trips(site: Path) -> None:
    doc = lxml_html.fromstring(_page(site))
    assert doc.findtext(".//h1") == 'Harbour & <Island> "News"'
    assert doc.find(".//head/title").text == 'Harbour & <Island> "News"'  # type: ignore[union-attr]
    titles = [h2.text_content() for h2 in doc.iter("h2")]
    assert titles[0] == TRICKY_TITLE and titles[1] == "Ferry timetable one"
    assert not doc.findall(".//b[.='not bold']")  # the <b> in the title is text, not markup
    assert any(p.text_content() == TRICKY_SUMMARY for p in doc.iter("p"))
    assert doc.find(".//img[@class='wave']").get("alt") == f"Waveform of {TRICKY_TITLE}"  # type: ignore[union-attr]
    assert not doc.findall(".//script")  # no JavaScript needed to read it


def test_each_episode_shows_what_a_producer_needs(site: Path) -> None:
    doc = lxml_html.fromstring(_page(site))
    with Catalog.open(site) as catalog:
        entries = catalog.episodes()
    articles = doc.findall(".//article")
    assert len(articles) == len(entries) == 2
    for article, entry in zip(articles, entries, strict=True):
        assert article.get("id") == f"episode-{entry.number}"
        audio = article.find(".//audio")
        assert audio is not None and audio.get("src") == entry.mp3_name and audio.get("controls") is not None
        cover = article.find(".//img")
        assert cover is not None and (site / cover.get("src", "")).is_file()
        wave = article.find(".//img[@class='wave']")
        assert wave is not None and (site / wave.get("src", "")).read_bytes().startswith(b"\x89PNG")
        facts = article.find(".//p[@class='facts']").text_content()  # type: ignore[union-attr]
        assert f"{entry.loudness_lufs:.1f} LUFS" in facts and "dBTP" in facts
        assert article.find(".//time").get("datetime") == entry.date  # type: ignore[union-attr]
        seconds = round(entry.duration_ms / 1000)
        assert article.findtext(".//span[@class='duration']") == f"{seconds // 60}:{seconds % 60:02d}"
        chapters = article.findall(".//ol[@class='chapters']/li")
        assert chapters and chapters[0].find("a").get("href") == f"{entry.mp3_name}#t=0"  # type: ignore[union-attr]
        transcript = article.find(".//div[@class='transcript']").text_content()  # type: ignore[union-attr]
        assert "Ingrid Vale:" in transcript and "We will keep the early crossing" in transcript
    subscribe = doc.find(".//a[@class='subscribe']")
    assert subscribe is not None and subscribe.get("href") == BASE_URL + "/feed.xml"
    alternate = doc.find(".//link[@rel='alternate']")
    assert alternate is not None and alternate.get("type") == "application/rss+xml"


def test_waveform_is_drawn_once_per_mp3(site: Path, tmp_path: Path) -> None:
    copy = tmp_path / "out"
    shutil.copytree(site, copy)
    waves = sorted((copy / "assets").glob("*.wave.png"))
    assert len(waves) == 2
    stamps = [w.stat().st_mtime_ns for w in waves]
    show = show_from_settings(settings(), BASE_URL)
    result = write_feed(copy, show)
    write_page(copy, show, result.cover_name, result.entries)
    assert [w.stat().st_mtime_ns for w in waves] == stamps


@pytest.fixture
def browser() -> Iterator[object]:
    # Not skipped when missing: scripts/system-deps.sh installs both (CI runs it first), as it does ffmpeg.
    for needed in (CHROMIUM, CHROMEDRIVER):
        if not needed.exists():
            pytest.fail(f"{needed} is missing: run scripts/system-deps.sh (apt-get install chromium chromium-driver)")
    os.environ["SE_OFFLINE"] = "true"  # selenium must never download a driver
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1000,1400",
                "--autoplay-policy=no-user-gesture-required"):  # fmt: skip
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def test_page_in_headless_chromium_from_radio_serve(site: Path, browser: object) -> None:
    from selenium.webdriver.remote.webdriver import WebDriver
    from selenium.webdriver.support.ui import WebDriverWait

    assert isinstance(browser, WebDriver)
    proc, feed_url = start_server(site, site.parent)
    try:
        base = feed_url.removesuffix("/feed.xml")
        browser.get(base + "/")
        assert browser.title == 'Harbour & <Island> "News"'
        duration = WebDriverWait(browser, 30).until(
            lambda d: d.execute_script(
                "const a = document.querySelector('audio');"
                "return a && a.readyState >= 1 && a.duration > 0 ? a.duration : null;"
            )
        )
        assert duration > 1.0
        loaded = browser.execute_script(
            "return Array.from(document.images).every(i => i.complete && i.naturalWidth > 0);"
        )
        assert loaded, "an image on the page did not load"
        ARTIFACTS.mkdir(exist_ok=True)
        assert browser.save_screenshot(str(ARTIFACTS / "episode-page.png"))
        errors = [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]  # type: ignore[attr-defined]
        assert errors == []
    finally:
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=30)
    assert (ARTIFACTS / "episode-page.png").read_bytes().startswith(b"\x89PNG")


def test_an_undrawable_waveform_leaves_the_page_whole(site: Path, tmp_path: Path) -> None:
    copy = tmp_path / "out"
    shutil.copytree(site, copy)
    shutil.rmtree(copy / "assets")
    with Catalog.open(copy) as catalog:
        entries = catalog.episodes()
    (copy / entries[0].mp3_name).write_bytes(b"not audio at all")
    show = show_from_settings(settings(), BASE_URL)
    write_page(copy, show, next(copy.glob("cover-*")).name, entries)
    doc = lxml_html.fromstring((copy / "index.html").read_text(encoding="utf-8"))
    articles = doc.findall(".//article")
    assert len(articles) == 2
    assert articles[0].find(".//img[@class='wave']") is None
    assert articles[1].find(".//img[@class='wave']") is not None
