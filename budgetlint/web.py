"""``budgetlint serve``: a page in the browser for people who do not use a terminal.

An auditor opens http://127.0.0.1:8000, drops one or more disclosures (PDF, Word, Excel,
text) on the page and watches each file's progress; when the batch is checked the page shows
the report (the HTML of ``--format html``) and offers the 检查结果 workbook and the JSON for
download.  A file that cannot be read gets its one-line error beside its name; the others are
still checked.  Files uploaded together are one batch; its files are grouped into disclosures
by what each says it is (a 说明 and its tables, whatever they are called: agency, year and kind
agree) and by their names (`x-说明.docx`, `x-报表.xlsx`).  The page shows each file's disclosure
and lets the auditor join or split them and check the batch again.

Nothing leaves the machine: the server listens on 127.0.0.1 unless told otherwise, uploads are
kept in a temporary folder (the server's working folder) that is removed when it stops (Ctrl-C or
SIGTERM), and a batch is reached only by its random id.  An upload over the size limit
(``--max-upload``) is refused before it is read.  A page of another site cannot post to it: the
Host must be the server's own, an Origin must be the page's, and an upload must carry the token
the page was served with (a form on another site cannot send that header).  Batches are checked
one at a time, in a thread beside the server that a stop does not wait for; while
:data:`MAX_WAITING` batches wait, a new one is answered "busy".
"""

from __future__ import annotations

import itertools
import json
import os
import queue
import re
import secrets
import shutil
import signal
import sys
import threading
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from string import Template
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from budgetlint.cache import DocumentCache
from budgetlint.disclosure import by_identity
from budgetlint.engine.pack import RuleSet
from budgetlint.i18n import language, listed, t
from budgetlint.lint import check_paths, describe, internal_error
from budgetlint.report.checklist import disclosures, verdict_text
from budgetlint.report.formats import Rendering, renderer

MAX_FILES = 300  # files in one upload: a district's season
MAX_WAITING = 8  # batches waiting to be checked before a new one is answered "busy"
_NAME_BYTES = 150  # an uploaded name's length (UTF-8) on disk: file systems allow 255
_TOKEN_HEADER = "X-Budgetlint-Token"
_UNSAFE = re.compile(r"[\x00-\x1f/\\:*?\"<>|]")
_DOWNLOADS = {  # what a batch offers: media type, the name it is saved under
    "report.html": ("text/html; charset=utf-8", "check report.html"),
    "report.xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "check results.xlsx"),
    "report.json": ("application/json", "check results.json"),
}


@dataclass
class Batch:
    """Files uploaded together, checked together; its state is what the page polls."""

    id: str
    folder: Path
    names: list[str]
    done: dict[str, dict] = field(default_factory=dict)  # name -> its outcome, as the page shows it
    outputs: dict[str, bytes] = field(default_factory=dict)  # report.html, report.xlsx, report.json
    failure: str | None = None  # the batch itself could not be checked (a bug): said on the page
    finished: bool = False
    groups: list[list[str]] | None = None  # the disclosures as the auditor set them (None: as the files say)
    disclosure: dict[str, int] = field(default_factory=dict)  # name -> the number of its disclosure, from 1

    def state(self) -> dict:
        files = [{"name": n, "disclosure": self.disclosure.get(n), **self.done.get(n, {"state": "checking"})}
                 for n in self.names]
        return {"id": self.id, "files": files, "finished": self.finished, "failure": self.failure,
                "downloads": sorted(self.outputs) if self.finished else []}


def safe_name(uploaded: str | None, taken: set[str]) -> str:
    """A file name for an upload: its own name without folders or characters a file system or
    a link would trip over, short enough for any file system (its ending kept), unique in its batch."""
    name = _UNSAFE.sub("_", re.split(r"[/\\]", uploaded or "")[-1]).lstrip(".").strip() or "file"
    stem, dot, suffix = name.rpartition(".") if "." in name else (name, "", "")
    ending = (dot + suffix) if len((dot + suffix).encode()) <= 16 else ""
    while len((stem + ending).encode()) > _NAME_BYTES:
        stem = stem[:-1]
    name = stem + ending
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{n}-{name}"
    taken.add(candidate)
    return candidate


class Checker:
    """The batches of one server and the thread that checks them, one at a time.  The thread is a
    daemon: a stop does not wait for the batch it is checking (its folder goes with the server's)."""

    def __init__(self, rules: RuleSet, cache: DocumentCache):
        self.rules = rules
        self.cache = cache  # each file is read once, to group it and to check it
        self.batches: dict[str, Batch] = {}
        self.numbers = itertools.count(1)  # each upload's folder: one number each, however many arrive at once
        self.waiting: queue.Queue[Batch] = queue.Queue(maxsize=MAX_WAITING)
        self.lock = threading.Lock()
        threading.Thread(target=self._work, name="budgetlint-check", daemon=True).start()

    def _work(self) -> None:
        while True:
            self.check(self.waiting.get())

    def _by_identity(self, names: list[str]) -> list[list[str]]:
        """The files that are one disclosure by what they say (run inside the batch's folder)."""
        parts = [describe(Path(name), self.rules, self.cache) for name in names]
        return [group for group in by_identity([p for p in parts if p is not None]) if len(group) > 1]

    def again(self, batch: Batch, groups: list[list[str]]) -> None:
        """Check a finished batch again with the disclosures the auditor set."""
        with self.lock:
            batch.groups, batch.done, batch.outputs, batch.failure, batch.finished = groups, {}, {}, None, False
            batch.disclosure = {}
        self.waiting.put_nowait(batch)

    def check(self, batch: Batch) -> None:
        def on_file(path: str, total: int) -> None:
            del total
            with self.lock:
                batch.done.setdefault(Path(path).name, {"state": "done"})

        try:
            # named as uploaded (`部门预算.pdf`, not `3/部门预算.pdf`): checked from inside the batch's folder.
            # The server's own paths are absolute, and this thread is the only one that checks.
            here = os.getcwd()
            os.chdir(batch.folder)
            try:
                groups = batch.groups if batch.groups is not None else self._by_identity(batch.names)
                report = check_paths(list(batch.names), self.rules, on_file=on_file, groups=groups,
                                     auto_group=batch.groups is None, cache=self.cache)
            finally:
                os.chdir(here)
            with self.lock:
                for error in report.errors:
                    batch.done[Path(error.path).name] = {"state": "error", "message": error.message}
                checked = disclosures(report, self.rules)
                batch.disclosure = {Path(path).name: n for n, d in enumerate(checked, 1) for path in d.paths}
                for d in checked:
                    for path in d.paths if d.files else []:
                        batch.done[Path(path).name] = {"state": "done", "verdict": verdict_text(d.verdict), "outcome": d.verdict,
                                                       "agency": d.identity.agency,
                                                       "errors": d.count("error"), "warnings": d.count("warning")}
            if report.errors and not report.files:  # nothing checked: the page says so, not `0 problems`
                with self.lock:
                    batch.failure = t("none of the files could be checked: {reasons}",
                                      reasons=listed(t("{path}: {message}", path=Path(e.path).name, message=e.message)
                                                     for e in report.errors))
            rendering = Rendering(report, self.rules)
            outputs = {name: _bytes(renderer(name.split(".")[1])(rendering)) for name in _DOWNLOADS}
            with self.lock:
                batch.outputs = outputs
        except Exception as exc:  # a bug must not take the server down: the page says what happened
            batch.failure = internal_error(exc)
        finally:
            batch.finished = True


def _groups(raw: object, names: list[str]) -> list[list[str]]:
    """The disclosures a page sends, checked: lists of the batch's names, each name at most once;
    a name in none is a disclosure of its own.  ValueError otherwise."""
    if not isinstance(raw, list) or not all(isinstance(g, list) and all(isinstance(n, str) for n in g) for g in raw):
        raise ValueError("groups")
    listed_names = [n for g in raw for n in g]
    if len(set(listed_names)) != len(listed_names) or not set(listed_names) <= set(names):
        raise ValueError("groups")
    return [g for g in raw if g] + [[n] for n in names if n not in listed_names]


def _bytes(rendered: str | bytes) -> bytes:
    return rendered.encode("utf-8") if isinstance(rendered, str) else rendered


def _foreign(request: Request, hosts: tuple[str, ...], token: str) -> str | None:
    """Why a request may come from a page of another site (None: it is the page's own)."""
    host = request.headers.get("host", "")
    if hosts and host.rsplit(":", 1)[0].strip("[]") not in hosts:
        return t("this server answers only as {hosts}", hosts="、".join(hosts))
    origin = request.headers.get("origin")
    if request.method == "POST" and (origin is not None and origin.split("://", 1)[-1] != host
                                     or not secrets.compare_digest(request.headers.get(_TOKEN_HEADER, ""), token)):
        return t("an upload must come from this server's own page")
    return None


LOCAL_NAMES = ("127.0.0.1", "localhost", "::1")


def create_app(rules: RuleSet, root: Path, max_upload: int, hosts: tuple[str, ...] = LOCAL_NAMES) -> Starlette:
    """The web application; uploads go into folders under ``root``; ``hosts``: the names it answers
    to (empty: any, for a server on every interface, whose names cannot be known)."""
    checker = Checker(rules, DocumentCache(root / ".documents"))
    token = secrets.token_urlsafe(24)

    async def index(request: Request) -> Response:
        return HTMLResponse(page(max_upload, token))

    async def upload(request: Request) -> Response:
        if checker.waiting.full():
            return JSONResponse({"error": t("the server is busy checking other batches; try again in a while")},
                                status_code=503)
        size = request.headers.get("content-length")
        if size is None or not size.isdigit():
            return JSONResponse({"error": t("an upload must state its size (Content-Length)")}, status_code=411)
        if int(size) > max_upload:
            return JSONResponse({"error": t("the files uploaded are {size} MB, over the limit of {limit} MB",
                                              size=f"{int(size) / 2**20:.0f}", limit=max_upload // 2**20)},
                                status_code=413)
        async with request.form(max_files=MAX_FILES, max_fields=10) as form:
            uploads = [f for f in form.getlist("files") if hasattr(f, "read")]
            if not uploads:
                return JSONResponse({"error": t("no file was received")}, status_code=400)
            batch = Batch(secrets.token_hex(8), root / str(next(checker.numbers)), [])
            taken: set[str] = set()
            try:
                batch.folder.mkdir()
                for upload in uploads:
                    name = safe_name(upload.filename, taken)
                    (batch.folder / name).write_bytes(await upload.read())
                    batch.names.append(name)
            except OSError as exc:  # a full disk: this upload fails, the next one has its own folder
                shutil.rmtree(batch.folder, ignore_errors=True)
                return JSONResponse({"error": t("the upload could not be saved: {reason}",
                                                reason=exc.strerror or str(exc))}, status_code=507)
        try:
            checker.waiting.put_nowait(batch)
        except queue.Full:
            shutil.rmtree(batch.folder, ignore_errors=True)
            return JSONResponse({"error": t("the server is busy checking other batches; try again in a while")},
                                status_code=503)
        checker.batches[batch.id] = batch
        return JSONResponse(batch.state())

    def _batch(request: Request) -> Batch | None:
        return checker.batches.get(request.path_params["id"])

    async def status(request: Request) -> Response:
        batch = _batch(request)
        if batch is None:
            return JSONResponse({"error": t("no such batch")}, status_code=404)
        with checker.lock:
            return JSONResponse(batch.state())

    async def regroup(request: Request) -> Response:
        """The disclosures as the auditor sets them on the page: `{"groups": [[name, …], …]}`."""
        batch = _batch(request)
        if batch is None:
            return JSONResponse({"error": t("no such batch")}, status_code=404)
        try:
            groups = _groups((await request.json()).get("groups"), batch.names)
        except (ValueError, AttributeError):
            return JSONResponse({"error": t("the disclosures must list each file of the batch once")}, status_code=400)
        if not batch.finished:
            return JSONResponse({"error": t("the batch is still being checked")}, status_code=409)
        try:
            checker.again(batch, groups)
        except queue.Full:
            return JSONResponse({"error": t("the server is busy checking other batches; try again in a while")},
                                status_code=503)
        with checker.lock:
            return JSONResponse(batch.state())

    async def download(request: Request) -> Response:
        batch, name = _batch(request), request.path_params["name"]
        if batch is None or name not in batch.outputs:
            return JSONResponse({"error": t("no such result")}, status_code=404)
        media, saved = _DOWNLOADS[name]
        saved = t(saved)
        disposition = "inline" if name.endswith(".html") else "attachment"
        return Response(batch.outputs[name], media_type=media, headers={
            "Content-Disposition": f"{disposition}; filename*=UTF-8''{quote(saved)}"})

    async def own_pages_only(request: Request, call_next):
        refused = _foreign(request, hosts, token)
        if refused is not None:
            return JSONResponse({"error": refused}, status_code=403)
        return await call_next(request)

    app = Starlette(routes=[
        Route("/", index),
        Route("/batches", upload, methods=["POST"]),
        Route("/batches/{id}", status),
        Route("/batches/{id}/groups", regroup, methods=["POST"]),
        Route("/batches/{id}/{name}", download),
    ], middleware=[Middleware(BaseHTTPMiddleware, dispatch=own_pages_only)])
    app.state.token = token
    return app


_PAGE_WORDS = {  # the page's words, each an English text the catalogue translates
    "title": "Checking budget and final-accounts disclosures",
    "intro": "Drop an agency's budget or final-accounts disclosure (PDF, Word, Excel or text) below, or click to "
             "choose files; several files can go at once, and a disclosure's narrative and tables should go together. "
             "The files are checked on this machine only and deleted when the server stops. At most {limit} MB an upload.",
    "drop": "Drop files here, or",
    "file": "file", "agency": "agency", "state": "status", "download": "Download:", "part": "which disclosure",
    "regroup": "Check again with these disclosures",
    "parts": "Files that are one disclosure (a narrative and its tables) share a number; change a file's number "
             "to join or split them.",
    "workbook": "check results (Excel checklist)", "open": "open the report in a new window",
    "report": "check report",
}
_SCRIPT_WORDS = {  # the words the script writes while files are checked
    "checking": "checking…", "unreadable": "could not be checked: ", "done": "done",
    "counts": " ({errors} errors, {warnings} warnings)", "alone": "on its own", "numbered": "disclosure {n}",
}


def page(max_upload: int, token: str) -> str:
    """The upload page in the run's language, with the token its uploads carry."""
    words = {key: escape(t(text)) for key, text in _PAGE_WORDS.items()}
    words["intro"] = escape(t(_PAGE_WORDS["intro"], limit=max_upload // 2**20))
    script = json.dumps({key: t(text) for key, text in _SCRIPT_WORDS.items()}, ensure_ascii=False).replace("</", "<\\/")
    return Template(PAGE).substitute(words, lang="zh-CN" if language() == "zh" else "en", words=script,
                                     token=json.dumps(token), header=json.dumps(_TOKEN_HEADER))


PAGE = """<!DOCTYPE html>
<html lang="$lang"><head><meta charset="utf-8"><title>budgetlint · $title</title>
<style>
body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 2em auto; max-width: 1100px;
       color: #1f2937; }
#drop { border: 2px dashed #9ca3af; border-radius: 8px; padding: 2.5em; text-align: center; color: #4b5563; }
#drop.over { border-color: #2563eb; background: #eff6ff; }
table { border-collapse: collapse; margin: 1em 0; } td, th { border: 1px solid #e5e7eb; padding: 3px 10px; text-align: left; }
.error { color: #b91c1c; } .done { color: #15803d; } .review { color: #b45309; } .checking { color: #6b7280; }
iframe { width: 100%; height: 80vh; border: 1px solid #d1d5db; }
</style></head><body>
<h1>$title</h1>
<p>$intro</p>
<div id="drop">$drop <input type="file" id="pick" multiple></div>
<p id="message" class="error"></p>
<table id="files" hidden><thead><tr><th>$part</th><th>$file</th><th>$agency</th><th>$state</th></tr></thead><tbody></tbody>
</table>
<p id="grouping" hidden>$parts <button id="regroup">$regroup</button></p>
<p id="downloads" hidden>$download <a id="xlsx" download>$workbook</a> · <a id="json" download>JSON</a>
 · <a id="html" target="_blank">$open</a></p>
<iframe id="report" hidden title="$report"></iframe>
<script>
const WORDS = $words, TOKEN = $token, HEADER = $header;
const drop = document.getElementById('drop'), pick = document.getElementById('pick');
const message = document.getElementById('message');
drop.addEventListener('dragover', e => { e.preventDefault(); drop.classList.add('over'); });
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', e => { e.preventDefault(); drop.classList.remove('over'); send(e.dataTransfer.files); });
pick.addEventListener('change', () => send(pick.files));
function cell(text, cls) { const td = document.createElement('td'); td.textContent = text; if (cls) td.className = cls; return td; }
let current = null;
function choice(f, count) {
  const td = document.createElement('td'), select = document.createElement('select');
  select.dataset.name = f.name;
  for (let n = 1; n <= count + 1; n++) {
    const option = document.createElement('option'); option.value = n;
    option.textContent = n <= count ? WORDS.numbered.replace('{n}', n) : WORDS.alone;
    if (n === f.disclosure) option.selected = true;
    select.append(option);
  }
  select.disabled = !current || !current.finished; td.append(select); return td;
}
function show(batch) {
  current = batch;
  const body = document.querySelector('#files tbody'); body.replaceChildren();
  const count = Math.max(0, ...batch.files.map(f => f.disclosure || 0));
  for (const f of batch.files) {
    const tr = document.createElement('tr');
    let state = WORDS.checking, cls = 'checking';
    if (f.state === 'error') { state = WORDS.unreadable + f.message; cls = 'error'; }
    else if (f.state === 'done') {
      const counts = WORDS.counts.replace('{errors}', f.errors).replace('{warnings}', f.warnings);
      state = (f.verdict || WORDS.done) + (f.verdict ? counts : '');
      cls = {'passed': 'done', 'review': 'review', 'failed': 'error'}[f.outcome] || 'done';
    }
    tr.append(choice(f, count), cell(f.name), cell(f.agency || ''), cell(state, cls)); body.append(tr);
  }
  document.getElementById('files').hidden = false;
  document.getElementById('grouping').hidden = !batch.finished || batch.files.length < 2;
  if (batch.failure) { message.textContent = batch.failure; }
  if (batch.finished && batch.downloads.length) {
    const base = '/batches/' + batch.id + '/';
    document.getElementById('xlsx').href = base + 'report.xlsx';
    document.getElementById('json').href = base + 'report.json';
    document.getElementById('html').href = base + 'report.html';
    document.getElementById('downloads').hidden = false;
    const frame = document.getElementById('report'); frame.src = base + 'report.html'; frame.hidden = false;
  }
}
async function poll(id) {
  const batch = await (await fetch('/batches/' + id)).json();
  show(batch);
  if (!batch.finished) setTimeout(() => poll(id), 400);
}
document.getElementById('regroup').addEventListener('click', async () => {
  const groups = {};
  for (const s of document.querySelectorAll('#files select')) {  // the last choice: each such file on its own
    const key = +s.value === s.options.length ? 'alone:' + s.dataset.name : s.value;
    (groups[key] = groups[key] || []).push(s.dataset.name);
  }
  const answer = await fetch('/batches/' + current.id + '/groups', { method: 'POST', body: JSON.stringify({ groups: Object.values(groups) }),
    headers: { [HEADER]: TOKEN, 'Content-Type': 'application/json' } });
  const batch = await answer.json();
  if (!answer.ok) { message.textContent = batch.error; return; }
  message.textContent = ''; document.getElementById('downloads').hidden = true; document.getElementById('report').hidden = true;
  show(batch); poll(batch.id);
});
async function send(files) {
  if (!files.length) return;
  message.textContent = ''; document.getElementById('downloads').hidden = true; document.getElementById('report').hidden = true;
  const form = new FormData(); for (const f of files) form.append('files', f, f.name);
  const answer = await fetch('/batches', { method: 'POST', body: form, headers: { [HEADER]: TOKEN } });
  const batch = await answer.json();
  if (!answer.ok) { message.textContent = batch.error; return; }
  show(batch); poll(batch.id);
}
</script></body></html>
"""


def free_port(host: str, port: int, tries: int = 20) -> int:
    """``port``, or the next of ``tries`` ports that nothing listens on yet (a second server, or
    another program on 8000); OSError when all are taken."""
    import socket

    for candidate in range(port, min(port + tries, 65536)):
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            try:
                probe.bind((host, candidate))
            except OSError:
                continue
            return candidate
    raise OSError(f"ports {port}–{port + tries - 1} are all in use")


def serve(rules: RuleSet, host: str, port: int, max_upload: int, browser: bool = False) -> None:
    """Run the server until Ctrl-C, uploads in a temporary folder removed when it stops; with
    ``browser``, the default browser opens the page once the server is up."""
    import tempfile
    import webbrowser

    import uvicorn

    here = Path.cwd()
    # uvicorn stops on SIGTERM as on Ctrl-C and then raises the signal again: exiting through Python
    # (not by the signal's default) removes the uploads, as Ctrl-C does
    signal.signal(signal.SIGTERM, lambda number, frame: sys.exit(128 + number))
    with tempfile.TemporaryDirectory(prefix="budgetlint-serve-") as root:
        print(t("budgetlint: uploads are kept in {folder} until the server stops", folder=root), file=sys.stderr,
              flush=True)
        os.chdir(root)
        if browser:
            shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
            threading.Timer(1.0, webbrowser.open, [f"http://{shown}:{port}"]).start()
        try:
            hosts = () if host in ("0.0.0.0", "::") else tuple(dict.fromkeys((*LOCAL_NAMES, host)))
            uvicorn.run(create_app(rules, Path(root), max_upload, hosts), host=host, port=port, log_level="warning")
        finally:
            os.chdir(here)
