# SPDX-License-Identifier: Apache-2.0
"""What the three interop SPs' start/stop scripts share (tests/interop/README.md).

    start --port PORT --idp-metadata FILE --workdir DIR [--idp-config FILE] [--timeout S]

A start script generates the SP's key pair in DIR, renders the SP's configuration into DIR (trusting
the IdP metadata FILE), starts the SP's processes in the background (each leading its own process
group, output in DIR/logs), waits until the SP serves its metadata with this start's certificate,
and writes DIR/pids and DIR/target.json (the runner's target file for it). It prints only
`ready http://127.0.0.1:PORT`.
"""

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
INTEROP = os.path.join(ROOT, "tests", "interop")
DEFAULT_IDP_CONFIG = os.path.join(ROOT, "idp_sim", "config", "default.json")
HOST = "127.0.0.1"

MD = "urn:oasis:names:tc:SAML:2.0:metadata"
DS = "http://www.w3.org/2000/09/xmldsig#"
REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"


class StartError(Exception):
    pass


class NotInstalled(StartError):
    """The SP's Debian packages are missing: start exits with EXIT_NOT_INSTALLED and names them."""


EXIT_NOT_INSTALLED = 3


PROG = os.path.basename(sys.argv[0])


def fail(message, code=1):
    print(f"{PROG}: {message}", file=sys.stderr)
    sys.exit(code)


def parse_start_args(impl):
    global PROG
    PROG = f"tests/interop/{impl}/start"
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=f"Start the {impl} interop SP on 127.0.0.1:PORT, state in DIR.")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--idp-metadata", required=True,
                        help="idp_sim app federation metadata (the SP trusts the certificates in it)")
    parser.add_argument("--workdir", required=True, help="all runtime state goes here (created if missing)")
    parser.add_argument("--idp-config", default=DEFAULT_IDP_CONFIG,
                        help="the idp_sim configuration DIR/target.json names (idp.config): the tenant the runner "
                             "plays and the metadata came from; default idp_sim/config/default.json")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for the SP to answer")
    args = parser.parse_args()
    if not 1 <= args.port <= 65535:
        fail(f"--port {args.port}: not a TCP port")
    args.workdir = os.path.abspath(args.workdir)
    args.idp_metadata = os.path.abspath(args.idp_metadata)
    args.idp_config = os.path.abspath(args.idp_config)
    for name in ("idp_metadata", "idp_config"):
        if not os.path.isfile(getattr(args, name)):
            fail(f"--{name.replace('_', '-')} {getattr(args, name)}: no such file")
    os.makedirs(args.workdir, exist_ok=True)
    os.makedirs(os.path.join(args.workdir, "logs"), exist_ok=True)
    if os.path.exists(os.path.join(args.workdir, "pids")):
        fail(f"{args.workdir}/pids exists: stop that SP first (stop --workdir {args.workdir}) or use a fresh DIR")
    args.base_url = f"http://{HOST}:{args.port}"
    check_port_free(args.port)
    return args


def check_port_free(port):
    """Fail early when something already listens on 127.0.0.1:PORT (it would answer our readiness probe)."""
    import socket
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((HOST, port))
        except OSError as e:
            fail(f"127.0.0.1:{port} is not free ({e.strerror})")


def normalized(data):
    return re.sub(rb"\s+", b"", data if isinstance(data, bytes) else data.encode())


def serves_certificate(crt):
    """A readiness test: the SP's metadata answers 200 and carries this start's own certificate, so the
    answer comes from the instance just started, not from something else on the port."""
    body = cert_body(crt).encode()
    return lambda status, data: status == 200 and body in normalized(data)


def read_idp_metadata(path):
    """The IdP's entity ID, SSO URLs per binding and signing certificates (base64 DER) from its metadata."""
    with open(path, "rb") as f:
        data = f.read()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        root = ET.fromstring(data)
    except ET.ParseError as e:
        raise StartError(f"{path}: not XML: {e}")
    if root.tag != f"{{{MD}}}EntityDescriptor":
        raise StartError(f"{path}: not an md:EntityDescriptor")
    idp = root.find(f"{{{MD}}}IDPSSODescriptor")
    if idp is None:
        raise StartError(f"{path}: no IDPSSODescriptor")
    sso = {}
    for service in idp.findall(f"{{{MD}}}SingleSignOnService"):
        sso.setdefault(service.get("Binding"), service.get("Location"))
    slo = {}
    for service in idp.findall(f"{{{MD}}}SingleLogoutService"):
        slo.setdefault(service.get("Binding"), service.get("Location"))
    certs = []
    for kd in idp.findall(f"{{{MD}}}KeyDescriptor"):
        if kd.get("use") in (None, "signing"):
            for cert in kd.iter(f"{{{DS}}}X509Certificate"):
                certs.append(re.sub(r"\s+", "", cert.text or ""))
    return {"entity_id": root.get("entityID"), "sso": sso, "slo": slo, "certificates": certs, "bytes": data}


def write_clean_metadata(src, dest):
    """A copy of the IdP metadata without the UTF-8 BOM (the original is kept beside it)."""
    with open(src, "rb") as f:
        data = f.read()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    with open(dest, "wb") as f:
        f.write(data)
    return dest


def make_key_pair(workdir, common_name, stem="sp"):
    """An RSA-2048 self-signed key pair for the SP: DIR/<stem>.key, DIR/<stem>.crt."""
    key = os.path.join(workdir, f"{stem}.key")
    crt = os.path.join(workdir, f"{stem}.crt")
    run(["openssl", "req", "-quiet", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "3650",
         "-subj", f"/CN={common_name}", "-keyout", key, "-out", crt], "openssl req")
    os.chmod(key, 0o600)
    return key, crt


def cert_body(crt):
    """The base64 body of a PEM certificate, one line."""
    with open(crt) as f:
        text = f.read()
    m = re.search(r"-----BEGIN CERTIFICATE-----(.*?)-----END CERTIFICATE-----", text, re.S)
    return re.sub(r"\s+", "", m.group(1))


def run(argv, what, **kwargs):
    try:
        done = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              **kwargs)
    except FileNotFoundError:
        raise NotInstalled(f"{what}: {argv[0]} is not installed")
    if done.returncode != 0:
        raise StartError(f"{what} failed (exit {done.returncode}): {done.stdout.decode(errors='replace').strip()}")
    return done.stdout.decode(errors="replace")


def render(template_path, dest, values):
    """Copy a template replacing @@NAME@@ with values[NAME]; every placeholder must be known."""
    with open(template_path) as f:
        text = f.read()

    def sub(m):
        name = m.group(1)
        if name not in values:
            raise StartError(f"{template_path}: unknown placeholder @@{name}@@")
        return str(values[name])

    text = re.sub(r"@@([A-Z0-9_]+)@@", sub, text)
    with open(dest, "w") as f:
        f.write(text)
    return dest


class Processes:
    """The processes a start script started; written to DIR/pids as they start."""

    def __init__(self, workdir):
        self.workdir = workdir
        self.pids = []

    def add(self, pid):
        self.pids.append(int(pid))
        with open(os.path.join(self.workdir, "pids"), "w") as f:
            f.write("".join(f"{p}\n" for p in self.pids))

    def spawn(self, argv, log_name, env=None, cwd=None):
        log = open(os.path.join(self.workdir, "logs", log_name), "ab")
        try:
            proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                    env=env, cwd=cwd, start_new_session=True)
        except FileNotFoundError:
            raise NotInstalled(f"{argv[0]} is not installed")
        self.add(proc.pid)
        return proc

    def kill_all(self):
        kill_pids(self.pids)


def _stat(pid):
    """(state, process group) of a process, or None when it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(") ", 1)[1].split()
        return fields[0], int(fields[2])
    except (OSError, IndexError, ValueError):
        return None


def group_members(pgid):
    """The live (not zombie) processes of process group `pgid`."""
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            stat = _stat(int(entry))
            if stat and stat[1] == pgid and stat[0] != "Z":
                out.append(int(entry))
    return out


def pid_alive(pid):
    """A started process counts as alive while it or anything in its process group lives: every
    process a start script spawns leads its own group, so its workers (php -S, Apache) are in it."""
    return bool(group_members(pid)) or (_stat(pid) is not None and _stat(pid)[0] != "Z")


def _signal(pid, sig):
    try:
        if _stat(pid) is not None and _stat(pid)[1] == pid or group_members(pid):
            os.killpg(pid, sig)
        else:
            os.kill(pid, sig)
    except (ProcessLookupError, PermissionError):
        pass


def kill_pids(pids, grace=10.0):
    """TERM each listed process and its process group, then KILL what is left after `grace` seconds."""
    for pid in pids:
        _signal(pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline and any(pid_alive(p) for p in pids):
        for pid in pids:
            try:
                os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                pass
        time.sleep(0.1)
    for pid in pids:
        if pid_alive(pid):
            _signal(pid, signal.SIGKILL)


def stop_main(argv=None):
    parser = argparse.ArgumentParser(description="Stop the interop SP whose processes are listed in DIR/pids.")
    parser.add_argument("--workdir", required=True)
    args = parser.parse_args(argv)
    pids_file = os.path.join(os.path.abspath(args.workdir), "pids")
    if not os.path.exists(pids_file):
        fail(f"{pids_file}: no such file (nothing started there)")
    with open(pids_file) as f:
        pids = [int(line) for line in f if line.strip()]
    # The last started first (Apache before shibd).
    kill_pids(list(reversed(pids)))
    left = [p for p in pids if pid_alive(p)]
    if left:
        fail(f"still running: {' '.join(map(str, left))}")
    os.remove(pids_file)


def http_get(url, timeout=5.0):
    """(status, body) for a GET without following redirects, or None when nothing answers."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *a, **k):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(url, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()
    except (urllib.error.URLError, ConnectionError, OSError):
        return None


def wait_http(url, procs, timeout, ok=lambda status, body: status == 200, logs=()):
    """Wait until url answers as ok() says, while every started process lives."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        for proc in procs:
            if proc.poll() is not None:
                raise StartError(f"{proc.args[0]} exited with {proc.returncode} before {url} answered"
                                 + log_tail(logs))
        last = http_get(url, timeout=3.0)
        if last is not None and ok(*last):
            time.sleep(0.2)
            for proc in procs:
                if proc.poll() is not None:
                    raise StartError(f"{proc.args[0]} exited with {proc.returncode} right after {url} answered"
                                     + log_tail(logs))
            return last
        time.sleep(0.2)
    got = "no answer" if last is None else f"HTTP {last[0]}: {last[1][:300].decode(errors='replace')}"
    raise StartError(f"{url} did not answer as expected within {timeout:.0f} s ({got})" + log_tail(logs))


def log_tail(paths, lines=15):
    out = ""
    for path in paths:
        if os.path.exists(path):
            with open(path, errors="replace") as f:
                tail = f.readlines()[-lines:]
            if tail:
                out += f"\n--- {path} (last {len(tail)} lines) ---\n" + "".join(tail)
    return out


def write_target(args, impl, description, entity_id, acs_url, login_url, metadata_url, signals, policy,
                 reason_pattern=None):
    """DIR/target.json, the runner's target file for this SP (scenarios/README.md, "Target files").

    The runner registers the SP as an app of the tenant in `--idp-config` (entity ID, ACS, login URL)
    and reads its encryption certificate from `metadata_url`, so the token-encryption scenarios encrypt
    to the key this SP holds. The SP imported the IdP metadata, so it trusts every certificate there
    (idp_metadata_trust). `policy` states the SP's real settings where the scenarios depend on them.
    """
    target = {
        "name": impl,
        "description": description,
        "entity_id": entity_id,
        "acs_url": acs_url,
        "login_url": login_url,
        "metadata_url": metadata_url,
        "idp": {"config": args.idp_config},
        "capabilities": ["idp_metadata_trust"],
        "signals": signals,
        "policy": policy,
    }
    if reason_pattern:
        target["reason_pattern"] = reason_pattern
    path = os.path.join(args.workdir, "target.json")
    with open(path, "w") as f:
        json.dump(target, f, indent=2, ensure_ascii=False)
        f.write("\n")
    return path


def main_guard(impl, body):
    """Run a start script's body; on failure stop what it started and exit 1 with the message."""
    args = parse_start_args(impl)
    procs = Processes(args.workdir)
    try:
        body(args, procs)
    except StartError as e:
        procs.kill_all()
        try:
            os.remove(os.path.join(args.workdir, "pids"))
        except FileNotFoundError:
            pass
        fail(str(e), EXIT_NOT_INSTALLED if isinstance(e, NotInstalled) else 1)
    except BaseException:
        procs.kill_all()
        try:
            os.remove(os.path.join(args.workdir, "pids"))
        except FileNotFoundError:
            pass
        raise
    print(f"ready {args.base_url}", flush=True)
