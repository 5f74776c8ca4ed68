"""A local fake of GOV.UK Notify's HTTP API, for the real client to talk to over loopback.

It implements what Pathfinder uses: POST /v2/notifications/email, POST /v2/notifications/sms and
GET /v2/notifications/<id>. It checks the JWT the client sends (HS256, signed with the API key's secret, issued
by the service id) the way Notify does, answers in Notify's JSON shapes, and keeps what it was sent.
A phone number starting "07700900000" is refused as Notify refuses a bad number (400 BadRequestError).
"""

from __future__ import annotations

import json
import threading
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jwt

SERVICE_ID = "26785a09-ab16-4eb0-8407-a37497a57506"
SECRET = "3d844edf-8d35-48ac-975b-e847b4f122b0"
API_KEY = f"pathfinder_test-{SERVICE_ID}-{SECRET}"
BAD_NUMBER = "07700900000"


@dataclass
class FakeNotify:
    url: str = ""
    sent: list[dict] = field(default_factory=list)
    statuses: dict[str, str] = field(default_factory=dict)  # notification id -> status GET returns
    tokens: list[dict] = field(default_factory=list)


def _handler(state: FakeNotify) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # keep the test output quiet
            pass

        def _reply(self, code: int, body: dict) -> None:
            data = json.dumps(body).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _error(self, code: int, error: str, message: str) -> None:
            self._reply(code, {"status_code": code, "errors": [{"error": error, "message": message}]})

        def _authorised(self) -> bool:
            header = self.headers.get("Authorization", "")
            if not header.startswith("Bearer "):
                self._error(401, "AuthError", "Unauthorized: authentication token must be provided")
                return False
            try:
                claims = jwt.decode(header[len("Bearer "):], SECRET, algorithms=["HS256"],
                                    options={"require": ["iss", "iat"]})
            except jwt.PyJWTError as error:
                self._error(403, "AuthError", f"Invalid token: {error}")
                return False
            if claims["iss"] != SERVICE_ID:
                self._error(403, "AuthError", "Invalid token: service not found")
                return False
            state.tokens.append(claims)
            return True

        def do_POST(self) -> None:  # noqa: N802 (the standard library's name)
            if not self._authorised():
                return
            payload = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))) or b"{}")
            kind = self.path.rsplit("/", 1)[-1]
            if kind not in ("email", "sms") or not payload.get("template_id"):
                self._error(400, "ValidationError", "template_id is a required property")
                return
            if kind == "sms" and str(payload.get("phone_number", "")).replace(" ", "").startswith(BAD_NUMBER):
                self._error(400, "BadRequestError", "Not a UK mobile number")
                return
            notification_id = str(uuid.uuid4())
            state.sent.append({"id": notification_id, "type": kind, **payload})
            state.statuses.setdefault(notification_id, "sending")
            personalisation = payload.get("personalisation", {})
            content = {"body": personalisation.get("body", ""), "from_number": "Pathfinder"} if kind == "sms" else {
                "body": personalisation.get("body", ""), "subject": personalisation.get("subject", ""),
                "from_email": "pathfinder@notifications.service.gov.uk"}
            self._reply(201, {
                "id": notification_id, "reference": payload.get("reference"), "content": content,
                "uri": f"{state.url}/v2/notifications/{notification_id}",
                "template": {"id": payload["template_id"], "version": 1, "uri": f"{state.url}/templates"},
            })

        def do_GET(self) -> None:  # noqa: N802
            if not self._authorised():
                return
            notification_id = self.path.rsplit("/", 1)[-1]
            if notification_id not in state.statuses:
                self._error(404, "NoResultFound", "No result found")
                return
            self._reply(200, {"id": notification_id, "status": state.statuses[notification_id],
                              "type": next((s["type"] for s in state.sent if s["id"] == notification_id), "email")})

    return Handler


def start_fake_notify() -> tuple[FakeNotify, ThreadingHTTPServer]:
    state = FakeNotify()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return state, server
