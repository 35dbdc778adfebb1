#!/usr/bin/python3
"""HTTP benchmark of CareCoordination at health-plan scale, with wrk. Run through bench/run-scale.sh (which publishes the
app and the data generator first); this script expects them in bench/.work/app and bench/.work/generator.

For each plan size: generate the plan once (bench/.data/plan-<N>.db, seed 42), copy it, start the app on the copy pinned
to CPU 1, measure start-up to ready and the idle working set, sign the bench accounts in, prepare the workloads' data,
warm up, then three repeats of: for each workload, /health/live (A) and the workload (B) back to back with wrk pinned to
CPU 0. Server-side latency comes from the app's request log. Then the reports phase: each report page requested one at a
time with the default filters and with 366 days ending today, and each CSV export read through (see run_reports).
Results: bench/results/scale-<stamp>.json, Markdown tables on stdout, and docs/images/latency-vs-size.png.
--only wrk or --only reports runs one of the two phases (--only reports: no wrk, no write, no plot).

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

PHASES = ["wrk", "reports"]

# The report pages, each requested one at a time; the target is 1 s each. (name, path, <title> text, id of the page's last
# heading with numbers: rendered only when the filters held and the numbers were computed, how the dates apply: "range"
# (From and To choose the rows), "as of" (To only) or "none" (the queue now)).
REPORT_LIMIT_MS = 1000
REPORT_MAX_DAYS = 366  # ReportFilter.MaxDays
REPORT_PAGES = [
    ("dashboard", "/Reports", "Coordination dashboard", "ages-heading", "range"),
    ("exchange", "/Reports/Exchange", "Exchange of information", "exchange-heading", "range"),
    ("starts", "/Reports/PsychotropicStarts", "Psychotropic starts communicated to the PCP", "late-heading", "range"),
    ("consent", "/Reports/Consent", "Consent gaps", "blocked-heading", "range"),
    ("monitoring", "/Reports/Monitoring", "Medication monitoring", "metabolic-heading", "as of"),
    ("workload", "/Reports/Workload", "Care manager workload", "workload-heading", "none"),
]
# The CSV exports (page handlers; member lists in full): (report, handler, whether the dates choose its rows, first field
# of its header row).
REPORT_EXPORTS = [
    ("exchange", "Export", True, "rule"),
    ("starts", "Export", True, "member_id"),
    ("consent", "ExportSud", False, "member_id"),
    ("consent", "ExportBlocked", True, "member_id"),
    ("monitoring", "ExportLevels", False, "member_id"),
    ("monitoring", "ExportMetabolic", False, "member_id"),
    ("workload", "Export", False, "assignee"),
]
# --sql: EF Core's executed commands in the app's log, for the slowest query of each report.
SQL_LOGGING = "Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore.Database.Command=Information"


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

    def download(self, path, timeout=600):
        """GETs path and reads the body through to nowhere: (status, headers, bytes, line feeds, first line)."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.request("GET", path, headers={"Cookie": self.cookie_header()} if self.cookies else {})
            response = connection.getresponse()
            size, lines, head = 0, 0, b""
            while chunk := response.read(64 * 1024):
                size += len(chunk)
                lines += chunk.count(b"\n")
                if b"\n" not in head:
                    head += chunk[:4096]
            return response.status, response.msg, size, lines, head.split(b"\n", 1)[0].decode("utf-8", "replace").rstrip("\r")
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

    def start(self, append=False):
        env = dict(os.environ)
        env.update({
            "ASPNETCORE_ENVIRONMENT": "Production",
            "ConnectionStrings__CareCoordination": f"Data Source={self.db}",
            "SignIn__AdminsMustUseTwoFactor": "false",
            # A throwaway benchmark database: its data-protection keys need no certificate (docs/performance.md).
            "DataProtection__AllowUnprotectedKeys": "true",
            "DOTNET_NOLOGO": "1",
        })
        env.update({key.replace(":", "__"): value for key, value in self.app_settings.items()})
        env.pop("ASPNETCORE_URLS", None)
        self.log_file = open(self.log_path, "ab" if append else "wb")
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

    def restart(self):
        """Stops the app (killed after 5 s: a request may be stuck in a long SQLite statement) and starts it again on the
        same database, port and log (appended to)."""
        self.stop(wait=5)
        self.start(append=True)
        return self.wait_ready()

    def stop(self, wait=30):
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=wait)
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
        self.requests = []  # (epoch seconds, path, status, elapsed ms, request id)
        self.keep_commands = False  # set by the reports phase with --sql
        self.commands = []  # (request id, elapsed ms, SQL): EF Core's executed commands, while keep_commands
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
            if "commandText" in event and "elapsed" in event:
                if self.keep_commands:
                    self.commands.append((request_id, int(re.sub(r"\D", "", str(event["elapsed"])) or 0), event["commandText"]))
                continue
            status = event.get("StatusCode")
            if status is None or "Elapsed" not in event:
                continue
            if isinstance(status, int) and status >= 500:
                self.server_errors += 1
                self.server_errors_cancelled += cancelled
            at = self._epoch(event.get("@t", ""))
            if at is not None:
                path = event.get("RequestPath")
                self.requests.append((at, path, status, float(event["Elapsed"]), request_id))
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
        for at, path, status, ms, _ in self.requests:
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


    def request(self, path, start, end, slack=0.5):
        """The logged request to path (no query string) that the client sent at start and had answered by end (epoch
        seconds), as (status, elapsed ms, request id); None if there is none. For requests sent one at a time: the first
        to complete after start (the one before completed before it; the next one, after it)."""
        found = None
        for at, logged, status, ms, request_id in reversed(self.requests):  # the log is in completion order
            if at < start - 10:
                break
            if logged == path and start <= at <= end + slack and (found is None or at < found[0]):
                found = (at, status, ms, request_id)
        return found[1:] if found else None


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
# Reports, one request at a time.

FILTER_DATE_INPUT = re.compile(r'<input\b[^>]*\bname="Filter\.(From|To)"[^>]*>')


def filter_dates(page):
    """The dates a report's filter form shows, once the app has filled in the defaults: {"From": ..., "To": ...}."""
    dates = {}
    for tag in FILTER_DATE_INPUT.finditer(page):
        value = VALUE_ATTR.search(tag.group(0))
        if value and value.group(1):
            dates[tag.group(1)] = value.group(1)
    return dates


def plan_zone(manifest):
    from zoneinfo import ZoneInfo
    return ZoneInfo(manifest.get("planTimeZone") or "America/Los_Angeles")


def report_ranges(manifest):
    """The app's today (the real clock in the plan's time zone) and the two date ranges: the default (the 13 weeks, Monday
    to Sunday, up to today) and the widest (366 days up to today). The dashboard's first answer confirms the default."""
    today = dt.datetime.now(plan_zone(manifest)).date()
    monday = today - dt.timedelta(days=today.weekday())
    return today, {"default": (monday - dt.timedelta(weeks=12), today),
                   f"{REPORT_MAX_DAYS} days": (today - dt.timedelta(days=REPORT_MAX_DAYS - 1), today)}


def with_query(path, *parts):
    query = "&".join(part for part in parts if part)
    return f"{path}?{query}" if query else path


def report_targets(ranges, names):
    """What the phase requests: each page named with each date range, and each of its CSV exports likewise; a range other
    than the default only where the dates choose the rows (so not for monitoring, as of To, or workload, the queue now)."""
    queries = {label: "" if label == "default" else f"Filter.From={first}&Filter.To={last}"
               for label, (first, last) in ranges.items()}
    pages = {name: (path, title, marker, dates) for name, path, title, marker, dates in REPORT_PAGES if name in names}
    targets = []
    for name, (path, title, marker, dates) in pages.items():
        for label, query in queries.items():
            if query and dates != "range":
                continue
            targets.append({"kind": "page", "report": name, "filters": label, "path": path,
                            "url": with_query(path, query), "title": title, "marker": marker})
    first, last = ranges["default"]
    for target in targets:
        if target["report"] == "dashboard" and target["filters"] == "default":
            target["expect_dates"] = {"From": str(first), "To": str(last)}
    for name, handler, dated, first_field in REPORT_EXPORTS:
        if name not in pages:
            continue
        for label, query in queries.items():
            if query and not dated:
                continue
            targets.append({"kind": "csv", "report": f"{name} {handler}", "filters": label, "path": pages[name][0],
                            "url": with_query(pages[name][0], f"handler={handler}", query), "first_field": first_field})
    return targets


def check_report_page(target, status, page):
    title, marker = target["title"], target["marker"]
    if status != 200 or f"<title>{html.escape(title)} ·" not in page or f'id="{marker}"' not in page:
        shown = "with" if f'id="{marker}"' in page else "without"
        raise BenchError(f"report {target['report']}: GET {target['url']} gave {status} (page '{page_title(page)}', "
                         f"{shown} #{marker})")
    expected = target.get("expect_dates")
    if expected and filter_dates(page) != expected:
        raise BenchError(f"report {target['report']}: the app's default dates are {filter_dates(page)}, the bench's "
                         f"{expected} (the plan's time zone or today differ)")


def check_export(target, status, headers, first_line):
    content_type = headers.get("Content-Type", "")
    if status != 200 or not content_type.startswith("text/csv") or not first_line.startswith("\ufeff" + target["first_field"] + ","):
        raise BenchError(f"CSV {target['report']}: GET {target['url']} gave {status} ({content_type or 'no content type'}, "
                         f"first line starting '{first_line[:24]}')")


def time_target(cm, target, timeout):
    """One request, checked; the client's wall time from sending to the last byte read."""
    started, clock = time.time(), time.perf_counter()
    if target["kind"] == "page":
        status, _, page = cm.request("GET", target["url"], timeout=timeout)
        size, lines = len(page.encode("utf-8")), None
        client_ms = (time.perf_counter() - clock) * 1000
        check_report_page(target, status, page)
    else:
        status, headers, size, lines, first_line = cm.download(target["url"], timeout=timeout)
        client_ms = (time.perf_counter() - clock) * 1000
        check_export(target, status, headers, first_line)
    sample = {"start": started, "end": time.time(), "client_ms": round(client_ms, 2), "bytes": size}
    if lines is not None:
        sample["rows"] = max(0, lines - 1)  # less the header row
    return sample


class ReportRun:
    """The reports phase's app and session. A request with no answer in the timeout leaves its target out from then on;
    the app goes on with it (SQLite does not stop a running statement when the client goes), so it is restarted if it
    has not given the request up within a grace period, and the care manager signs in again."""

    def __init__(self, server, applog, manifest, timeout, grace=15):
        self.server, self.applog, self.manifest = server, applog, manifest
        self.timeout, self.grace = timeout, grace
        self.restarts = 0
        self.restarted = False
        self.cm = self.sign_in()

    def sign_in(self):
        return sign_in(self.server.port, self.manifest["accounts"]["careManager"], self.manifest["password"])

    def time(self, target):
        """One request to target (see time_target), or None when it timed out."""
        self.restarted = False
        started = time.time()
        try:
            return time_target(self.cm, target, self.timeout)
        except TimeoutError:
            target["timed_out"] = True
            log(f"  {target['report']:>24} {target['filters']:>9}  no answer in {self.timeout} s: left out from now on")
            self.recover(target, started)
            return None
        except (OSError, http.client.HTTPException) as error:
            self.server.check_alive(f"answering {target['url']}")
            raise BenchError(f"{target['report']}: GET {target['url']} failed: {error}") from error

    def recover(self, target, started):
        deadline = time.monotonic() + self.grace
        while time.monotonic() < deadline:
            self.server.check_alive(f"finishing the abandoned {target['url']}")
            self.applog.read()
            logged = self.applog.request(target["path"], started, time.time())
            if logged:
                target["abandoned_server_ms"] = round(logged[1], 2)
                return
            time.sleep(0.5)
        log(f"  the app was still on it {self.grace} s later: restarting it")
        self.server.restart()
        self.restarts += 1
        self.restarted = True
        self.cm = self.sign_in()


def attach_server_times(applog, target, samples):
    """Each sample's time as the app logged it (request log), and its request id (for its SQL commands)."""
    for sample in samples:
        logged = applog.request(target["path"], sample["start"], sample["end"])
        sample["server_ms"] = round(logged[1], 2) if logged else None
        sample["request_id"] = logged[2] if logged else None
        if logged and logged[0] != 200:
            raise BenchError(f"{target['report']}: the app logged {logged[0]} for {target['url']}")


def slowest_commands(applog, samples, top=3):
    """The target's slowest distinct SQL commands over its samples (--sql), slowest first."""
    ids = {s["request_id"] for s in samples if s.get("request_id")}
    by_text = {}
    for request_id, ms, text in applog.commands:
        if request_id in ids:
            by_text.setdefault(text, []).append(ms)
    ranked = sorted(by_text.items(), key=lambda item: -max(item[1]))[:top]
    return [{"max_ms": max(times), "median_ms": median(times), "executions": len(times), "sql": text[:4000]}
            for text, times in ranked]


def summarize_target(target, first, samples, applog, timeout):
    client = [s["client_ms"] for s in samples]
    server = [s["server_ms"] for s in samples if s["server_ms"] is not None]
    summary = {key: target[key] for key in ("kind", "report", "filters", "url")}
    summary.update({
        "requests": len(samples),
        "client_median_ms": median(client), "client_max_ms": max(client) if client else None,
        "server_median_ms": median(server), "server_max_ms": max(server) if server else None,
        "timed_out": bool(target.get("timed_out")),
        "within_limit": bool(client) and not target.get("timed_out") and max(client) <= REPORT_LIMIT_MS,
        "first_client_ms": first["client_ms"] if first else None, "first_server_ms": first["server_ms"] if first else None,
        "bytes": samples[-1]["bytes"] if samples else None, "rows": samples[-1].get("rows") if samples else None,
        "samples": [{k: s.get(k) for k in ("client_ms", "server_ms", "bytes", "rows") if s.get(k) is not None} for s in samples],
    })
    if target.get("timed_out"):
        summary["timeout_s"] = timeout
        summary["abandoned_server_ms"] = target.get("abandoned_server_ms")
    if applog.keep_commands:
        summary["sql_ms_median"] = median([sum(ms for rid, ms, _ in applog.commands if rid == s["request_id"]) for s in samples])
        summary["slowest_sql"] = slowest_commands(applog, ([first] if first else []) + samples)
    return summary


def describe_report(summary):
    if summary["timed_out"] and not summary["requests"]:
        return f"{summary['report']:>24} {summary['filters']:>9}  timed out (> {summary['timeout_s']} s)  OVER"
    verdict = "ok" if summary["within_limit"] else f"OVER {REPORT_LIMIT_MS / 1000:g} s"
    size = f"  {summary['bytes'] / 1e6:.2f} MB, {summary['rows']:,} rows" if summary["rows"] is not None else ""
    return (f"{summary['report']:>24} {summary['filters']:>9}  server {fmt(summary['server_median_ms'])} / "
            f"{fmt(summary['server_max_ms'])}  client {fmt(summary['client_median_ms'])} / {fmt(summary['client_max_ms'])} ms "
            f"(median / max of {summary['requests']}; first {fmt(summary['first_client_ms'])}){size}  {verdict}")


def rows_in_ranges(db, zone, ranges):
    """How much generated data each date range holds: events, tasks created and messages sent between the start of its
    first plan day and the start of the day after its last (stored as UTC text), and the newest of each. Read from the
    dataset itself (immutable, so the app's copy is not touched)."""
    import sqlite3

    def utc(day):
        return dt.datetime.combine(day, dt.time(), zone).astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S")

    bounds = {label: (utc(first), utc(last + dt.timedelta(days=1))) for label, (first, last) in ranges.items()}
    counts = {label: {} for label in ranges}
    newest = {}
    connection = sqlite3.connect(f"file:{db}?immutable=1", uri=True)
    try:
        for table, column, key in (("CoordinationEvents", "OccurredAt", "events"), ("CoordinationTasks", "CreatedAt", "tasks"),
                                   ("InboxMessages", "SentAt", "messages")):
            sums = ", ".join(f"sum({column} >= ? and {column} < ?)" for _ in bounds)
            row = connection.execute(f"select max({column}), {sums} from {table}",
                                     [v for pair in bounds.values() for v in pair]).fetchone()
            newest[key] = row[0]
            for label, count in zip(bounds, row[1:]):
                counts[label][key] = count or 0
    finally:
        connection.close()
    return counts, newest


def data_vs_clock(db, manifest, today, ranges):
    """The plan is generated as of the day it was made (its data ends the day before); the app dates the reports by the
    real clock. Says how far apart the two are and how much data each range holds."""
    as_of = dt.date.fromisoformat(manifest["asOf"]) if manifest.get("asOf") else None
    counts, newest = rows_in_ranges(db, plan_zone(manifest), ranges)
    lag = (today - as_of).days if as_of else None
    for label, (first, last) in ranges.items():
        c = counts[label]
        log(f"[reports] {label}: {first} to {last}: {c['events']:,} events, {c['tasks']:,} tasks created, "
            f"{c['messages']:,} messages sent in the generated plan")
    log(f"[reports] today (the real clock, plan time zone) is {today}; the plan was generated as of {as_of} "
        f"(newest event {newest['events']} UTC)")
    if lag:
        log(f"[reports] warning: the plan's data ends {lag} days before today, so the default 13 weeks hold less of it "
            f"than on the day it was generated: regenerate (--regenerate) for figures comparable with a fresh plan")
    return {"today": str(today), "plan_as_of": str(as_of) if as_of else None, "days_since_generated": lag,
            "newest_utc": newest, "ranges": {label: [str(first), str(last)] for label, (first, last) in ranges.items()},
            "rows_in_range": counts}


def run_reports(server, applog, db, manifest, settings):
    """Signs the care manager in (who also sees the member lists), warms every page and CSV up with one unrecorded request
    (its time kept as "first"), then requests each page settings["report_repeats"] times and each CSV
    settings["csv_repeats"] times, one request at a time, round-robin. Every response is checked: a page must show its
    title and its last heading with numbers, a CSV its header row. Server time comes from the app's request log."""
    log(f"[{manifest['members']}] reports: {settings['report_repeats']} × each page, {settings['csv_repeats']} × each CSV, "
        f"one request at a time, {settings['report_timeout']} s timeout")
    today, ranges = report_ranges(manifest)
    result = {"repeats": settings["report_repeats"], "csv_repeats": settings["csv_repeats"], "limit_ms": REPORT_LIMIT_MS,
              "timeout_s": settings["report_timeout"]}
    result.update(data_vs_clock(db, manifest, today, ranges))
    targets = report_targets(ranges, settings["reports"])
    applog.read()
    applog.keep_commands = settings["sql"]
    run = ReportRun(server, applog, manifest, settings["report_timeout"])

    first = {}
    for i, target in enumerate(targets):
        first[i] = run.time(target)
        if run.restarted:
            warm_again(run, targets, first)
    samples = {i: [] for i in range(len(targets))}
    for kind, repeats in (("page", settings["report_repeats"]), ("csv", settings["csv_repeats"])):
        for _ in range(repeats):
            for i, target in enumerate(targets):
                if target["kind"] == kind and not target.get("timed_out"):
                    sample = run.time(target)
                    if sample:
                        samples[i].append(sample)
                    elif run.restarted:
                        warm_again(run, targets, first)
    time.sleep(0.2)  # the last request's log line
    applog.read()
    result["restarts"] = run.restarts
    result["targets"] = []
    for i, target in enumerate(targets):
        attach_server_times(applog, target, ([first[i]] if first[i] else []) + samples[i])
        result["targets"].append(summarize_target(target, first[i], samples[i], applog, settings["report_timeout"]))
        log("  " + describe_report(result["targets"][-1]))
    applog.keep_commands = False
    if settings["sql"]:
        log_slowest_sql(result["targets"])
    missing = sum(1 for i in samples for s in samples[i] if s["server_ms"] is None)
    if missing:
        log(f"[reports] warning: {missing} requests not found in the app's request log (server time missing)")
    applog.commands.clear()
    return result


def warm_again(run, targets, first):
    """After a restart: one unrecorded request again to each target already warmed up (and not timed out)."""
    for i in list(first):
        if first[i] and not targets[i].get("timed_out"):
            run.time(targets[i])


def log_slowest_sql(summaries):
    for summary in summaries:
        if summary.get("slowest_sql"):
            slowest = summary["slowest_sql"][0]
            text = " ".join(slowest["sql"].split())
            log(f"  sql {summary['report']} {summary['filters']}: {fmt(summary['sql_ms_median'], 0)} ms in SQL (median); "
                f"slowest {slowest['max_ms']} ms: {text[:240]}{' ...' if len(text) > 240 else ''}")


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
              "phases": settings["phases"],
              "manifest": {k: manifest.get(k) for k in ("members", "seed", "asOf", "providers", "queue", "counts")},
              "write_pool": {"pairs": len(pool.pairs)}, "runs": []}
    try:
        server.start()
        startup = server.wait_ready()
        result["startup_to_ready_s"] = round(startup, 3)
        log(f"[{members}] ready in {startup:.2f} s (spawn to first 200 from /health/ready), port {server.port}")
        applog = AppLog(log_path)
        if "wrk" in settings["phases"]:
            run_workloads(server, applog, manifest, pool, settings, result)
        if "reports" in settings["phases"]:
            result["reports"] = run_reports(server, applog, db, manifest, settings)
            result["rss_after_reports_mb"] = round(server.rss_mb(), 1)
        applog.read()
        result["log_error_lines"] = applog.errors
        result["log_error_lines_cancelled"] = applog.errors_cancelled
        result["log_error_kinds"] = applog.error_kinds
        result["log_5xx"] = applog.server_errors
        result["log_5xx_cancelled"] = applog.server_errors_cancelled
        result["write_pool"]["used"] = pool.offset
        log(f"[{members}] log: {applog.errors} error/fatal lines ({applog.errors_cancelled} of requests their client "
            f"abandoned: wrk closing its connections, a report timed out), {applog.server_errors} 5xx responses "
            f"({applog.server_errors_cancelled} abandoned); write pool {pool.offset}/{len(pool.pairs)} pairs used")
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


def run_workloads(server, applog, manifest, pool, settings, result):
    """The wrk phase: prepares the workloads, measures the idle working set, warms up, then the repeats of A/B pairs."""
    members = manifest["members"]
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
    log(f"[{members}] working set after load {result['rss_after_load_mb']:.0f} MB")


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
    sections = []
    if any(d["runs"] for d in results["datasets"]):
        sections.append(markdown_wrk(results))
    if any(d.get("reports") for d in results["datasets"]):
        sections.append(markdown_reports(results))
    return "\n\n".join(sections)


def markdown_wrk(results):
    datasets = [d for d in results["datasets"] if d["runs"]]
    lines = ["| Members | Workload | Conns | req/s | × /health/live | p50 ms | p99 ms | server p95 ms | bad |",
             "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for dataset in datasets:
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
    for d in datasets:
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


def verdict(summary):
    if summary["within_limit"]:
        return "yes"
    if summary["timed_out"]:
        return f"**no** (timed out, > {summary['timeout_s']} s)"
    return "median only" if summary["client_median_ms"] <= REPORT_LIMIT_MS else "**no**"


def markdown_reports(results):
    datasets = [d for d in results["datasets"] if d.get("reports")]
    limit = f"{REPORT_LIMIT_MS / 1000:g} s"
    lines = ["Reports (sequential, one at a time)", "",
             f"| Members | Report | Filters | Server median ms | Server max ms | Client median ms | Client max ms | "
             f"First request ms | ≤ {limit} |",
             "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | --- |"]
    for d in datasets:
        for t in (t for t in d["reports"]["targets"] if t["kind"] == "page"):
            lines.append(f"| {d['members']:,} | {t['report']} | {t['filters']} | {fmt(t['server_median_ms'])} | "
                         f"{fmt(t['server_max_ms'])} | {fmt(t['client_median_ms'])} | {fmt(t['client_max_ms'])} | "
                         f"{fmt(t['first_client_ms'])} | {verdict(t)} |")
    lines += ["", f"| Members | CSV (handler) | Filters | Runs | Server median ms | Client median ms | Client max ms | MB | "
                  f"Rows | ≤ {limit} |",
              "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    for d in datasets:
        for t in (t for t in d["reports"]["targets"] if t["kind"] == "csv"):
            lines.append(f"| {d['members']:,} | {t['report']} | {t['filters']} | {t['requests']} | "
                         f"{fmt(t['server_median_ms'])} | {fmt(t['client_median_ms'])} | {fmt(t['client_max_ms'])} | "
                         f"{fmt(t['bytes'] and t['bytes'] / 1e6, 2)} | {fmt(t['rows'], 0)} | {verdict(t)} |")
    first = datasets[0]["reports"]
    lines.append("")
    lines.append(f"Each page {first['repeats']} times and each CSV {first['csv_repeats']} times as the care manager "
                 f"(who also sees the member lists), one request at a time, round-robin, after one unrecorded request "
                 f"each (its client time: first request). Server: the app's request log; client: from sending the "
                 f"request to the last byte read. ≤ {limit}: yes when the slowest (client) was; filters: the defaults "
                 f"(13 weeks up to today) or {REPORT_MAX_DAYS} days up to today, the latter only where the dates choose "
                 f"the rows. A request with no answer in {first['timeout_s']} s is left out from then on (timed out; "
                 f"the app is restarted if it does not give it up).")
    for d in datasets:
        r = d["reports"]
        c = r["rows_in_range"]
        lag = f", {r['days_since_generated']} days before today" if r["days_since_generated"] else ""
        restarts = f"; the app restarted {r['restarts']} times after requests it went on with" if r["restarts"] else ""
        lines.append(f"- {d['members']:,} members{restarts}: today {r['today']}, plan generated as of {r['plan_as_of']}{lag}; "
                     + "; ".join(f"{label} ({first_day} to {last_day}): {c[label]['events']:,} events, "
                                 f"{c[label]['tasks']:,} tasks, {c[label]['messages']:,} messages"
                                 for label, (first_day, last_day) in r["ranges"].items()))
    return "\n".join(lines)


def full_vs_tenth(results):
    by_size = {d["members"]: d for d in results["datasets"] if d.get("queue")}
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
    # Latency against size needs two sizes; a one-size run must not overwrite the docs' plot.
    if sum(1 for d in results["datasets"] if d["runs"]) < 2:
        return False
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
    return True


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
    parser.add_argument("--only", choices=PHASES, help="run one phase only: wrk (the workloads) or reports (each report "
                                                        "page and CSV, one request at a time; no plot)")
    parser.add_argument("--report-repeats", type=int, help="requests of each report page and filter set (default 5; quick 3)")
    parser.add_argument("--csv-repeats", type=int, help="requests of each CSV export and filter set (default 2; quick 1)")
    parser.add_argument("--reports", default=",".join(name for name, *_ in REPORT_PAGES),
                        help="the report pages (and their CSVs) the reports phase requests, comma-separated (default all: "
                             "%(default)s)")
    parser.add_argument("--report-timeout", type=int,
                        help="seconds a report page or CSV may take before it is left out as timed out (default 60; quick 20)")
    parser.add_argument("--sql", action="store_true", help="log the app's SQL (EF Core commands, Information) and report "
                                                           "each report's slowest; slows the app, so use with --only reports")
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
        "phases": [args.only] if args.only else PHASES,
        "report_repeats": args.report_repeats or (3 if args.quick else 5),
        "csv_repeats": args.csv_repeats or (1 if args.quick else 2),
        "report_timeout": args.report_timeout or (20 if args.quick else 60),
        "reports": [name.strip() for name in args.reports.split(",") if name.strip()],
        "sql": args.sql,
        "app_settings": args.app_setting + ([SQL_LOGGING] if args.sql else []),
        "connections": CONNECTIONS,
        "wrk": "taskset -c 0 wrk -t1 -c<conns> -d<s> --timeout 5s; app: taskset -c 1, Production, SQLite",
    }
    plot_path = Path(args.plot) if args.plot else (WORK / "latency-vs-size-quick.png" if args.quick else PLOT)
    for tool in ("wrk", "taskset", "dotnet"):
        if shutil.which(tool) is None:
            raise BenchError(f"{tool} is not installed (bench/run-scale.sh installs the prerequisites)")
    if not APP_DLL.exists():
        raise BenchError(f"{APP_DLL} is missing: run bench/run-scale.sh (it publishes the app)")
    unknown = set(settings["reports"]) - {name for name, *_ in REPORT_PAGES}
    if unknown or not settings["reports"]:
        raise BenchError(f"--reports: unknown report {', '.join(sorted(unknown)) or '(none given)'}; the reports are "
                         f"{', '.join(name for name, *_ in REPORT_PAGES)}")

    WORK.mkdir(parents=True, exist_ok=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    atexit.register(stop_all)
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)

    started = dt.datetime.now()
    results = {"started": started.isoformat(timespec="seconds"), "settings": settings, "machine": machine(),
               "datasets": []}
    wrk = f", {settings['repeats']} × {settings['duration_s']} s per workload" if "wrk" in settings["phases"] else ""
    log(f"[bench] {results['machine']['cpu']}, {results['machine']['nproc']} cores, {results['machine']['mem_total']}; "
        f"sizes {settings['sizes']}; phases {', '.join(settings['phases'])}{wrk}")
    suffix = ("-quick" if args.quick else "") + (f"-{args.only}" if args.only else "")
    out = RESULTS / f"scale-{started:%Y%m%d-%H%M}{suffix}.json"
    for members in settings["sizes"]:
        results["datasets"].append(run_dataset(members, settings))
        results["finished"] = dt.datetime.now().isoformat(timespec="seconds")
        results["full_vs_tenth"] = full_vs_tenth(results)
        out.write_text(json.dumps(results, indent=1))

    results["wall_seconds"] = round((dt.datetime.now() - started).total_seconds())
    out.write_text(json.dumps(results, indent=1))
    plotted = plot(results, plot_path)
    log("")
    log(markdown(results))
    log("")
    shown = plot_path.resolve().relative_to(ROOT) if plot_path.resolve().is_relative_to(ROOT) else plot_path
    log(f"[bench] results: {out.relative_to(ROOT)}; plot: {shown if plotted else 'none (it needs wrk runs on two plan sizes)'}; "
        f"{results['wall_seconds']} s in all")
    problems = sum(d["summary"][w]["problems"] for d in results["datasets"] for w in d["summary"] if not w.startswith("_"))
    if problems:
        log(f"[bench] WARNING: {problems} unexpected responses or socket errors (see 'bad' and the JSON's bad_samples)")
        return 2
    slow = [f"{d['members']:,} {t['report']} ({t['filters']})" for d in results["datasets"]
            for t in (d.get("reports") or {}).get("targets", []) if t["kind"] == "page" and not t["within_limit"]]
    if slow:
        log(f"[bench] reports over {REPORT_LIMIT_MS / 1000:g} s: {', '.join(slow)}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchError as error:
        stop_all()
        print(f"[bench] FAILED: {error}", file=sys.stderr, flush=True)
        sys.exit(1)
