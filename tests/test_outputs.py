"""Reports and baselines are written as a careful tool writes files: a symbolic link writes the file it
names, a device or a pipe is written to and left in place, and a file keeps its mode (or, new, gets
the one the umask gives) — never a private 0600 copy beside the link or in place of the device."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from budgetlint.outputs import OutputError, write_text


def test_a_link_writes_the_file_it_names(tmp_path):
    target = tmp_path / "reports" / "report.json"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    write_text(link, "new")
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.json", "reports"]


def test_a_pipe_is_written_to_as_a_stream_and_stays_a_pipe(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_text(fifo, "报告")
    reader.join(timeout=10)
    assert received == ["报告".encode()] and stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_full_device_is_one_clear_error():
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    with pytest.raises(OutputError, match="/dev/full"):
        write_text(Path("/dev/full"), "x" * 100_000)
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_an_existing_file_keeps_its_mode_and_a_new_one_follows_the_umask(tmp_path):
    existing = tmp_path / "shared.json"
    existing.write_text("old", encoding="utf-8")
    existing.chmod(0o664)
    write_text(existing, "new")
    assert stat.S_IMODE(os.stat(existing).st_mode) == 0o664
    old = os.umask(0o027)
    try:
        write_text(tmp_path / "new.json", "new")
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(tmp_path / "new.json").st_mode) == 0o640
