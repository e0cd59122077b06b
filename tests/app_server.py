"""Start the real app with `streamlit run` on a free port, and Debian's Chromium via Playwright.

Used by the browser tests and by tests/make_screenshots.py. Nothing is downloaded: Playwright drives
/usr/bin/chromium (Debian's package), which `make test` installs when it is missing.
"""

import contextlib
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # localhost only: any other host name resolves to nothing, so a page that fetches from the
    # internet at run time shows a console error (see console_errors) even where there is a network
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(
    url: str, process: subprocess.Popen, timeout: float = 60, every: float = 0.3
) -> None:
    """Poll the server's health endpoint every `every` seconds until it answers 200."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited early with status {process.returncode}")
        with (
            contextlib.suppress(OSError),
            urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response,
        ):
            if response.status == 200:
                return
        time.sleep(every)
    raise TimeoutError(f"the app did not become healthy at {url} in {timeout} s")


@dataclass(frozen=True)
class AppServer:
    """A running app: its base URL, its data folder (BACKPLAN_DATA_DIR) and its process."""

    url: str
    data_dir: Path
    process: subprocess.Popen


@contextlib.contextmanager
def app_server(env: dict[str, str] | None = None) -> Iterator[AppServer]:
    """Run the app headless on 127.0.0.1 with a fresh data folder; stop it afterwards."""
    port = free_port()
    environment = os.environ | {"BACKPLAN_DATA_DIR": tempfile.mkdtemp(prefix="backplan-e2e-")}
    environment |= env or {}
    command = [
        sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
        "--server.headless", "true", "--server.port", str(port),
        "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    process = subprocess.Popen(
        command, cwd=ROOT, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, process)
        yield AppServer(url, Path(environment["BACKPLAN_DATA_DIR"]), process)
    finally:
        stop(process)


def stop(process: subprocess.Popen) -> None:
    """Stop a server process: politely, then by force after 10 seconds."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextlib.contextmanager
def running_app(env: dict[str, str] | None = None) -> Iterator[str]:
    """Run the app headless on 127.0.0.1 and yield its base URL; stop it afterwards."""
    with app_server(env) as server:
        yield server.url


@contextlib.contextmanager
def chromium_browser() -> Iterator:
    """A headless Debian Chromium driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


# Opened at a page's address (/profile), Streamlit's frontend first looks for its server under
# that path (/profile/_stcore/health), gets a 404 and then finds it at the root: its own probe.
STREAMLIT_BASE_PROBE = re.compile(r"^http://127\.0\.0\.1:\d+/[\w-]+/_stcore/(health|host-config)$")


def console_errors(page) -> list[str]:
    """A list that collects the page's JavaScript errors and console errors (a failed fetch from
    outside localhost lands there), each with its URL; Streamlit's base path probe is left out."""
    errors: list[str] = []

    def console(message) -> None:
        where = message.location.get("url", "")
        if message.type == "error" and not STREAMLIT_BASE_PROBE.match(where):
            errors.append(f"console: {message.text} ({where})")

    page.on("console", console)
    page.on("pageerror", lambda error: errors.append(f"JavaScript error: {error}"))
    return errors


# Streamlit has run the script to its end and drawn what it sent: the app says "notRunning", no
# element of the last run is still marked stale, no element is a loading placeholder (tables and
# images show a skeleton until their code has loaded), and the page has its title (every BackPlan
# page starts with one). Right after a click the old run still looks finished: wait for what the
# click changes first.
APP_DONE = """() => {
  const app = document.querySelector("[data-testid='stApp']");
  return !!app && app.getAttribute("data-test-script-state") === "notRunning"
    && !document.querySelector("[data-stale='true'], [data-testid='stSkeleton']")
    && !!document.querySelector("[data-testid='stMain'] h1");
}"""


def wait_for_app(page, timeout: float = 30_000) -> None:
    """Wait until Streamlit has finished running the page's script and drawn its result."""
    page.wait_for_function(APP_DONE, timeout=timeout)
