"""`budgetlint serve`: the page an auditor drops files on, through its API and in a real browser."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest

from conftest import ROOT

pytest.importorskip("starlette", reason="the web extra (pip install 'budgetlint[web]')")
from starlette.testclient import TestClient  # noqa: E402

from budgetlint.i18n import t
from budgetlint.lint import check_paths
from budgetlint.web import _TOKEN_HEADER, create_app, safe_name  # noqa: E402

SAMPLE = ROOT / "samples/pdf/taiqian-2023.pdf"
BROKEN = ROOT / "tests/data/empty.pdf"


def _client(app) -> TestClient:
    """A client as the page is: at the server's own name, with the token the page carries."""
    client = TestClient(app)
    client.headers[_TOKEN_HEADER] = app.state.token
    return client


@pytest.fixture()
def client(rules, tmp_path):
    with _client(create_app(rules, tmp_path, 50 * 2**20, hosts=("testserver",))) as c:
        yield c


def _finished(client, answer) -> dict:
    batch = answer.json()
    for _ in range(600):
        if batch["finished"]:
            return batch
        time.sleep(0.1)
        batch = client.get(f"/batches/{batch['id']}").json()
    raise AssertionError("the batch did not finish in a minute")


def test_a_batch_reports_each_file_and_offers_the_report_workbook_and_json(client):
    files = [("files", (SAMPLE.name, SAMPLE.read_bytes())), ("files", (BROKEN.name, BROKEN.read_bytes()))]
    batch = _finished(client, client.post("/batches", files=files))
    sample, broken = batch["files"]
    assert (sample["state"], sample["verdict"], sample["errors"], sample["agency"]) == ("done", "未通过", 23, "台前县医疗保障局")
    assert (broken["state"], broken["message"]) == ("error", t("empty file"))
    page = client.get(f"/batches/{batch['id']}/report.html").text
    assert "BL101" in page and "584.50" in page
    workbook = client.get(f"/batches/{batch['id']}/report.xlsx")
    assert "attachment" in workbook.headers["content-disposition"]
    summary = openpyxl.load_workbook(io.BytesIO(workbook.content))["汇总"]
    assert [row[1] for row in summary.iter_rows(min_row=5, values_only=True)][:1] == ["台前县医疗保障局"]
    data = client.get(f"/batches/{batch['id']}/report.json").json()
    assert data["errors"][0]["message"] == t("empty file")
    assert [f["path"] for f in data["files"]] == [SAMPLE.name]  # as uploaded, no upload number before it


NARRATIVE = ROOT / "samples/docx/taiqian-2023-text.docx"
TABLES = ROOT / "samples/xlsx/taiqian-2023-tables.xlsx"


def _findings(client, batch) -> list[tuple[str, str]]:
    data = client.get(f"/batches/{batch['id']}/report.json").json()
    return sorted((v["rule"], v["message"]) for v in data["violations"])


def test_a_narrative_and_its_tables_under_unrelated_names_are_one_disclosure_as_with_group(client, rules, tmp_path):
    """The two files of 台前 2023 (说明 in Word, tables in Excel) say they are one agency's 2023 部门预算:
    grouped by that, not by their names, they give what `--group` gives."""
    files = [("files", ("说明.docx", NARRATIVE.read_bytes())), ("files", ("附件.xlsx", TABLES.read_bytes()))]
    batch = _finished(client, client.post("/batches", files=files))
    assert [(f["name"], f["disclosure"]) for f in batch["files"]] == [("说明.docx", 1), ("附件.xlsx", 1)]
    (tmp_path / "alone").mkdir()
    shutil.copy(NARRATIVE, tmp_path / "alone" / "说明.docx")
    shutil.copy(TABLES, tmp_path / "alone" / "附件.xlsx")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(tmp_path / "alone")
        grouped = check_paths(["说明.docx", "附件.xlsx"], rules, groups=[["说明.docx", "附件.xlsx"]])
    together = _findings(client, batch)
    assert together == sorted((v.rule, v.message) for v in grouped.violations)
    assert sum(f["errors"] for f in batch["files"]) == 2 * 23  # each file's row shows its disclosure's count
    # split on the page: each file is checked on its own
    split = _finished(client, client.post(f"/batches/{batch['id']}/groups",
                                          json={"groups": [["说明.docx"], ["附件.xlsx"]]}))
    assert [(f["name"], f["disclosure"]) for f in split["files"]] == [("说明.docx", 1), ("附件.xlsx", 2)]
    assert _findings(client, split) != together
    joined = _finished(client, client.post(f"/batches/{batch['id']}/groups", json={"groups": [["附件.xlsx", "说明.docx"]]}))
    assert _findings(client, joined) == together


@pytest.mark.parametrize("groups", [[["说明.docx", "说明.docx"]], [["other.pdf"]], "说明.docx", [[1]]])
def test_disclosures_set_on_the_page_must_name_each_file_of_the_batch_once(client, groups):
    files = [("files", ("说明.docx", NARRATIVE.read_bytes()))]
    batch = _finished(client, client.post("/batches", files=files))
    answer = client.post(f"/batches/{batch['id']}/groups", json={"groups": groups})
    assert answer.status_code == 400 and answer.json()["error"] == "分组须列出本批的每个文件，且每个只列一次"


def test_an_upload_over_the_limit_is_refused_before_it_is_read(rules, tmp_path):
    with _client(create_app(rules, tmp_path, 2**20, hosts=("testserver",))) as small:
        answer = small.post("/batches", files=[("files", ("big.pdf", b"%PDF-" + b"0" * 2**21))])
    assert answer.status_code == 413 and "超过上限 1 MB" in answer.json()["error"]
    assert not any(tmp_path.iterdir())


def test_unknown_batches_and_results_are_not_found(client):
    assert client.get("/batches/nope").status_code == 404
    assert client.get("/batches/nope/report.xlsx").status_code == 404


@pytest.mark.parametrize("given, saved", [
    ("../../etc/passwd", "passwd"), ("C:\\Users\\a\\部门预算.pdf", "部门预算.pdf"), (".hidden.pdf", "hidden.pdf"),
    ("", "file"), ("a:b*?.pdf", "a_b__.pdf"),
])
def test_an_uploaded_name_stays_inside_its_folder(given, saved):
    assert safe_name(given, set()) == saved


def test_a_batch_none_of_whose_files_could_be_checked_says_so(client):
    batch = _finished(client, client.post("/batches", files=[("files", (BROKEN.name, BROKEN.read_bytes()))]))
    assert batch["failure"] == "所有文件都无法检查：empty.pdf：" + t("empty file")


def test_a_page_of_another_site_cannot_upload(rules, tmp_path):
    """No token (a form on another site cannot send the header), another Origin, or another Host
    (DNS rebinding): refused before anything is read."""
    app = create_app(rules, tmp_path, 2**20, hosts=("testserver",))
    files = [("files", ("a.txt", b"x"))]
    with TestClient(app) as plain:
        assert plain.get("/").status_code == 200
        assert plain.post("/batches", files=files).status_code == 403
        own = {_TOKEN_HEADER: app.state.token}
        assert plain.post("/batches", files=files, headers={**own, "Origin": "http://evil.example"}).status_code == 403
        assert plain.get("/", headers={"Host": "evil.example"}).status_code == 403
        assert plain.post("/batches", files=files, headers={**own, "Origin": "http://testserver"}).status_code == 200
        assert app.state.token in plain.get("/").text  # the page carries it to its uploads


def test_a_name_of_any_length_is_saved_and_the_next_upload_still_works(client):
    long = "预算" * 150 + ".pdf"  # 904 bytes in UTF-8
    first = _finished(client, client.post("/batches", files=[("files", (long, b"%PDF-1.4 cut off"))]))
    (saved,) = first["files"]
    assert saved["name"].endswith(".pdf") and len(saved["name"].encode()) <= 150
    again = client.post("/batches", files=[("files", (SAMPLE.name, SAMPLE.read_bytes()))])
    assert again.status_code == 200


def test_uploads_at_once_each_get_their_own_folder(client):
    from concurrent.futures import ThreadPoolExecutor

    def post(n: int) -> int:
        return client.post("/batches", files=[("files", (f"{n}.txt", b"x"))]).status_code

    with ThreadPoolExecutor(max_workers=8) as pool:
        codes = list(pool.map(post, range(8)))
    assert codes == [200] * 8


def test_a_full_queue_is_answered_busy(rules, tmp_path, monkeypatch):
    import threading

    from budgetlint import web

    release = threading.Event()
    monkeypatch.setattr(web, "MAX_WAITING", 1)
    monkeypatch.setattr(web.Checker, "check", lambda self, batch: release.wait(30))
    with _client(create_app(rules, tmp_path, 2**20, hosts=("testserver",))) as c:
        codes = [c.post("/batches", files=[("files", (f"{n}.txt", b"x"))]).status_code for n in range(4)]
        release.set()
    assert codes[:2] == [200, 200] and codes[-1] == 503  # one checked, one waiting, then busy


# --- in a real browser --------------------------------------------------------------------------

def _browser() -> str:
    pytest.importorskip("playwright.sync_api", reason="playwright (pip install playwright)")
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.skip("no chromium installed (apt-get install chromium)")
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def server(tmp_path):
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "budgetlint", "serve", "--port", str(port), "--no-browser"],
                               stderr=subprocess.PIPE, text=True, cwd=tmp_path)
    folder = None
    for line in process.stderr:  # `uploads are kept in FOLDER until …`, in the run's language
        said = re.search(r"(?:kept in |保存在 )(\S+?)(?: until|，)", line)
        if said:
            folder = Path(said.group(1))
            break
    for _ in range(100):
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.1)
    yield f"http://127.0.0.1:{port}", folder, process, port
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=20)


def test_in_a_browser_files_are_dropped_checked_shown_and_the_workbook_downloaded(server, tmp_path):
    chromium = _browser()
    from playwright.sync_api import sync_playwright

    url, folder, process, _ = server
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page(accept_downloads=True, viewport={"width": 1200, "height": 1600})
        page.goto(url)
        page.set_input_files("#pick", [str(SAMPLE), str(BROKEN)])
        page.wait_for_selector("#downloads:not([hidden])", timeout=120_000)
        rows = page.locator("#files tbody tr").all_inner_texts()
        assert any("taiqian-2023.pdf" in r and "未通过" in r and "错误 23 处" in r for r in rows)
        assert any("empty.pdf" in r and "无法检查：空文件" in r for r in rows)
        report = page.frame_locator("#report")
        report.locator("text=584.50").first.wait_for(timeout=30_000)
        assert report.locator(".finding", has_text="BL101").count() == 3
        page.screenshot(path=str(tmp_path / "serve.png"))
        with page.expect_download() as download:
            page.click("#xlsx")
        saved = tmp_path / "检查结果.xlsx"
        download.value.save_as(saved)
        assert download.value.suggested_filename == "检查结果.xlsx"
        assert openpyxl.load_workbook(saved).sheetnames[0] == "汇总"
        browser.close()
    assert folder is not None and any(folder.iterdir())  # the uploads, while the server runs
    process.send_signal(signal.SIGINT)
    process.wait(timeout=20)
    assert not folder.exists()  # removed when it stops
    if os.environ.get("BUDGETLINT_KEEP_SCREENSHOT"):
        shutil.copy(tmp_path / "serve.png", os.environ["BUDGETLINT_KEEP_SCREENSHOT"])


def test_in_a_browser_a_narrative_and_its_tables_are_one_disclosure_and_can_be_split(server, tmp_path, rules):
    chromium = _browser()
    from playwright.sync_api import sync_playwright

    url = server[0]
    shutil.copy(NARRATIVE, tmp_path / "说明.docx")
    shutil.copy(TABLES, tmp_path / "附件.xlsx")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(tmp_path)
        grouped = check_paths(["说明.docx", "附件.xlsx"], rules, groups=[["说明.docx", "附件.xlsx"]])
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1200, "height": 1600})
        page.goto(url)
        page.set_input_files("#pick", [str(tmp_path / "说明.docx"), str(tmp_path / "附件.xlsx")])
        page.wait_for_selector("#downloads:not([hidden])", timeout=120_000)

        def chosen() -> list[str]:
            return page.eval_on_selector_all("#files select", "s => s.map(x => x.selectedOptions[0].textContent)")

        assert chosen() == ["第 1 份", "第 1 份"]
        report = page.frame_locator("#report")
        report.locator(".finding").first.wait_for(timeout=30_000)
        assert report.locator(".finding").count() == len(grouped.violations)
        page.select_option("#files tbody tr:nth-child(2) select", label="单独一份")
        page.click("#regroup")
        page.wait_for_function("() => [...document.querySelectorAll('#files select')].map(s => "
                               "s.selectedOptions[0].textContent).join('|') === '第 1 份|第 2 份'", timeout=120_000)
        page.wait_for_selector("#downloads:not([hidden])", timeout=120_000)
        browser.close()


def _token(url: str) -> str:
    """The token the page carries, which an upload must send."""
    import urllib.request

    page = urllib.request.urlopen(url).read().decode("utf-8")
    return json.loads(re.search(r"TOKEN = (\"[^\"]+\")", page).group(1))


def _post(url: str, token: str, files: list[tuple[str, bytes]]) -> dict:
    """Post files as the page does; the batch as the server first answers it."""
    import urllib.request

    boundary = "----budgetlint"
    body = b"".join(f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{name}\"\r\n\r\n"
                    .encode() + data + b"\r\n" for name, data in files) + f"--{boundary}--\r\n".encode()
    request = urllib.request.Request(url + "/batches", data=body, method="POST", headers={
        "Content-Type": f"multipart/form-data; boundary={boundary}", _TOKEN_HEADER: token})
    return json.loads(urllib.request.urlopen(request).read())


def _upload(url: str, token: str, files: list[tuple[str, bytes]]) -> dict:
    """Post files as the page does, and wait until the batch is checked."""
    import urllib.request

    batch = _post(url, token, files)
    for _ in range(1200):
        if batch["finished"]:
            return batch
        time.sleep(0.1)
        batch = json.loads(urllib.request.urlopen(f"{url}/batches/{batch['id']}").read())
    raise AssertionError("the batch did not finish in two minutes")


def test_sigterm_removes_the_uploads_as_ctrl_c_does(server):
    url, folder, process, port = server
    _post(url, _token(url), [("a.txt", b"x")])
    assert folder is not None and any(folder.iterdir())
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=20)
    assert not folder.exists()


def test_ctrl_c_during_a_long_check_does_not_wait_for_it(server):
    """The audit saw Ctrl-C wait 67 s for a check to end.  This text takes over 10 s to check."""
    url, folder, process, port = server
    long_text = (ROOT / "samples/text/taiqian-2023.txt").read_bytes() * 24
    _post(url, _token(url), [("long.txt", long_text)])
    time.sleep(1)  # the check has begun
    asked = time.monotonic()
    process.send_signal(signal.SIGINT)
    process.wait(timeout=20)
    assert time.monotonic() - asked < 5
    assert not folder.exists()


def test_a_busy_port_gives_the_next_one_and_says_so():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = taken.getsockname()[1]
        process = subprocess.Popen([sys.executable, "-m", "budgetlint", "serve", "--port", str(busy), "--no-browser"],
                                   stderr=subprocess.PIPE, text=True, env={**os.environ, "BUDGETLINT_LANG": "en"})
        said = []
        for line in process.stderr:
            said.append(line)
            if "open http://" in line:
                break
        serving = int(re.search(r"open http://127\.0\.0\.1:(\d+)", said[-1]).group(1))
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:  # Ctrl-C once it serves: not while it is still starting up
            try:
                socket.create_connection(("127.0.0.1", serving), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        process.send_signal(signal.SIGINT)
        process.wait(timeout=20)
    text = "".join(said)
    assert f"port {busy} is in use; using" in text
    assert f"open http://127.0.0.1:{busy}" not in text


def test_the_page_works_from_the_built_wheel_in_a_fresh_environment(tmp_path):
    """What the README tells a newcomer: build the wheel, install it with the web extra in a new
    virtual environment, `budgetlint serve`, and drop a 说明 and its tables under names of one's own."""
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path / "dist"),
                            str(ROOT)], capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    (wheel,) = (tmp_path / "dist").glob("budgetlint-*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    install = subprocess.run([str(venv / "bin" / "pip"), "install", "-q", f"{wheel}[web]"], capture_output=True, text=True)
    if install.returncode != 0 and "No matching distribution" in install.stderr + install.stdout:
        pytest.skip("no package index reachable to install the web extra's dependencies")
    assert install.returncode == 0, install.stderr
    port = _free_port()
    process = subprocess.Popen([str(venv / "bin" / "budgetlint"), "serve", "--port", str(port), "--no-browser"],
                               stderr=subprocess.PIPE, text=True, cwd=tmp_path)
    try:
        url = f"http://127.0.0.1:{port}"
        for line in process.stderr:
            if f"{url}" in line:
                break
        for _ in range(100):
            try:
                token = _token(url)
                break
            except OSError:
                time.sleep(0.1)
        batch = _upload(url, token, [("说明.docx", NARRATIVE.read_bytes()), ("附件.xlsx", TABLES.read_bytes())])
        assert [(f["name"], f["disclosure"], f["errors"]) for f in batch["files"]] == [("说明.docx", 1, 23), ("附件.xlsx", 1, 23)]
        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        if chromium is not None:  # and as a person uses it: the page, in a browser
            from playwright.sync_api import sync_playwright

            shutil.copy(NARRATIVE, tmp_path / "说明.docx")
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
                tab = browser.new_page()
                tab.goto(url)
                tab.set_input_files("#pick", [str(tmp_path / "说明.docx")])
                tab.wait_for_selector("#downloads:not([hidden])", timeout=120_000)
                assert "未通过" in tab.locator("#files tbody tr").first.inner_text()
                browser.close()
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=20)
