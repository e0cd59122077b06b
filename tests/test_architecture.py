"""The shape of the code, read from the source: imports run one way (pages -> planner/storage ->
the planner's core, never back), the core reads no clock, and nothing uses Streamlit's private
API (its runtime and web packages, the pages manager, the media file storage, the old multipage
mode), in the app, the tests or the bench."""

import ast
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OUTER = ("pages", "planner.cli")  # the layers that may open the store and talk to people
CORE_BANNED = ("streamlit", "pandas", "sqlalchemy", "storage", "pages")
CLOCKS = {("date", "today"), ("datetime", "now"), ("datetime", "utcnow"), ("time", "time")}
# Streamlit's internals that BackPlan once used or could reach for. The names are written in two
# parts so that a plain text search of the repo for private API finds uses, not this list.
PRIVATE_NAMES = ("streamlit" + r"\.runtime", "streamlit" + r"\.web", "streamlit" + r"\.proto",
                 "Pages" + "Manager", "MemoryMedia" + "FileStorage", "_mpa" + "_v1")  # fmt: skip
PRIVATE_STREAMLIT = re.compile("|".join(PRIVATE_NAMES))
SCANNED = ["app.py", "pages", "planner", "storage", "tests", "bench"]


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def imports(path: Path) -> set[str]:
    """Every module the file imports, anywhere in it (lazy imports too), relative ones resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            name = ".".join([*base, node.module] if node.module else base)
            found |= {name} | {f"{name}.{alias.name}" for alias in node.names}
    return found


def clock_calls(path: Path) -> list[str]:
    """Calls such as date.today() or datetime.now(UTC), as 'date.today' (line numbers added)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        f"{node.func.value.id}.{node.func.attr} (line {node.lineno})"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and (node.func.value.id, node.func.attr) in CLOCKS
    ]


def breaks(path: Path, banned: tuple[str, ...]) -> list[str]:
    """The imports of `path` that fall under a banned package."""
    return sorted(
        name for name in imports(path) if any(name == b or name.startswith(f"{b}.") for b in banned)
    )


def rule_cases() -> list:
    """(file, banned packages) for every module of planner/ and storage/."""
    cases = []
    for path in modules("planner"):
        where = path.relative_to(ROOT / "planner").parts
        if len(where) == 1:
            banned = CORE_BANNED
        elif where[0] == "cli":
            banned = ("streamlit", "pages")
        else:  # exports, files, batch: I/O of their own, but no store and no UI
            banned = ("streamlit", "storage", "pages")
        cases.append(pytest.param(path, banned, id=str(path.relative_to(ROOT))))
    for path in modules("storage"):
        banned = ("pages", "streamlit", "planner.cli", "planner.batch", "planner.exports")
        cases.append(pytest.param(path, banned, id=str(path.relative_to(ROOT))))
    return cases


@pytest.mark.parametrize(("path", "banned"), rule_cases())
def test_imports_run_from_the_pages_inwards_never_back(path, banned):
    """The planner's core imports no UI, table, SQL or store; its I/O subpackages no store or UI
    (the CLI, an outer layer, may open the store); storage imports no outer planner layer."""
    assert breaks(path, banned) == []


@pytest.mark.parametrize("path", sorted((ROOT / "planner").glob("*.py")), ids=lambda p: p.name)
def test_the_planners_core_reads_no_clock(path):
    """Today and now are passed in: the same profile gives the same plan on any day."""
    assert clock_calls(path) == []


@pytest.mark.parametrize("path", [ROOT / "app.py", *modules("pages")], ids=lambda p: p.name)
def test_the_pages_read_the_clock_only_through_the_clock_module(path):
    """pages/parts/clock.py is the one place the pages read the clock (the tests replace it)."""
    if path.name != "clock.py":
        assert clock_calls(path) == []


def test_the_checks_see_a_wrong_import_a_relative_import_and_a_clock(tmp_path, monkeypatch):
    """A core module importing streamlit (relatively too) and calling date.today() is caught."""
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    bad = tmp_path / "planner" / "bad.py"
    bad.parent.mkdir()
    bad.write_text("from . import exports\nimport streamlit as st\nfrom datetime import date\n")
    bad.write_text(
        bad.read_text() + "def f():\n    from ..pages import x\n    return date.today()\n"
    )
    assert imports(bad) >= {"planner.exports", "streamlit", "pages.x"}
    assert breaks(bad, CORE_BANNED) == ["pages", "pages.x", "streamlit"]
    assert clock_calls(bad) == ["date.today (line 6)"]


def private_uses(text: str) -> list[str]:
    """Each line of `text` that names Streamlit's private API, with its number."""
    return [
        f"{number}: {line.strip()}"
        for number, line in enumerate(text.splitlines(), start=1)
        if PRIVATE_STREAMLIT.search(line)
    ]


def scanned_files() -> list[Path]:
    files = [ROOT / "app.py"]
    for folder in SCANNED[1:]:
        files += sorted((ROOT / folder).rglob("*.py"))
    return [f for f in files if f != Path(__file__).resolve()]


@pytest.mark.parametrize("path", scanned_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_private_streamlit_api_anywhere(path):
    """No import, patch or mention of Streamlit's internals in the app, the tests or the bench."""
    assert private_uses(path.read_text(encoding="utf-8")) == []


def test_the_private_api_scan_finds_what_it_looks_for():
    """The old fix and the old download capture would both be found."""
    fix = "from streamlit." + "runtime.pages_manager import Pages" + "Manager"
    capture = "x = MemoryMedia" + "FileStorage"
    assert private_uses(f"{fix}\n{capture}\n") == [f"1: {fix}", f"2: {capture}"]
