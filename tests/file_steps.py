"""Things in the way of a written file, for tests: a folder, a FIFO, a symbolic link or a device
where a file is to be written, and a disk that is soon full."""

import os
import stat
import subprocess
from pathlib import Path

import pytest


def special(kind: str, folder: Path) -> Path:
    """A folder, FIFO, symbolic link (to a regular file) or character device in `folder`."""
    path = folder / kind
    if kind == "folder":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "symlink":
        (folder / "target.txt").write_bytes(b"kept")
        path.symlink_to(folder / "target.txt")
    else:  # a null device of our own: if anything went wrong, no system file is harmed
        try:
            os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        except PermissionError:
            pytest.skip("making a device node needs root")
    return path


def kind_of(path: Path) -> int:
    return stat.S_IFMT(os.lstat(path).st_mode)


@pytest.fixture
def tiny_disk(tmp_path):
    """A 64 kB tmpfs (needs root and a system that allows the mount; skipped otherwise)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(disk)], capture_output=True
    )
    if mounted.returncode:
        pytest.skip("cannot mount a tmpfs here")
    yield disk
    subprocess.run(["umount", str(disk)], check=True)
