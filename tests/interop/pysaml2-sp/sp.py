#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""A minimal web application around Debian's pysaml2 (python3-pysaml2), as a pysaml2 deployment is:
the wrapper only moves bytes between HTTP and pysaml2's Saml2Client, keeps the outstanding
AuthnRequest ids per browser (as djangosaml2 does) and keeps sessions. Every SAML check is pysaml2's.

    sp.py --config DIR/sp-config.json

Endpoints (all on the configured base URL):
  GET  /login[?RelayState=...]  302 to the IdP with an HTTP-Redirect AuthnRequest; the request id is
                                remembered for this browser (cookie pysaml2_rq)
  POST /acs                     HTTP-POST ACS (GET /acs: 405 REJECT, as djangosaml2's ACS view). Accept: 200 {"result":"ACCEPT", ...session} with cookie
                                pysaml2_session (or 303 to a local RelayState path). Reject: 403
                                {"result":"REJECT","error":"<exception class>: <message>"}
  GET  /me                      200 the session as JSON, or 401 {"result":"NO_SESSION"}
  GET  /metadata                the SP's metadata (signing and encryption KeyDescriptors)
  GET  /health                  200 "ok"
"""

import argparse
import json
import logging
import secrets
import sys
import threading
import traceback
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import saml2
from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT
from saml2.client import Saml2Client
from saml2.config import SPConfig
from saml2.metadata import create_metadata_string

SESSION_COOKIE = "pysaml2_session"
REQUEST_COOKIE = "pysaml2_rq"
log = logging.getLogger("pysaml2-sp")


def shortened(text, limit):
    return text if len(text) <= limit else text[:limit] + "\u2026"


class RequestLog(logging.Handler):
    """pysaml2's own WARNING/ERROR log lines of the request this thread is handling: pysaml2 often
    says why only in its log (e.g. a wrong Destination makes it return no assertion)."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.local = threading.local()

    def start(self):
        self.local.lines = []

    def lines(self):
        return list(getattr(self.local, "lines", None) or [])

    def emit(self, record):
        lines = getattr(self.local, "lines", None)
        if lines is not None and record.name.startswith("saml2"):
            lines.append(record.getMessage().split("\n")[0][:500])


REQUEST_LOG = RequestLog()


class State:
    def __init__(self, settings):
        self.settings = settings
        self.lock = threading.Lock()
        self.outstanding = {}  # browser cookie -> {request id: relay state}
        self.sessions = {}     # session cookie -> session JSON
        config = SPConfig()
        config.load(settings["pysaml2"])
        self.client = Saml2Client(config=config)
        self.metadata = create_metadata_string(None, config=config)
        self.idp_entity_id = settings["idp_entity_id"]


def cookies(header):
    jar = {}
    for part in (header or "").split(";"):
        if "=" in part:
            name, value = part.split("=", 1)
            jar[name.strip()] = value.strip()
    return jar


def attributes_of(assertion):
    out = {}
    for statement in assertion.attribute_statement or []:
        for attribute in statement.attribute or []:
            values = out.setdefault(attribute.name, [])
            for value in attribute.attribute_value or []:
                values.append(value.text if value.text is not None else "")
    return out


class Handler(BaseHTTPRequestHandler):
    server_version = "pysaml2-sp/" + getattr(saml2, "__version__", "?")
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        log.info("%s %s", self.address_string(), fmt % args)

    @property
    def state(self):
        return self.server.state

    def send(self, status, body, content_type="application/json", headers=()):
        data = body if isinstance(body, bytes) else (
            json.dumps(body, ensure_ascii=False).encode() if content_type == "application/json" else body.encode())
        self.send_response(status)
        self.send_header("Content-Type", content_type + ("; charset=utf-8" if "xml" not in content_type else ""))
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(url.query)
        try:
            if url.path == "/health":
                return self.send(200, "ok", "text/plain")
            if url.path == "/metadata":
                return self.send(200, self.state.metadata, "application/samlmetadata+xml")
            if url.path == "/login":
                return self.login(query.get("RelayState", [""])[0])
            if url.path == "/me":
                return self.me()
            if url.path == "/":
                return self.send(200, {"sp": "pysaml2", "login": "/login", "session": "/me"})
            if url.path == "/acs":
                # As djangosaml2's AssertionConsumerServiceView: the ACS is HTTP-POST only (the SP
                # metadata says so), so a Response sent over HTTP-Redirect never reaches pysaml2.
                log.error("REJECT MethodNotAllowed: GET at the ACS, which takes HTTP-POST only")
                return self.send(405, {"result": "REJECT",
                                       "error": "MethodNotAllowed: GET at the ACS, which takes HTTP-POST only"},
                                 headers=[("Allow", "POST")])
            return self.send(404, {"error": "not found"})
        except Exception as e:  # noqa: BLE001 - report, never crash the server
            log.error("GET %s failed: %s", self.path, traceback.format_exc())
            return self.send(500, {"result": "ERROR", "error": f"{type(e).__name__}: {e}"})

    def do_POST(self):
        url = urllib.parse.urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        if url.path != "/acs":
            return self.send(404, {"error": "not found"})
        form = urllib.parse.parse_qs(body, keep_blank_values=True)
        return self.acs(form)

    def login(self, relay_state):
        browser = cookies(self.headers.get("Cookie")).get(REQUEST_COOKIE) or secrets.token_urlsafe(24)
        request_id, info = self.state.client.prepare_for_authenticate(
            entityid=self.state.idp_entity_id, relay_state=relay_state, binding=BINDING_HTTP_REDIRECT)
        with self.state.lock:
            self.state.outstanding.setdefault(browser, {})[request_id] = relay_state
        location = dict(info["headers"])["Location"]
        log.info("AuthnRequest %s for browser %s", request_id, browser[:8])
        self.send(302, {"redirect": location}, headers=[
            ("Location", location), ("Set-Cookie", f"{REQUEST_COOKIE}={browser}; Path=/; HttpOnly")])

    def reject(self, error):
        # pysaml2's messages may quote the whole document: a bounded answer keeps the JSON whole
        # where a client keeps only the start of a body (the runner's report keeps 4096 bytes).
        error = shortened(error, 600)
        log.error("REJECT %s", error)
        self.send(403, {"result": "REJECT", "error": error,
                        "pysaml2_log": [shortened(line, 300) for line in REQUEST_LOG.lines()[-4:]]})

    def acs(self, form):
        responses = form.get("SAMLResponse", [])
        if len(responses) != 1:
            return self.reject(f"MissingSAMLResponse: expected one SAMLResponse field, got {len(responses)}")
        relay_state = (form.get("RelayState") or [""])[0]
        browser = cookies(self.headers.get("Cookie")).get(REQUEST_COOKIE)
        with self.state.lock:
            outstanding = dict(self.state.outstanding.get(browser, {})) if browser else {}
        REQUEST_LOG.start()
        try:
            response = self.state.client.parse_authn_request_response(
                responses[0], BINDING_HTTP_POST, outstanding=outstanding)
        except Exception as e:  # noqa: BLE001 - every pysaml2 failure is a rejection with its own words
            log.debug("%s", traceback.format_exc())
            return self.reject(f"{type(e).__name__}: {e}")
        said = "; ".join(REQUEST_LOG.lines()[-2:])
        if response is None:
            return self.reject("NoResponse: parse_authn_request_response returned None"
                               + (f" (pysaml2 logged: {said})" if said else ""))
        assertion = response.assertion
        if assertion is None:
            return self.reject("NoAssertion: pysaml2 returned a Response without an accepted assertion"
                               + (f" (pysaml2 logged: {said})" if said else ""))
        in_response_to = response.in_response_to
        if browser and in_response_to:
            with self.state.lock:
                self.state.outstanding.get(browser, {}).pop(in_response_to, None)
        name_id = assertion.subject.name_id if assertion.subject is not None else None
        attributes = attributes_of(assertion)
        email = (attributes.get("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress") or [None])[0]
        session = {
            "result": "ACCEPT",
            "sp": "pysaml2",
            "name_id": name_id.text if name_id is not None else None,
            "name_id_format": name_id.format if name_id is not None else None,
            "issuer": assertion.issuer.text if assertion.issuer is not None else None,
            "email": email,
            "in_response_to": in_response_to,
            "assertion_id": assertion.id,
            "session_index": (assertion.authn_statement[0].session_index if assertion.authn_statement else None),
            "relay_state": relay_state,
            "attributes": attributes,
            "ava": response.ava,
        }
        cookie = secrets.token_urlsafe(24)
        with self.state.lock:
            self.state.sessions[cookie] = session
        log.info("ACCEPT name_id=%s assertion=%s in_response_to=%s", session["name_id"], assertion.id, in_response_to)
        set_cookie = ("Set-Cookie", f"{SESSION_COOKIE}={cookie}; Path=/; HttpOnly")
        if relay_state.startswith("/") and not relay_state.startswith("//"):
            return self.send(303, session, headers=[("Location", relay_state), set_cookie])
        return self.send(200, session, headers=[set_cookie])

    def me(self):
        cookie = cookies(self.headers.get("Cookie")).get(SESSION_COOKIE)
        with self.state.lock:
            session = self.state.sessions.get(cookie) if cookie else None
        if session is None:
            return self.send(401, {"result": "NO_SESSION"})
        return self.send(200, session)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", required=True)
    args = parser.parse_args()
    with open(args.config) as f:
        settings = json.load(f)
    # The thread names each request's lines (ThreadingHTTPServer: one new thread per request), so a
    # line of pysaml2's (the xmlsec1 command that decrypted an assertion) can be told apart from
    # another request's.
    logging.basicConfig(filename=settings["log_file"], level=logging.DEBUG,
                        format="%(asctime)s %(levelname)s [%(threadName)s] %(name)s: %(message)s")
    logging.getLogger().addHandler(REQUEST_LOG)
    try:
        state = State(settings)
    except Exception:  # noqa: BLE001
        log.error("configuration failed: %s", traceback.format_exc())
        print(traceback.format_exc(), file=sys.stderr)
        sys.exit(2)
    server = ThreadingHTTPServer((settings["host"], settings["port"]), Handler)
    server.daemon_threads = True
    server.state = state
    log.info("pysaml2 %s SP %s listening on %s:%s", getattr(saml2, "__version__", "?"),
             settings["pysaml2"]["entityid"], settings["host"], settings["port"])
    server.serve_forever()


if __name__ == "__main__":
    main()
