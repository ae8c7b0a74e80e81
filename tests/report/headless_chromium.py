"""A headless Chromium driven through the DevTools protocol over a pipe.

``--remote-debugging-pipe`` makes Chromium read protocol commands from file
descriptor 3 and write replies and events to descriptor 4, as JSON messages ended by
a NUL byte: no socket, no port, no client library. The browser runs with a fresh
profile, no network services (``--disable-background-networking`` and friends) and
only ``file://`` pages. Used by the HTML report's browser tests; skipped where no
``chromium`` is installed (``.ci/run`` installs Debian's package where it can).
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import shutil
import signal
import time
from pathlib import Path
from typing import Any

#: the browser's flags: headless, no sandbox (CI runs as root), and nothing that
#: reaches the network on its own (updates, sync, field trials, QUIC)
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--disable-extensions",
    "--remote-debugging-pipe",
)
#: seconds to wait for one reply or event before the test fails
TIMEOUT = 30.0


def chromium_path() -> str | None:
    """The Chromium binary, or None."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _high(fd: int) -> int:
    """``fd`` moved to a descriptor number of 10 or more."""
    high = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return high


class BrowserError(RuntimeError):
    """The browser did not answer as the protocol says."""


class Browser:
    """One Chromium process and a page in it (``Page`` and ``Runtime`` enabled)."""

    def __init__(self, binary: str, profile: Path) -> None:
        to_child, self._send_fd = os.pipe()
        self._recv_fd, from_child = os.pipe()
        # the child's ends above 9, so that moving them to 3 and 4 cannot clobber
        # one with the other (os.posix_spawn applies the moves in order)
        to_child, from_child = (_high(fd) for fd in (to_child, from_child))
        profile.mkdir(parents=True, exist_ok=True)
        self.log = profile / "chromium.log"
        # the child gets the pipes as descriptors 3 and 4, as the flag requires
        argv = [binary, *FLAGS, f"--user-data-dir={profile}", "about:blank"]
        with Path(os.devnull).open("rb") as null, self.log.open("wb") as log:
            self._pid = os.posix_spawn(
                binary,
                argv,
                dict(os.environ),
                file_actions=[
                    (os.POSIX_SPAWN_DUP2, null.fileno(), 0),
                    (os.POSIX_SPAWN_DUP2, log.fileno(), 1),
                    (os.POSIX_SPAWN_DUP2, log.fileno(), 2),
                    (os.POSIX_SPAWN_DUP2, to_child, 3),
                    (os.POSIX_SPAWN_DUP2, from_child, 4),
                ],
            )
        os.close(to_child)
        os.close(from_child)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []
        self.dialogs_seen: list[dict[str, Any]] = []
        self._session = ""
        target = self.call("Target.createTarget", {"url": "about:blank"})
        attached = self.call(
            "Target.attachToTarget", {"targetId": target["targetId"], "flatten": True}
        )
        self._session = attached["sessionId"]
        self.call("Page.enable", session=True)
        self.call("Runtime.enable", session=True)

    def _write(self, message: dict[str, Any]) -> None:
        data = json.dumps(message).encode("utf-8") + b"\0"
        while data:
            sent = os.write(self._send_fd, data)
            data = data[sent:]

    def _read(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                msg = "no answer from the browser in time"
                raise BrowserError(msg)
            ready, _, _ = select.select([self._recv_fd], [], [], left)
            if ready:
                chunk = os.read(self._recv_fd, 1 << 20)
                if not chunk:
                    tail = self.log.read_text(errors="replace")[-2000:]
                    msg = f"the browser closed its pipe; its log ends:\n{tail}"
                    raise BrowserError(msg)
                self._buffer += chunk
        raw, _, self._buffer = self._buffer.partition(b"\0")
        message: dict[str, Any] = json.loads(raw)
        return message

    def call(
        self,
        method: str,
        params: dict[str, Any] | None = None,
        *,
        session: bool = False,
    ) -> dict[str, Any]:
        """Send one command and wait for its result (events that arrive meanwhile
        are kept in :attr:`events`)."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method}
        if params:
            message["params"] = params
        if session:
            message["sessionId"] = self._session
        self._write(message)
        deadline = time.monotonic() + TIMEOUT
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    msg = f"{method}: {reply['error']}"
                    raise BrowserError(msg)
                result: dict[str, Any] = reply.get("result", {})
                return result
            if "method" in reply:
                self._note(reply)

    def _note(self, event: dict[str, Any]) -> None:
        """Keep an event; a JavaScript dialog is recorded and dismissed at once (an
        open dialog would block the page)."""
        if event["method"] != "Page.javascriptDialogOpening":
            self.events.append(event)
            return
        self.dialogs_seen.append(event)
        self._next_id += 1
        self._write(
            {
                "id": self._next_id,
                "method": "Page.handleJavaScriptDialog",
                "params": {"accept": False},
                "sessionId": self._session,
            }
        )

    def wait_for(self, method: str) -> dict[str, Any]:
        """The next event named ``method`` (earlier ones already seen count)."""
        deadline = time.monotonic() + TIMEOUT
        while True:
            for i, event in enumerate(self.events):
                if event["method"] == method:
                    return self.events.pop(i)
            message = self._read(deadline)
            if "method" in message:
                self._note(message)

    def open(self, path: Path) -> None:
        """Load a local file and wait until it has loaded."""
        self.events.clear()
        self.dialogs_seen.clear()
        self.call("Page.navigate", {"url": path.resolve().as_uri()}, session=True)
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (JSON-able values)."""
        result = self.call(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
            session=True,
        )
        if "exceptionDetails" in result:
            msg = f"{expression!r} threw: {result['exceptionDetails']}"
            raise BrowserError(msg)
        return result["result"].get("value")

    def dialogs(self) -> list[dict[str, Any]]:
        """Every JavaScript dialog (alert, confirm, prompt) pages opened so far."""
        self.evaluate("1")  # flush: events that came before this reply are in
        return list(self.dialogs_seen)

    def screenshot(self, width: int, height: int) -> bytes:
        """A PNG of the page's top ``width`` × ``height`` CSS pixels."""
        self.call(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
            session=True,
        )
        shot = self.call("Page.captureScreenshot", {"format": "png"}, session=True)
        return base64.b64decode(shot["data"])

    def close(self) -> None:
        """End the browser (politely, then for good)."""
        with contextlib.suppress(OSError):
            self._write({"id": self._next_id + 1, "method": "Browser.close"})
        deadline = time.monotonic() + 10
        while os.waitpid(self._pid, os.WNOHANG) == (0, 0):
            if time.monotonic() > deadline:
                os.kill(self._pid, signal.SIGKILL)
                os.waitpid(self._pid, 0)
                break
            time.sleep(0.05)
        os.close(self._send_fd)
        os.close(self._recv_fd)
