"""The dashboard in a real browser: headless Chromium (Debian's package, driven by Selenium through
Debian's chromedriver) walks from the stories list to a story, a speaker, and an article, sees the chart
drawn, and cannot be made to run an article's script."""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import cli

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[dev]')")
if not (CHROMIUM and CHROMEDRIVER):
    pytest.skip(
        "Chromium or chromedriver is not installed (Debian: apt-get install chromium chromium-driver; "
        ".ci/run and `make test` install them when they can)",
        allow_module_level=True,
    )

from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

HOSTILE = {
    "id": "hostile",
    "title": "Harbour strike <script>window.pwned = 1; alert(1)</script>",
    "published": "2024-04-20",
    "outlet": "Coastal Ledger",
    "text": (
        'Dockers in Bissau stopped work on Saturday <img src=x onerror="window.pwned = 2; alert(2)"> over '
        "unpaid wages, the union said.\n\n"
        "“We will stay out <script>window.pwned = 3</script> until we are paid,” said Braima Sani, the union's "
        "leader."
    ),
}

BIDI = {
    "id": "bidi",
    "title": "Dock strike spreads to Bafatá",
    "published": "2024-04-21",
    "outlet": "Coastal Ledger",
    "text": (
        "Dockers in Bafatá joined the strike on Sunday, the union said.\n\n"
        "“\u202eWe will not go back until we are paid,” said Braima Sani, the union's leader, outside the port gate."
    ),
}
"""A quote opening with a right-to-left override (U+202E) that is never closed."""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from newsgraph.web import create_app

    folder = tmp_path_factory.mktemp("browser")
    db = folder / "demo.db"
    assert CliRunner().invoke(cli, ["demo", "--db", str(db)]).exit_code == 0
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE) + "\n" + json.dumps(BIDI) + "\n", encoding="utf-8")
    assert CliRunner().invoke(cli, ["ingest", str(hostile), "--db", str(db), "-q"]).exit_code == 0
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    instance = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not instance.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,900"):
        options.add_argument(argument)
    options.binary_location = CHROMIUM
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def _no_alert(browser: webdriver.Chrome) -> bool:
    try:
        alert = browser.switch_to.alert
    except NoAlertPresentException:
        return True
    alert.dismiss()
    return False


def test_from_the_stories_list_to_a_speaker_and_the_evidence_article(server: str, browser: webdriver.Chrome) -> None:
    browser.get(server + "/")
    links = browser.find_elements(By.CSS_SELECTOR, 'a[href^="/stories/"]')
    assert len(links) >= 3
    next(link for link in links if "Guinea-Bissau" in link.text).click()
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Guinea-Bissau")
    deadline = time.monotonic() + 10
    while not browser.find_elements(By.CSS_SELECTOR, "#dyad-chart .main-svg") and time.monotonic() < deadline:
        time.sleep(0.1)
    assert browser.find_elements(By.CSS_SELECTOR, "#dyad-chart .main-svg"), "the chart was not drawn"
    speaker = browser.find_element(By.CSS_SELECTOR, 'a[href^="/entities?name="]')
    name = speaker.text
    speaker.click()
    assert browser.find_element(By.TAG_NAME, "h1").text == name
    browser.find_element(By.LINK_TEXT, "article").click()
    assert browser.current_url.startswith(server + "/articles/")
    assert browser.find_elements(By.CSS_SELECTOR, ".evidence"), "the cited sentence is not highlighted"


def test_an_article_with_script_shows_it_as_text_and_runs_nothing(server: str, browser: webdriver.Chrome) -> None:
    browser.get(server + "/articles/hostile")
    time.sleep(0.5)
    assert _no_alert(browser)
    assert browser.execute_script("return window.pwned === undefined")
    assert "<script>window.pwned = 1; alert(1)</script>" in browser.find_element(By.TAG_NAME, "h1").text
    assert 'onerror="window.pwned = 2; alert(2)"' in browser.find_element(By.CSS_SELECTOR, ".text").text
    browser.get(server + "/quotes?speaker=Sani")
    time.sleep(0.5)
    assert _no_alert(browser) and browser.execute_script("return window.pwned === undefined")


def test_screenshots_can_be_taken(server: str, browser: webdriver.Chrome, tmp_path: Path) -> None:
    browser.get(server + "/")
    path = tmp_path / "stories.png"
    assert browser.save_screenshot(str(path)) and path.stat().st_size > 10_000


def test_a_direction_override_in_a_quote_does_not_reverse_the_text_after_it(
    server: str, browser: webdriver.Chrome
) -> None:
    browser.get(server + "/articles/bidi")
    quote = browser.execute_script(
        "return [...document.querySelectorAll('.text .quote')].find(q => q.textContent.includes('\\u202e'))"
    )
    assert quote is not None, "the quote with the override is not marked"
    # Where the browser draws the word "gate" (after the quote, same paragraph) against the quote itself.
    after, span = browser.execute_script(
        """
        const quote = arguments[0];
        const node = [...quote.parentNode.childNodes].slice([...quote.parentNode.childNodes].indexOf(quote) + 1)
            .find(n => n.nodeType === 3 && n.textContent.includes("gate"));
        const range = document.createRange();
        const at = node.textContent.indexOf("gate");
        range.setStart(node, at);
        range.setEnd(node, at + 4);
        const word = range.getBoundingClientRect();
        const box = quote.getBoundingClientRect();
        return [[word.left, word.top], [box.left, box.top]];
        """,
        quote,
    )
    assert (after[1], after[0]) > (span[1], span[0]), "the text after the quote is drawn before it"
