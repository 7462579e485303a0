"""Screenshots of the dashboard's story page and dyad page for docs/ and the README.

Builds the demo store in a scratch folder, serves it, and drives headless Chromium (Debian's chromium
and chromedriver, through Selenium). Run with `make screenshots`, or:

    python scripts/screenshots.py docs/img
"""

from __future__ import annotations

import shutil
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

import uvicorn
from click.testing import CliRunner
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

from newsgraph.cli import cli
from newsgraph.web import create_app

PAGES = {"story.png": "/stories/2", "dyad.png": "/dyads/GNB:SEN"}


def main(folder: Path) -> None:
    chromium, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    if not (chromium and driver_path):
        sys.exit("screenshots need Chromium and chromedriver (Debian: apt-get install chromium chromium-driver)")
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        db = Path(scratch) / "demo.db"
        result = CliRunner().invoke(cli, ["demo", "--db", str(db), "--briefings", str(Path(scratch) / "b")])
        if result.exit_code != 0:
            sys.exit(result.output)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
        threading.Thread(target=server.run, daemon=True).start()
        while not server.started:
            time.sleep(0.05)
        options = webdriver.ChromeOptions()
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,1400"):
            options.add_argument(argument)
        options.binary_location = chromium
        browser = webdriver.Chrome(service=Service(driver_path), options=options)
        try:
            for name, page in PAGES.items():
                browser.get(f"http://127.0.0.1:{port}{page}")
                deadline = time.monotonic() + 10
                while (
                    not browser.find_elements(By.CSS_SELECTOR, "#dyad-chart .main-svg") and time.monotonic() < deadline
                ):
                    time.sleep(0.1)
                if name == "story.png":
                    chart = browser.find_elements(By.ID, "dyad-chart")
                    if chart:  # the top of the page, then the chart, in one picture each
                        browser.save_screenshot(str(folder / name))
                        browser.execute_script("arguments[0].scrollIntoView()", chart[0])
                        browser.save_screenshot(str(folder / "story-chart.png"))
                        continue
                browser.save_screenshot(str(folder / name))
        finally:
            browser.quit()
            server.should_exit = True
    print(f"screenshots written to {folder}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/img"))
