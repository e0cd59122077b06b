"""The Typst call and the worker process that bounds its memory."""

from concurrent.futures import ThreadPoolExecutor

import pytest

from planner import build_plan, parse_profile
from planner.exports import pdf_render
from planner.exports.pdf_sheet import sheet_document
from tests.conftest import make_profile
from tests.pdf_checks import read, text_of


@pytest.fixture(scope="module")
def documents():
    """Two different weekly sheets' data."""
    names = ("Ann Example", "Bo Example")
    return [sheet_document(build_plan(parse_profile(make_profile(name=n)))) for n in names]


def test_a_worker_that_grows_past_its_limit_is_replaced(documents):
    """With a limit smaller than any Python process, every document starts a fresh worker; each
    still comes back whole and the same as one made in this process."""
    worker = pdf_render.RecycledWorker(limit_mb=1)
    try:
        made = [worker.compile(data) for data in documents]
    finally:
        worker.close()
    assert worker.started == 2
    assert made == [pdf_render.compile_pdf(data) for data in documents]
    assert "Bo Example" in text_of(made[1])


def test_a_worker_under_its_limit_is_kept(documents):
    """Below the limit the same worker process makes every document."""
    worker = pdf_render.RecycledWorker(limit_mb=100_000)
    try:
        for data in documents * 2:
            assert len(read(worker.compile(data)).pages) == 1
    finally:
        worker.close()
    assert worker.started == 1


def test_a_process_that_has_grown_renders_in_the_worker_from_then_on(documents):
    """A renderer renders in-process while it is small and moves to the worker for good once it
    has grown by its limit (0 MB: at once)."""
    small = pdf_render.Renderer(in_process_mb=100_000)
    grown = pdf_render.Renderer(in_process_mb=0, worker_mb=100_000)
    try:
        assert small.render(documents[0]) == grown.render(documents[0])
        grown.render(documents[1])
    finally:
        grown.worker.close()
    assert small.worker.started == 0
    assert grown.worker.started == 1


def test_errors_in_the_worker_come_back_as_plain_exceptions(documents):
    """A template error is a RuntimeError and an unprintable plan a ValueError, through the
    worker as in-process, and the worker keeps working after them."""
    broken = {**documents[0], "page": {}}
    page = documents[0]["page"]
    crowded = {**documents[0], "page": {**page, "rows": page["rows"] * 6}}
    worker = pdf_render.RecycledWorker()
    try:
        with pytest.raises(RuntimeError, match="typesetting failed"):
            worker.compile(broken)
        with pytest.raises(ValueError, match="one-page sheet"):
            worker.compile(crowded)
        assert len(read(worker.compile(documents[0])).pages) == 1
    finally:
        worker.close()
    assert worker.started == 1


def test_sheets_made_at_once_in_several_threads_all_come_out_whole(documents):
    """App sessions run in threads: compiles at the same time wait for each other instead of
    failing, and each gives the same bytes as alone."""
    alone = [pdf_render.compile_pdf(data) for data in documents]
    with ThreadPoolExecutor(4) as pool:
        together = list(pool.map(pdf_render.compile_pdf, documents * 4))
    assert together == alone * 4
