"""Atomic writing: files appear whole or not at all, only regular files or new paths are written,
and a long name or a full disk leaves nothing behind."""

import os
from pathlib import Path

import pytest

from planner.files import atomic
from planner.files.atomic import NotARegularFile, check_replaceable, write_atomically
from tests.file_steps import kind_of, special, tiny_disk  # noqa: F401 (a fixture)

LONGEST = "é" * 125 + ".pdf"  # 254 bytes of UTF-8: a name one byte short of the most allowed


@pytest.fixture(params=[True, False], ids=["nameless", "beside"])
def way(request, monkeypatch):
    """Both ways of writing: a nameless file named at the end, and a temporary file beside."""
    if not request.param:
        monkeypatch.setattr(atomic, "PROC_FD", Path("/no/such/folder"))
    return request.param


def test_a_new_file_and_a_replaced_one_are_whole_with_nothing_left_beside(tmp_path, way):
    """Write a new path, then replace it: only the file is there, with the usual permissions."""
    path = tmp_path / "plan.json"
    write_atomically(path, b"first")
    write_atomically(path, b"second" * 10_000)
    assert path.read_bytes() == b"second" * 10_000
    assert os.listdir(tmp_path) == ["plan.json"]
    assert path.stat().st_mode & 0o644 == 0o644


def test_a_name_of_the_most_bytes_allowed_is_written_and_replaced(tmp_path, way):
    """The temporary name is cut short, so it fits even beside a 254-byte name."""
    path = tmp_path / LONGEST
    write_atomically(path, b"first")
    write_atomically(path, b"second")
    assert path.read_bytes() == b"second" and os.listdir(tmp_path) == [LONGEST]


@pytest.mark.parametrize("kind", ["folder", "fifo", "symlink", "device"])
def test_anything_but_a_regular_file_is_refused_and_left_as_it_was(tmp_path, kind, way):
    """A folder, FIFO, symlink or device is never replaced by a regular file."""
    path = special(kind, tmp_path)
    before = kind_of(path)
    with pytest.raises(NotARegularFile, match="give a regular file or a new path"):
        write_atomically(path, b"new")
    assert kind_of(path) == before
    assert not [name for name in os.listdir(tmp_path) if name.endswith(".tmp")]
    if kind == "symlink":
        assert (tmp_path / "target.txt").read_bytes() == b"kept"


def test_the_systems_null_device_is_refused_by_looking_only():
    """/dev/null is refused from its lstat alone: it is never opened or replaced."""
    before = os.lstat("/dev/null")
    with pytest.raises(NotARegularFile, match="it is a device"):
        check_replaceable(Path("/dev/null"))
    after = os.lstat("/dev/null")
    assert (after.st_ino, after.st_mode, after.st_rdev) == (
        before.st_ino,
        before.st_mode,
        before.st_rdev,
    )


def test_a_full_disk_leaves_neither_a_half_file_nor_a_temporary_one(tiny_disk, way):  # noqa: F811
    """ENOSPC is raised; an old file keeps its bytes and nothing else is left on the disk."""
    old = tiny_disk / "old.json"
    write_atomically(old, b"old")
    for path in (tiny_disk / "new.json", old):
        with pytest.raises(OSError) as failed:
            write_atomically(path, b"x" * 200_000)
        assert failed.value.errno == 28  # ENOSPC
    assert os.listdir(tiny_disk) == ["old.json"] and old.read_bytes() == b"old"
