#!/usr/bin/python3
"""HTTP benchmark of CareCoordination at health-plan scale, with wrk. Run through bench/run-scale.sh (which publishes the
app and the data generator first); this script expects them in bench/.work/app and bench/.work/generator.

For each plan size: generate the plan once (bench/.data/plan-<N>.db, seed 42), copy it, start the app on the copy pinned
to CPU 1, measure start-up to ready and the idle working set, sign the bench accounts in, prepare the workloads' data,
warm up, then three repeats of: for each workload, /health/live (A) and the workload (B) back to back with wrk pinned to
CPU 0. Server-side latency comes from the app's request log. Results: bench/results/scale-<stamp>.json, a Markdown table
on stdout, and docs/images/latency-vs-size.png.

Python stdlib + matplotlib only (Debian's /usr/bin/python3). Prints no member names; member ids are fine.
"""

import argparse
import atexit
import datetime as dt
import hashlib
import html
import http.client
import json
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
WRK_DIR = BENCH / "wrk"
WORK = BENCH / ".work"
DATA = BENCH / ".data"
RESULTS = BENCH / "results"
APP_DIR = WORK / "app"
GENERATOR_DIR = WORK / "generator"
APP_DLL = APP_DIR / "CareCoordination.Web.dll"
GENERATOR_DLL = GENERATOR_DIR / "CareCoordination.DataGenerator.dll"
PLOT = ROOT / "docs" / "images" / "latency-vs-size.png"
SEED = 42

SERVER_CPU = "1"
CLIENT_CPU = "0"

# Workloads measured against the /health/live baseline, in order (health itself is reported from the baseline runs).
WORKLOADS = ["queue1", "queue200", "search", "summary", "write", "mixed"]
READ_WORKLOADS = ["queue1", "queue200", "search", "summary"]
WRITING = {"write", "mixed"}
CONNECTIONS = {"health": 32, "queue1": 32, "queue200": 32, "search": 32, "summary": 32, "write": 16, "mixed": 32}

PREFERRED_QUEUE = "priority=Routine&assigned=Unassigned"
# Two filters each; tried in order when the preferred query has too few tasks for 200 pages.
QUEUE_CANDIDATES = [
    PREFERRED_QUEUE,
    "priority=Routine&status=Open",
    "priority=High&status=Open",
    "assigned=Unassigned&status=Open",
    "priority=Routine&overdue=true",
]
QUEUE_PAGE_SIZE = 50
QUEUE_DEPTH = 200


def log(message=""):
    print(message, flush=True)


class BenchError(Exception):
    pass


# ---------------------------------------------------------------------------------------------------------------------
# HTTP with manual cookies (the app marks its cookies Secure; the bench talks plain HTTP to 127.0.0.1).

TOKEN_INPUT = re.compile(r'<input\b[^>]*\bname="__RequestVerificationToken"[^>]*>')
VALUE_ATTR = re.compile(r'\bvalue="([^"]*)"')
START_ON_INPUT = re.compile(r'<input\b[^>]*\bname="Input\.StartOn"[^>]*>')
TASKS_HEADING = re.compile(r'<h2 id="tasks-heading"[^>]*>\s*(\d+)\s+tasks?\s*</h2>')
NEXT_PAGE = re.compile(r'<a class="btn btn-outline-primary btn-sm" href="([^"]*)">Next page</a>')
TITLE = re.compile(r"<title>([^<]*)</title>")


class Client:
    def __init__(self, port):
        self.port = port
        self.cookies = {}

    def cookie_header(self):
        return "; ".join(f"{name}={value}" for name, value in self.cookies.items())

    def request(self, method, path, form=None, timeout=120):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        headers = {}
        if self.cookies:
            headers["Cookie"] = self.cookie_header()
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
            for set_cookie in response.msg.get_all("Set-Cookie") or []:
                self._store(set_cookie)
            return response.status, response.msg, text
        finally:
            connection.close()

    def _store(self, set_cookie):
        parts = [p.strip() for p in set_cookie.split(";")]
        name, _, value = parts[0].partition("=")
        expired = not value
        for attribute in parts[1:]:
            key, _, arg = attribute.partition("=")
            key = key.lower()
            if key == "max-age" and arg.strip().lstrip("-").isdigit() and int(arg) <= 0:
                expired = True
            elif key == "expires":
                try:
                    when = dt.datetime.strptime(arg.strip(), "%a, %d %b %Y %H:%M:%S GMT").replace(tzinfo=dt.timezone.utc)
                    expired = expired or when <= dt.datetime.now(dt.timezone.utc)
                except ValueError:
                    pass
        if expired:
            self.cookies.pop(name, None)
        else:
            self.cookies[name] = value


def form_token(page, what):
    tag = TOKEN_INPUT.search(page)
    value = VALUE_ATTR.search(tag.group(0)) if tag else None
    if not value:
        raise BenchError(f"no __RequestVerificationToken in {what}")
    return html.unescape(value.group(1))


def page_title(page):
    match = TITLE.search(page)
    return html.unescape(match.group(1)) if match else "(no title)"


def sign_in(port, email, password):
    client = Client(port)
    status, _, page = client.request("GET", "/Account/Login")
    if status != 200:
        raise BenchError(f"GET /Account/Login gave {status}")
    token = form_token(page, "the sign-in page")
    status, headers, page = client.request("POST", "/Account/Login", {
        "Input.Email": email, "Input.Password": password, "__RequestVerificationToken": token})
    location = headers.get("Location", "")
    if status != 302 or "/Account/" in location:
        raise BenchError(f"signing in {email} gave {status} (Location {location or '-'}, page '{page_title(page)}')")
    if not any(name.endswith(".Session") for name in client.cookies):
        raise BenchError(f"signing in {email} set no session cookie (cookies: {sorted(client.cookies)})")
    return client


# ---------------------------------------------------------------------------------------------------------------------
# The server.

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, db, log_path, app_settings=()):
        self.db = db
        self.log_path = log_path
        self.app_settings = dict(setting.split("=", 1) for setting in app_settings)
        self.port = free_port()
        self.process = None
        self.spawned_at = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        env = dict(os.environ)
        env.update({
            "ASPNETCORE_ENVIRONMENT": "Production",
            "ConnectionStrings__CareCoordination": f"Data Source={self.db}",
            "SignIn__AdminsMustUseTwoFactor": "false",
            "DOTNET_NOLOGO": "1",
        })
        env.update({key.replace(":", "__"): value for key, value in self.app_settings.items()})
        env.pop("ASPNETCORE_URLS", None)
        self.log_file = open(self.log_path, "wb")
        self.spawned_at = time.monotonic()
        self.process = subprocess.Popen(
            ["taskset", "-c", SERVER_CPU, "dotnet", str(APP_DLL), "--urls", self.url, "--migrate"],
            cwd=APP_DIR, env=env, stdout=self.log_file, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True)
        RUNNING.append(self)

    def wait_ready(self, timeout=600):
        """Seconds from spawn to the first 200 from /health/ready (polled every 20 ms)."""
        deadline = self.spawned_at + timeout
        while time.monotonic() < deadline:
            self.check_alive("starting")
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                connection.request("GET", "/health/ready")
                status = connection.getresponse().status
                connection.close()
                if status == 200:
                    return time.monotonic() - self.spawned_at
            except (OSError, http.client.HTTPException):
                pass
            time.sleep(0.02)
        raise BenchError(f"the app was not ready after {timeout} s")

    def drain(self, applog, limit=60):
        """Waits until the app has finished what the last wrk run left in flight: /health/live answers in under 50 ms
        three times running and no other request has completed for 0.5 s. Returns the seconds waited."""
        started = time.monotonic()
        fast = 0
        while time.monotonic() - started < limit:
            self.check_alive("finishing the last run's requests")
            probe = time.monotonic()
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
                connection.request("GET", "/health/live")
                connection.getresponse().read()
                connection.close()
                fast = fast + 1 if time.monotonic() - probe < 0.05 else 0
            except (OSError, http.client.HTTPException):
                fast = 0
            applog.read()
            if fast >= 3 and time.time() - applog.last_other_request > 0.5:
                return time.monotonic() - started
            time.sleep(0.1)
        log(f"[bench] warning: the app was still busy {limit} s after the run")
        return time.monotonic() - started

    def check_alive(self, when):
        if self.process.poll() is not None:
            raise BenchError(f"the app exited (code {self.process.returncode}) while {when}")

    def rss_mb(self):
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        raise BenchError("no VmRSS in /proc/<pid>/status")

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self in RUNNING:
            RUNNING.remove(self)
        if getattr(self, "log_file", None):
            self.log_file.close()

    def log_tail(self, lines=40):
        try:
            with open(self.log_path, "rb") as f:
                f.seek(0, os.SEEK_END)
                f.seek(max(0, f.tell() - 64 * 1024))
                return "\n".join(f.read().decode("utf-8", "replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"


RUNNING = []


def stop_all():
    for server in list(RUNNING):
        server.stop()


def on_signal(signum, _frame):
    stop_all()
    sys.exit(128 + signum)


# ---------------------------------------------------------------------------------------------------------------------
# The app's request log (Serilog compact JSON, one object per line).

TIMESTAMP = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d)?$")


class AppLog:
    def __init__(self, path):
        self.path = path
        self.offset = 0
        self.requests = []  # (epoch seconds, path, status, elapsed ms)
        self.error_events = []  # (request id, kind, cancelled): kind names the source or page and the exception type
        self.cancelled_requests = set()
        self.server_errors = 0
        self.server_errors_cancelled = 0
        self.last_other_request = 0.0  # when the last request other than /health/live completed
        self._seconds = {}

    def _epoch(self, stamp):
        match = TIMESTAMP.match(stamp)
        if not match:
            return None
        key = (match.group(1), match.group(3) or "Z")
        whole = self._seconds.get(key)
        if whole is None:
            zone = key[1]
            parsed = dt.datetime.fromisoformat(key[0] + ("+00:00" if zone == "Z" else zone))
            whole = self._seconds[key] = parsed.timestamp()
        return whole + float(match.group(2) or 0)

    def read(self):
        with open(self.path, "rb") as f:
            f.seek(self.offset)
            chunk = f.read()
        end = chunk.rfind(b"\n")
        if end < 0:
            return
        self.offset += end + 1
        for line in chunk[:end].split(b"\n"):
            if not line.startswith(b"{"):
                continue
            try:
                event = json.loads(line)
            except ValueError:
                continue
            exception = (event.get("@x") or "").split("\n", 1)[0].split(":", 1)[0].strip()
            # A request abandoned by its client (wrk closing its connections at the end of a run) is cancelled.
            cancelled = exception in ("System.Threading.Tasks.TaskCanceledException", "System.OperationCanceledException")
            request_id = event.get("RequestId")
            if cancelled and request_id:
                self.cancelled_requests.add(request_id)
            if event.get("@l") in ("Error", "Fatal"):
                # Named by where it came from and the exception type only: messages may carry values.
                where = event.get("ActionName") or re.sub(r"\d+", "{id}", event.get("RequestPath") or "") or "-"
                source = event.get("SourceContext", "").replace("Serilog.AspNetCore.RequestLoggingMiddleware", "request")
                what = exception or (event.get("EventId") or {}).get("Name") or "no exception"
                status = f" {event['StatusCode']}" if "StatusCode" in event else ""
                self.error_events.append((request_id, f"{source} {where}{status}: {what}", cancelled))
            status = event.get("StatusCode")
            if status is None or "Elapsed" not in event:
                continue
            if isinstance(status, int) and status >= 500:
                self.server_errors += 1
                self.server_errors_cancelled += cancelled
            at = self._epoch(event.get("@t", ""))
            if at is not None:
                path = event.get("RequestPath")
                self.requests.append((at, path, status, float(event["Elapsed"])))
                if path != "/health/live":
                    self.last_other_request = max(self.last_other_request, at)

    @property
    def errors(self):
        return len(self.error_events)

    @property
    def errors_cancelled(self):
        """Error lines of requests their client abandoned (wrk closing its connections at the end of a run)."""
        return sum(1 for request_id, _, cancelled in self.error_events if cancelled or request_id in self.cancelled_requests)

    @property
    def error_kinds(self):
        kinds = {}
        for request_id, kind, cancelled in self.error_events:
            if cancelled or request_id in self.cancelled_requests:
                kind += " (client gone)"
            kinds[kind] = kinds.get(kind, 0) + 1
        return kinds

    def window(self, start, end, health):
        self.read()
        elapsed, server_errors = [], 0
        for at, path, status, ms in self.requests:
            if start <= at <= end and ((path == "/health/live") == health):
                elapsed.append(ms)
                if isinstance(status, int) and status >= 500:
                    server_errors += 1
        elapsed.sort()
        return {
            "requests": len(elapsed),
            "p50_ms": percentile(elapsed, 50),
            "p95_ms": percentile(elapsed, 95),
            "p99_ms": percentile(elapsed, 99),
            "http_5xx": server_errors,
        }


def percentile(ordered, p):
    if not ordered:
        return None
    rank = max(1, -(-len(ordered) * p // 100))  # nearest rank
    return round(ordered[int(rank) - 1], 3)


# ---------------------------------------------------------------------------------------------------------------------
# Datasets.

def dataset_paths(members):
    db = DATA / f"plan-{members}.db"
    return db, Path(str(db) + ".bench.json")


# What a plan's content depends on: the generator's code and the app's SQLite migrations (the generator creates the schema
# with them). A plan made from other sources is generated again.
GENERATOR_SOURCES = [ROOT / "src" / "CareCoordination.DataGenerator", ROOT / "src" / "CareCoordination.Web" / "Data" / "Migrations" / "Sqlite"]


def generator_fingerprint():
    digest = hashlib.sha256()
    for folder in GENERATOR_SOURCES:
        for path in sorted(folder.rglob("*")):
            relative = path.relative_to(ROOT)
            if not path.is_file() or {"bin", "obj"} & set(relative.parts):
                continue
            digest.update(str(relative).encode() + b"\0" + path.read_bytes() + b"\0")
    return f"seed {SEED}; sources sha256 {digest.hexdigest()}"


def ensure_dataset(members, regenerate):
    db, manifest = dataset_paths(members)
    stamp = Path(str(db) + ".source")
    fingerprint = generator_fingerprint()
    reason = None
    if regenerate:
        reason = "--regenerate"
    elif not db.exists() or not manifest.exists():
        reason = "missing"
    elif not stamp.exists() or stamp.read_text().strip() != fingerprint:
        reason = "the generator or the app's migrations changed since it was made"
    if reason is None:
        log(f"[data] reusing {db.relative_to(ROOT)}")
        return db, manifest
    if not GENERATOR_DLL.exists():
        raise BenchError(f"{GENERATOR_DLL} is missing: run bench/run-scale.sh (it publishes the generator)")
    DATA.mkdir(parents=True, exist_ok=True)
    temporary = DATA / f"plan-{members}.tmp.db"
    log(f"[data] generating {members:,} members, seed {SEED} ({reason}) ...")
    started = time.monotonic()
    generator_log = WORK / f"generate-{members}.log"
    with open(generator_log, "wb") as out:
        code = subprocess.call(["dotnet", str(GENERATOR_DLL), "--database", str(temporary), "--members", str(members),
                                "--seed", str(SEED), "--overwrite"], cwd=GENERATOR_DIR, stdout=out, stderr=subprocess.STDOUT)
    if code != 0:
        raise BenchError(f"the generator failed (exit {code}); see {generator_log}")
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    os.replace(temporary, db)
    os.replace(str(temporary) + ".bench.json", manifest)
    stamp.write_text(fingerprint + "\n")
    log(f"[data] generated in {time.monotonic() - started:.0f} s")
    return db, manifest


def work_copy(db):
    target = WORK / "run.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    for suffix in ("-wal", "-shm"):
        if Path(str(db) + suffix).exists():
            raise BenchError(f"{db}{suffix} exists: the dataset is in use or was not closed cleanly; regenerate it")
    shutil.copyfile(db, target)
    return target


# ---------------------------------------------------------------------------------------------------------------------
# Preparing the workloads.

def lua_literal(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return '"' + "".join(c if c.isascii() and (c.isalnum() or c in " -_./:=&?%,+@!*()[]{}~#$^';|<>") else f"\\{ord(c):03d}"
                             for c in value.encode("utf-8").decode("latin-1")) + '"'
    if isinstance(value, (list, tuple)):
        return "{" + ", ".join(lua_literal(v) for v in value) + "}"
    if isinstance(value, dict):
        return "{" + ", ".join(f"[{lua_literal(k)}] = {lua_literal(v)}" for k, v in value.items()) + "}"
    if value is None:
        return "nil"
    raise TypeError(type(value))


def write_lua(path, value, comment):
    path.write_text(f"-- {comment}\nreturn {lua_literal(value)}\n", encoding="utf-8")


def search_criteria(manifest):
    terms = manifest["search"]["careManager"]
    ids, prefixes, dates = terms["planMemberIds"], terms["namePrefixes"], terms["datesOfBirth"]
    criteria = []
    for i in range(max(len(ids), len(prefixes), len(dates))):
        if i < len(ids):
            criteria.append({"memberId": ids[i]})
        if i < len(prefixes):
            criteria.append({"name": prefixes[i]})
        if i < len(dates):
            criteria.append({"dateOfBirth": dates[i]})
        if i < len(dates) and prefixes:
            criteria.append({"dateOfBirth": dates[i], "name": prefixes[i % len(prefixes)]})
    if not criteria:
        raise BenchError("the manifest has no search terms for the care manager")
    return criteria


def search_form(criteria, token):
    form = {"Search.Name": criteria.get("name", ""), "Search.DateOfBirth": criteria.get("dateOfBirth", ""),
            "Search.MemberId": criteria.get("memberId", "")}
    if "dateOfBirth" in criteria:
        form["__Invariant"] = "Search.DateOfBirth"
    form["__RequestVerificationToken"] = token
    return form


def write_form(drug, start_on, token):
    return {"SubmissionId": str(uuid.uuid4()), "Input.Drug": drug, "Input.Dose": "10", "Input.DoseUnit": "mg",
            "Input.Frequency": "OnceDaily", "Input.StartOn": start_on, "__Invariant": "Input.StartOn",
            "Input.SharingDiscussedWithMember": "false", "__RequestVerificationToken": token}


def queue_count(client, query):
    status, _, page = client.request("GET", f"/Queue?{query}&sort=Priority")
    if status != 200:
        raise BenchError(f"GET /Queue?{query}&sort=Priority gave {status} ('{page_title(page)}')")
    match = TASKS_HEADING.search(page)
    if not match:
        raise BenchError("the queue page has no task count heading")
    return int(match.group(1)), page


def choose_queue(client):
    """The two-filter query for queue1/queue200: the preferred one if it has 200 pages, else the first candidate that
    has; on a plan too small for any to have 200 pages, the preferred one (the same query as on larger plans), paged to
    its last page."""
    needed = (QUEUE_DEPTH - 1) * QUEUE_PAGE_SIZE + 1
    counts = {}
    for query in QUEUE_CANDIDATES:
        counts[query], _ = queue_count(client, query)
        if counts[query] >= needed:
            return query, counts[query], counts
    return PREFERRED_QUEUE, counts[PREFERRED_QUEUE], counts


def walk_queue(client, first_path):
    """Follows "Next page" up to 199 times; returns (path, page number)."""
    path, page_number = first_path, 1
    while page_number < QUEUE_DEPTH:
        status, _, page = client.request("GET", path)
        if status != 200:
            raise BenchError(f"queue page {page_number} gave {status}")
        match = NEXT_PAGE.search(page)
        if not match:
            break
        path = html.unescape(match.group(1))
        page_number += 1
    return path, page_number


def prepare(server, manifest, pool):
    """Signs in, fetches form tokens, chooses the queue query and finds its page 200, and checks each workload's request
    once (one write uses one pair). Returns the data for the wrk scripts and what was chosen."""
    port = server.port
    password = manifest["password"]
    cm = sign_in(port, manifest["accounts"]["careManager"], password)
    bh = sign_in(port, manifest["accounts"]["bhClinician"], password)

    status, _, page = cm.request("GET", "/Members")
    if status != 200:
        raise BenchError(f"GET /Members as the care manager gave {status}")
    cm_token = form_token(page, "GET /Members")

    if not pool:
        raise BenchError("the manifest's prescribing list is empty")
    first_member = pool[0][0]
    status, _, page = bh.request("GET", f"/Members/{first_member}/Prescriptions/New")
    if status != 200:
        raise BenchError(f"GET /Members/{first_member}/Prescriptions/New as the prescriber gave {status} ('{page_title(page)}')")
    bh_token = form_token(page, "the prescription form")
    start_tag = START_ON_INPUT.search(page)
    start_value = VALUE_ATTR.search(start_tag.group(0)) if start_tag else None
    start_on = start_value.group(1) if start_value else dt.date.today().isoformat()

    started = time.monotonic()
    query, tasks, counts = choose_queue(cm)
    queue1_path = f"/Queue?{query}&sort=Priority"
    queue200_path, page_number = walk_queue(cm, queue1_path)
    walk_seconds = time.monotonic() - started
    queue = {"query": query, "tasks": tasks, "candidates": counts, "queue1_path": queue1_path,
             "queue200_path": queue200_path, "deep_page": page_number, "prepare_seconds": round(walk_seconds, 1)}
    note = "" if page_number == QUEUE_DEPTH else f" (only {tasks} tasks: the deepest page is {page_number})"
    log(f"[prepare] queue query: {query}&sort=Priority, {tasks} tasks; queue200 = page {page_number}{note}; "
        f"found in {walk_seconds:.1f} s")

    busy = [m["memberId"] for m in manifest["busyMembers"]]
    searches = search_criteria(manifest)

    # Each request once, as wrk will send it.
    checks = [("queue1", cm, "GET", queue1_path, None, lambda s, h, b: s == 200 and "<title>Coordination queue" in b),
              ("queue200", cm, "GET", queue200_path, None, lambda s, h, b: s == 200 and "<title>Coordination queue" in b)]
    checks += [("summary", cm, "GET", f"/Members/{m}", None, lambda s, h, b: s == 200 and 'id="timeline-heading"' in b)
               for m in busy]
    checks += [("search", cm, "POST", "/Members", search_form(c, cm_token),
                lambda s, h, b: s == 200 and 'id="results-heading"' in b) for c in searches]
    member, drug = pool[0]
    checks.append(("write", bh, "POST", f"/Members/{member}/Prescriptions/New", write_form(drug, start_on, bh_token),
                   lambda s, h, b: s == 302 and re.search(r"/Members/\d+/Events/\d+$", h.get("Location", "")) is not None))
    failures = []
    for name, client, method, path, form, ok in checks:
        status, headers, body = client.request(method, path, form)
        if not ok(status, headers, body):
            failures.append(f"{name}: {method} {path.split('?')[0]} gave {status} "
                            f"(Location {headers.get('Location', '-')}, page '{page_title(body)}')")
    if failures:
        raise BenchError("a workload's request is not what the app expects:\n  " + "\n  ".join(failures))
    log(f"[prepare] checked {len(checks)} requests (queue pages, {len(busy)} summaries, {len(searches)} searches, "
        f"1 write: 302 to /Members/{member}/Events/n)")

    data = {
        "cookies": {"cm": cm.cookie_header(), "bh": bh.cookie_header()},
        "tokens": {"cm": cm_token, "bh": bh_token},
        "queue1_path": queue1_path,
        "queue200_path": queue200_path,
        "busy_members": busy,
        "searches": searches,
        "start_on": start_on,
    }
    return data, queue, cm


# ---------------------------------------------------------------------------------------------------------------------
# wrk.

BENCH_LINE = re.compile(r"^BENCH (\{.*\})\s*$", re.M)


def write_pairs(manifest):
    """Every (member, drug) pair of the manifest's prescribing list, round-robin over the members (each member's first
    drug, then each one's second...), so that concurrent writes go to different members."""
    targets = [(p["memberId"], list(p["drugsNotOnList"])) for p in manifest["prescribing"]]
    pairs = []
    for round_ in range(max((len(drugs) for _, drugs in targets), default=0)):
        pairs += [(member, drugs[round_]) for member, drugs in targets if round_ < len(drugs)]
    return pairs


class WritePool:
    def __init__(self, pairs):
        self.pairs = pairs
        self.offset = 0

    def file_for_run(self):
        remaining = self.pairs[self.offset:]
        if not remaining:
            log("[write] the pool of (member, drug) pairs is used up: writes will be refused and counted as bad")
            remaining = self.pairs[-1:]
        path = WORK / "pairs.lua"
        write_lua(path, [[m, d] for m, d in remaining], "generated by bench/scale.py: (member, drug) pairs not yet started")
        return path

    def take(self, used):
        self.offset = min(len(self.pairs), self.offset + used)


def run_wrk(server, applog, workload, connections, seconds, data_file, pool):
    script = WRK_DIR / f"{workload}.lua"
    env = dict(os.environ)
    env.update({"BENCH_WRK_DIR": str(WRK_DIR), "BENCH_DATA": str(data_file), "BENCH_NAME": workload,
                "BENCH_SEED": str(random.randrange(1, 2 ** 31))})
    if workload in WRITING:
        env["BENCH_PAIRS"] = str(pool.file_for_run())
    command = ["taskset", "-c", CLIENT_CPU, "wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "5s",
               "-s", str(script), server.url]
    started = time.time()
    try:
        completed = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=seconds + 120)
    except subprocess.TimeoutExpired as timeout:
        raise BenchError(f"wrk {workload} did not finish") from timeout
    ended = time.time()
    server.check_alive(f"running {workload}")
    drained = server.drain(applog)
    match = BENCH_LINE.search(completed.stdout)
    if completed.returncode != 0 or not match:
        raise BenchError(f"wrk {workload} failed (exit {completed.returncode}):\n{completed.stdout[-2000:]}\n{completed.stderr[-2000:]}")
    result = json.loads(match.group(1))
    if not result.get("requests"):
        for key in ("p50_ms", "p90_ms", "p95_ms", "p99_ms", "max_ms", "mean_ms"):
            result[key] = None
    if workload in WRITING:
        pool.take(result.get("pairs_used", 0))
    server_side = applog.window(started, ended, health=(workload == "health"))
    return {"workload": workload, "connections": connections, "duration_s": seconds, "start": started, "end": ended,
            "drain_s": round(drained, 2), "wrk": result, "server": server_side}


def describe(run):
    w, s = run["wrk"], run["server"]
    problems = w["bad"] + w["socket_errors"]
    detail = f" ({w['timeouts']} timeouts)" if w["timeouts"] else ""
    detail += f"  bad: {w['bad_samples']}" if w["bad_samples"] else ""
    return (f"{run['workload']:>8} c{run['connections']:<3} {w['rps']:9.1f} req/s  p50 {fmt(w['p50_ms'], 2):>8}  "
            f"p99 {fmt(w['p99_ms'], 2):>8} ms  server p95 {fmt(s['p95_ms'], 1)} ms  bad {problems}{detail}")


# ---------------------------------------------------------------------------------------------------------------------
# One dataset.

def idle_warmup(cm, data):
    for _ in range(3):
        cm.request("GET", data["queue1_path"])
        for member in data["busy_members"][:3]:
            cm.request("GET", f"/Members/{member}")
        cm.request("POST", "/Members", search_form(data["searches"][0], data["tokens"]["cm"]))


def run_dataset(members, settings):
    db, manifest_path = ensure_dataset(members, settings["regenerate"])
    manifest = json.loads(manifest_path.read_text())
    copy = work_copy(db)
    pool = WritePool(write_pairs(manifest))
    log_path = WORK / f"app-{members}.log"
    server = Server(copy, log_path, settings["app_settings"])
    result = {"members": members, "dataset": str(db.relative_to(ROOT)), "app_settings": server.app_settings,
              "manifest": {k: manifest.get(k) for k in ("members", "seed", "asOf", "providers", "queue", "counts")},
              "write_pool": {"pairs": len(pool.pairs)}, "runs": []}
    try:
        server.start()
        startup = server.wait_ready()
        result["startup_to_ready_s"] = round(startup, 3)
        log(f"[{members}] ready in {startup:.2f} s (spawn to first 200 from /health/ready), port {server.port}")
        applog = AppLog(log_path)

        data, queue, cm = prepare(server, manifest, pool.pairs)
        pool.take(1)  # prepare's check started the first pair
        result["queue"] = queue
        data_file = WORK / "data.lua"
        write_lua(data_file, data, "generated by bench/scale.py for one run: session cookies and form tokens, do not commit")

        idle_warmup(cm, data)
        time.sleep(settings["idle_s"])
        result["idle_rss_mb"] = round(server.rss_mb(), 1)
        log(f"[{members}] idle working set {result['idle_rss_mb']:.0f} MB (after sign-in, a short warm-up and "
            f"{settings['idle_s']} s idle)")

        log(f"[{members}] warm-up (not recorded)")
        for workload in ["health"] + WORKLOADS:
            seconds = settings["warmup_write_s"] if workload in ("write", "health") else settings["warmup_s"]
            run = run_wrk(server, applog, workload, CONNECTIONS[workload], seconds, data_file, pool)
            run["phase"] = "warmup"
            result["runs"].append(run)
            log("  " + describe(run))

        for repeat in range(1, settings["repeats"] + 1):
            log(f"[{members}] repeat {repeat}/{settings['repeats']}: /health/live (A), then the workload (B)")
            for workload in WORKLOADS:
                a = run_wrk(server, applog, "health", CONNECTIONS["health"], settings["baseline_s"], data_file, pool)
                b = run_wrk(server, applog, workload, CONNECTIONS[workload], settings["duration_s"], data_file, pool)
                a.update(phase="baseline", repeat=repeat, pair_with=workload)
                b.update(phase="measure", repeat=repeat,
                         ratio_to_health=round(b["wrk"]["rps"] / a["wrk"]["rps"], 4) if a["wrk"]["rps"] else None)
                result["runs"] += [a, b]
                log("  " + describe(a))
                log("  " + describe(b) + f"  ratio {b['ratio_to_health']:.3f}")

        result["rss_after_load_mb"] = round(server.rss_mb(), 1)
        applog.read()
        result["log_error_lines"] = applog.errors
        result["log_error_lines_cancelled"] = applog.errors_cancelled
        result["log_error_kinds"] = applog.error_kinds
        result["log_5xx"] = applog.server_errors
        result["log_5xx_cancelled"] = applog.server_errors_cancelled
        result["write_pool"]["used"] = pool.offset
        log(f"[{members}] working set after load {result['rss_after_load_mb']:.0f} MB; log: {applog.errors} "
            f"error/fatal lines ({applog.errors_cancelled} of requests wrk abandoned when it closed its connections), "
            f"{applog.server_errors} 5xx responses ({applog.server_errors_cancelled} abandoned); "
            f"write pool {pool.offset}/{len(pool.pairs)} pairs used")
        for kind, count in sorted(applog.error_kinds.items(), key=lambda item: -item[1])[:8]:
            log(f"  {count:6} x {kind}")
    except BenchError:
        log(f"\n[{members}] the tail of the app's log ({log_path.relative_to(ROOT)}):\n{server.log_tail()}\n")
        raise
    finally:
        server.stop()
    for suffix in ("", "-wal", "-shm"):  # the copy is spent (its write pool used); kept only when a run fails
        Path(str(copy) + suffix).unlink(missing_ok=True)
    result["summary"] = summarize(result["runs"])
    return result


def median(values):
    values = [v for v in values if v is not None]
    return round(statistics.median(values), 3) if values else None


def summarize(runs):
    summary = {}
    baseline = [r for r in runs if r.get("phase") == "baseline"]
    groups = {"health": baseline}
    for workload in WORKLOADS:
        groups[workload] = [r for r in runs if r.get("phase") == "measure" and r["workload"] == workload]
    for workload, group in groups.items():
        if not group:
            continue
        summary[workload] = {
            "connections": group[0]["connections"],
            "repeats": len(group),
            "rps": median([r["wrk"]["rps"] for r in group]),
            "p50_ms": median([r["wrk"]["p50_ms"] for r in group]),
            "p95_ms": median([r["wrk"]["p95_ms"] for r in group]),
            "p99_ms": median([r["wrk"]["p99_ms"] for r in group]),
            "ratio_to_health": 1.0 if workload == "health" else median([r.get("ratio_to_health") for r in group]),
            "server_p50_ms": median([r["server"]["p50_ms"] for r in group]),
            "server_p95_ms": median([r["server"]["p95_ms"] for r in group]),
            "server_p99_ms": median([r["server"]["p99_ms"] for r in group]),
            "bad": sum(r["wrk"]["bad"] for r in group),
            "socket_errors": sum(r["wrk"]["socket_errors"] for r in group),
            "non_2xx_3xx": sum(r["wrk"]["non_2xx_3xx"] for r in group),
            "problems": sum(r["wrk"]["bad"] + r["wrk"]["socket_errors"] for r in group),
            "timeouts": sum(r["wrk"]["timeouts"] for r in group),
            "server_5xx": sum(r["server"]["http_5xx"] for r in group),
        }
    warmup_problems = sum(r["wrk"]["bad"] + r["wrk"]["socket_errors"] for r in runs if r.get("phase") == "warmup")
    summary["_warmup_problems"] = warmup_problems
    return summary


# ---------------------------------------------------------------------------------------------------------------------
# Reporting.

def command_output(command):
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None


def machine():
    cpu = None
    for line in (command_output(["lscpu"]) or "").splitlines():
        if line.startswith("Model name:"):
            cpu = line.split(":", 1)[1].strip()
    memory = None
    with open("/proc/meminfo") as meminfo:
        for line in meminfo:
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    debian = Path("/etc/debian_version").read_text().strip() if Path("/etc/debian_version").exists() else None
    wrk_version = (subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.splitlines() or [""])[0]
    return {"cpu": cpu, "nproc": os.cpu_count(), "mem_total": memory, "kernel": os.uname().release,
            "debian": debian, "dotnet": command_output(["dotnet", "--version"]), "wrk": wrk_version.strip(),
            "python": sys.version.split()[0], "server_cpu": SERVER_CPU, "client_cpu": CLIENT_CPU}


def fmt(value, digits=1):
    return "-" if value is None else f"{value:,.{digits}f}"


def markdown(results):
    lines = ["| Members | Workload | Conns | req/s | × /health/live | p50 ms | p99 ms | server p95 ms | bad |",
             "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for dataset in results["datasets"]:
        for workload in ["health"] + WORKLOADS:
            s = dataset["summary"].get(workload)
            if not s:
                continue
            label = workload
            if workload == "queue200" and dataset["queue"]["deep_page"] != QUEUE_DEPTH:
                label = f"queue200 (page {dataset['queue']['deep_page']})"
            bad = f"{s['problems']} ({s['timeouts']} timeouts)" if s["timeouts"] else str(s["problems"])
            lines.append(f"| {dataset['members']:,} | {label} | {s['connections']} | {fmt(s['rps'])} | "
                         f"{fmt(s['ratio_to_health'], 3)} | {fmt(s['p50_ms'], 2)} | {fmt(s['p99_ms'], 2)} | "
                         f"{fmt(s['server_p95_ms'], 1)} | {bad} |")
    lines.append("")
    lines.append("| Members | Start-up to ready s | Idle working set MB | After load MB | Error log lines | 5xx in log "
                 "(cancelled by the client) | Queue query (tasks) | Write pairs used |")
    lines.append("| ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |")
    for d in results["datasets"]:
        lines.append(f"| {d['members']:,} | {fmt(d['startup_to_ready_s'], 2)} | {fmt(d['idle_rss_mb'], 0)} | "
                     f"{fmt(d['rss_after_load_mb'], 0)} | {d['log_error_lines']} | {d['log_5xx']} ({d['log_5xx_cancelled']}) | "
                     f"`{d['queue']['query']}` ({d['queue']['tasks']:,}) | {d['write_pool']['used']:,} of {d['write_pool']['pairs']:,} |")
    lines.append("")
    lines.append("req/s, × /health/live (rps ÷ rps of the /health/live run just before), p50 and p99 (wrk) and server p95 "
                 "(the app's request log) are medians over the repeats; bad sums over the repeats the responses that were "
                 "not the expected page or redirect (every non-2xx/3xx among them) and socket errors.")
    ratios = full_vs_tenth(results)
    if ratios:
        lines.append("")
        small, large = ratios["members"]
        lines.append(f"p50 at {large:,} members ÷ p50 at {small:,} (full vs 10%):")
        for workload, ratio in ratios["p50_ratio"].items():
            lines.append(f"- {workload}: {fmt(ratio, 2)}×")
        if ratios.get("queue_queries_differ"):
            lines.append("- note: the queue query differs between the two sizes (see the table above)")
    return "\n".join(lines)


def full_vs_tenth(results):
    by_size = {d["members"]: d for d in results["datasets"]}
    if not by_size:
        return None
    large = max(by_size)
    small = large // 10
    if small not in by_size or small == large:
        return None
    ratios = {}
    for workload in READ_WORKLOADS:
        a = by_size[small]["summary"].get(workload, {}).get("p50_ms")
        b = by_size[large]["summary"].get(workload, {}).get("p50_ms")
        ratios[workload] = round(b / a, 3) if a and b else None
    return {"members": [small, large], "p50_ratio": ratios,
            "queue_queries_differ": by_size[small]["queue"]["query"] != by_size[large]["queue"]["query"]}


def plot(results, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    datasets = sorted(results["datasets"], key=lambda d: d["members"])
    sizes = [d["members"] for d in datasets]
    figure, axis = plt.subplots(figsize=(10, 5.8), dpi=120)
    colors = plt.get_cmap("tab10")
    handles = []
    for i, workload in enumerate(["health"] + WORKLOADS):
        p50 = [d["summary"].get(workload, {}).get("p50_ms") for d in datasets]
        p99 = [d["summary"].get(workload, {}).get("p99_ms") for d in datasets]
        if all(v is None for v in p50 + p99):
            continue
        p50 = [float("nan") if v is None else v for v in p50]
        p99 = [float("nan") if v is None else v for v in p99]
        axis.plot(sizes, p50, marker="o", color=colors(i))
        axis.plot(sizes, p99, marker="^", linestyle="--", color=colors(i), alpha=0.75)
        label = {"health": "/health/live", "queue200": "queue page 200"}.get(workload, workload)
        handles.append(Line2D([], [], color=colors(i), linewidth=6, label=f"{label} ({CONNECTIONS[workload]} conns)"))
    handles.append(Line2D([], [], color="black", marker="o", label="p50 (solid)"))
    handles.append(Line2D([], [], color="black", marker="^", linestyle="--", label="p99 (dashed)"))
    axis.set_xscale("log")
    axis.set_yscale("log")
    axis.set_xticks(sizes)
    axis.set_xticklabels([f"{s:,}" for s in sizes])
    axis.minorticks_off()
    if len(sizes) == 1:
        axis.set_xlim(sizes[0] / 3, sizes[0] * 3)
    axis.set_xlabel("Plan size, members (log scale)")
    axis.set_ylabel("Latency measured by wrk, ms (log scale)")
    settings = results["settings"]
    quick = " (quick run)" if settings["quick"] else ""
    axis.set_title(f"CareCoordination: request latency vs plan size{quick}\n"
                   f"wrk closed loop, median of {settings['repeats']} × {settings['duration_s']} s; app on 1 core, "
                   f"SQLite; {results['started'][:10]}", fontsize=11)
    axis.grid(True, which="both", alpha=0.3)
    axis.legend(handles=handles, fontsize=9, loc="upper left", bbox_to_anchor=(1.01, 1.0), title="Workload")
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path)
    plt.close(figure)


# ---------------------------------------------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000", help="plan sizes in members, comma-separated (default 10000,100000)")
    parser.add_argument("--app-setting", action="append", default=[], metavar="KEY=VALUE",
                        help="app configuration for the run, e.g. Database:SqliteSynchronous=Normal (repeatable)")
    parser.add_argument("--quick", action="store_true", help="development: 10,000 members, 3 s runs, 1 repeat")
    parser.add_argument("--regenerate", action="store_true", help="generate the plans again even if present")
    parser.add_argument("--repeats", type=int, help="repeats of each A/B pair (default 3)")
    parser.add_argument("--duration", type=int, help="seconds per measured workload run (default 10)")
    parser.add_argument("--baseline", type=int, help="seconds per /health/live baseline run (default 3)")
    parser.add_argument("--warmup", type=int, help="seconds of unrecorded warm-up per workload (default 5; writes and /health/live 2)")
    parser.add_argument("--plot", help=f"where to write the plot (default {PLOT.relative_to(ROOT)}; "
                                       "quick runs: bench/.work/latency-vs-size-quick.png)")
    args = parser.parse_args()

    settings = {
        "quick": args.quick,
        "sizes": [10000] if args.quick else [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()],
        "repeats": args.repeats or (1 if args.quick else 3),
        "duration_s": args.duration or (3 if args.quick else 10),
        "baseline_s": args.baseline or (2 if args.quick else 3),
        "warmup_s": args.warmup or (2 if args.quick else 5),
        "warmup_write_s": min(args.warmup or 2, 1 if args.quick else 2),
        "idle_s": 5,
        "regenerate": args.regenerate,
        "app_settings": args.app_setting,
        "connections": CONNECTIONS,
        "wrk": "taskset -c 0 wrk -t1 -c<conns> -d<s> --timeout 5s; app: taskset -c 1, Production, SQLite",
    }
    plot_path = Path(args.plot) if args.plot else (WORK / "latency-vs-size-quick.png" if args.quick else PLOT)
    for tool in ("wrk", "taskset", "dotnet"):
        if shutil.which(tool) is None:
            raise BenchError(f"{tool} is not installed (bench/run-scale.sh installs the prerequisites)")
    if not APP_DLL.exists():
        raise BenchError(f"{APP_DLL} is missing: run bench/run-scale.sh (it publishes the app)")

    WORK.mkdir(parents=True, exist_ok=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    atexit.register(stop_all)
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)

    started = dt.datetime.now()
    results = {"started": started.isoformat(timespec="seconds"), "settings": settings, "machine": machine(),
               "datasets": []}
    log(f"[bench] {results['machine']['cpu']}, {results['machine']['nproc']} cores, {results['machine']['mem_total']}; "
        f"sizes {settings['sizes']}, {settings['repeats']} × {settings['duration_s']} s per workload")
    out = RESULTS / f"scale-{started:%Y%m%d-%H%M}{'-quick' if args.quick else ''}.json"
    for members in settings["sizes"]:
        results["datasets"].append(run_dataset(members, settings))
        results["finished"] = dt.datetime.now().isoformat(timespec="seconds")
        results["full_vs_tenth"] = full_vs_tenth(results)
        out.write_text(json.dumps(results, indent=1))

    results["wall_seconds"] = round((dt.datetime.now() - started).total_seconds())
    out.write_text(json.dumps(results, indent=1))
    plot(results, plot_path)
    log("")
    log(markdown(results))
    log("")
    log(f"[bench] results: {out.relative_to(ROOT)}; plot: {plot_path.resolve().relative_to(ROOT) if plot_path.resolve().is_relative_to(ROOT) else plot_path}; "
        f"{results['wall_seconds']} s in all")
    problems = sum(d["summary"][w]["problems"] for d in results["datasets"] for w in d["summary"] if not w.startswith("_"))
    if problems:
        log(f"[bench] WARNING: {problems} unexpected responses or socket errors (see 'bad' and the JSON's bad_samples)")
        return 2
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchError as error:
        stop_all()
        print(f"[bench] FAILED: {error}", file=sys.stderr, flush=True)
        sys.exit(1)
