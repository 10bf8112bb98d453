"""The bad-input corpus (scripts/bad_inputs.py) and the signals: each case exits as it must, says
why in a line, never prints a traceback or a terminal escape, and runs nothing it reads."""

from __future__ import annotations

import importlib.util
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from budgetlint.workers import usable_processors

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("bad_inputs", ROOT / "scripts" / "bad_inputs.py")
bad_inputs = importlib.util.module_from_spec(_spec)
sys.modules["bad_inputs"] = bad_inputs  # dataclasses look their module up there
_spec.loader.exec_module(bad_inputs)


def test_every_bad_input_gives_its_exit_code_and_line_and_nothing_runs(tmp_path):
    cases = bad_inputs.build(tmp_path / "cases")
    failures = []
    for case in cases:
        done = bad_inputs.run(case, cwd=ROOT)
        said = (done.stdout or "") + done.stderr
        problems = [what for what, bad in [
            (f"exit {done.returncode}, want {case.exit}", done.returncode != case.exit),
            (f"does not say {case.says!r}", case.says not in said),
            ("a traceback", "Traceback" in done.stderr),
            ("an internal error (an exception no one expected)", "internal error" in said),
            ("a terminal escape on stdout", "\x1b" in (done.stdout or "")),
            ("an error that is not one line per problem",
             any(line and not line.startswith("budgetlint:") for line in done.stderr.splitlines())),
        ] if bad]
        if problems:
            failures.append(f"{case.name}: {', '.join(problems)}\n{done.stderr[-400:]}")
    assert not failures, "\n".join(failures)
    assert not (tmp_path / "cases" / bad_inputs.EXECUTED).exists(), "a planted cache entry ran code"
    assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss < 1024 * 1024  # KB: under 1 GB each
    assert not (ROOT / ".bad-inputs-cache").exists()  # the cases leave nothing in the checkout


def test_a_damaged_cache_entry_is_replaced_by_a_good_one(tmp_path):
    entry = bad_inputs.cache_entry(tmp_path)
    entry.write_bytes(b"\x80\x05garbage")
    case = bad_inputs.Case("damaged", [str(bad_inputs.SAMPLE_TEXT.relative_to(ROOT))], 1, "BL311",
                           env={"BUDGETLINT_CACHE_DIR": str(tmp_path)})
    assert bad_inputs.run(case).returncode == 1
    assert entry.read_bytes().startswith(b"{")  # JSON now, read by the next run
    assert not list(tmp_path.rglob("*.tmp"))


def _batch(tmp_path: Path, copies: int = 8) -> Path:
    folder = tmp_path / "batch"
    folder.mkdir()
    for i in range(copies):
        shutil.copy(bad_inputs.SAMPLE_PDF, folder / f"agency-{i}.pdf")
    return folder


def _processes_naming(marker: str) -> list[int]:
    """Live processes whose command line names ``marker`` (workers are forks: they share it)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if marker in (entry / "cmdline").read_bytes().decode(errors="replace"):
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def _start(folder: Path, tmp_path: Path) -> subprocess.Popen:
    env = {**os.environ, "BUDGETLINT_CACHE_DIR": str(tmp_path / "cache"), "BUDGETLINT_LANG": "en"}
    return subprocess.Popen([sys.executable, "-m", "budgetlint", "check", "--no-cache", "--jobs", "2",
                             "--format", "json", str(folder)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env, cwd=ROOT)


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


needs_two = pytest.mark.skipif(usable_processors() < 2 or not Path("/proc").is_dir(),
                               reason="needs 2 processors and /proc")


@needs_two
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_ends_the_batch_at_once_reports_what_finished_and_leaves_no_worker(tmp_path, signum):
    folder = _batch(tmp_path)
    process = _start(folder, tmp_path)
    deadline = time.monotonic() + 60
    while len(_children(process.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(1.0)
    sent = time.monotonic()
    process.send_signal(signum)
    stdout, stderr = process.communicate(timeout=30)
    assert time.monotonic() - sent < 10  # 8 queued PDFs take 10 s and more: they did not run
    assert process.returncode == 128 + signum
    assert "Traceback" not in stderr
    assert f"not checked: the run was interrupted ({signal.Signals(signum).name})" in stderr
    assert '"errors"' in stdout  # the report of what finished was still written
    time.sleep(0.5)
    assert _processes_naming(str(folder)) == []


@needs_two
def test_a_worker_killed_names_the_files_it_did_not_check_and_keeps_the_rest(tmp_path):
    folder = _batch(tmp_path, copies=6)
    process = _start(folder, tmp_path)
    deadline = time.monotonic() + 60
    while len(_children(process.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(0.5)
    os.kill(_children(process.pid)[0], signal.SIGKILL)  # as the OOM killer does
    stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == 2
    assert "Traceback" not in stderr
    assert "not checked: a worker process died" in stderr
    assert '"violations"' in stdout


def test_a_pdf_glyph_that_reads_as_an_escape_character_is_read_as_a_space(tmp_path):
    from budgetlint.load import load_document

    pdf = bad_inputs._one_page(tmp_path / "escape.pdf", b"BT /F1 12 Tf 40 780 Td (Total \x1b[31m 5) Tj ET\n")
    texts = [p.text for p in load_document(pdf).paragraphs]
    assert "Total [31m 5" in " ".join(texts) and not any("\x1b" in t for t in texts)


@needs_two
def test_broken_files_are_said_alike_by_one_process_and_by_two(tmp_path):
    """The audit saw one PDF's error worded differently under `-j 1` and `-j 2`, and `Bad file
    descriptor` at the exit of `-j 2`: the same batch of broken files must give the same lines."""
    folder = tmp_path / "broken"
    folder.mkdir()
    bad_inputs.inflate_bomb(folder / "bomb.pdf")
    bad_inputs.office_bomb(folder / "bomb.docx", inflated=2**26)
    bad_inputs.sample_pages(folder / "sideways.pdf", lambda p: p.rotate(90))
    (folder / "cut.pdf").write_bytes(bad_inputs.SAMPLE_PDF.read_bytes()[:5000])
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "not-a.pdf").write_bytes("收支总表".encode("utf-8"))
    shutil.copy(bad_inputs.SAMPLE_TEXT, folder / "good.txt")
    said = {}
    for jobs in ("1", "2"):
        done = bad_inputs.run(bad_inputs.Case(f"-j {jobs}", ["--jobs", jobs, "--format", "json", "--no-timing",
                                                            str(folder)], 2, ""))
        assert done.returncode == 2 and "Traceback" not in done.stderr
        said[jobs] = (done.stdout, sorted(done.stderr.splitlines()))
    assert said["1"] == said["2"]
    assert len(said["2"][1]) == 6 and "Bad file descriptor" not in "".join(said["2"][1])
