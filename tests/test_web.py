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


def test_sigterm_removes_the_uploads_as_ctrl_c_does(server):
    import urllib.request

    url, folder, process, port = server
    page = urllib.request.urlopen(url).read().decode("utf-8")
    token = json.loads(re.search(r"TOKEN = (\"[^\"]+\")", page).group(1))
    boundary = "----budgetlint"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.txt\"\r\n\r\n"
            f"x\r\n--{boundary}--\r\n").encode()
    request = urllib.request.Request(url + "/batches", data=body, method="POST", headers={
        "Content-Type": f"multipart/form-data; boundary={boundary}", _TOKEN_HEADER: token})
    assert urllib.request.urlopen(request).status == 200
    assert folder is not None and any(folder.iterdir())
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=20)
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
