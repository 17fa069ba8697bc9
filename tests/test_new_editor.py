"""A spec from `tipbrief new` in the YAML language server that VS Code and other editors run.

The server finds the schema through the spec's first line, then completes keys and values,
describes keys on hover and flags a misspelt key, all from brief-spec.schema.json.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import tipbrief.build.factbase
from tipbrief.briefs.spec_schema import SPEC
from tipbrief.facts.factjson import fact_base_from_dict

ROOT = Path(__file__).parent.parent
# .ci/run installs the server here; TIPBRIEF_YAML_LANGUAGE_SERVER or the PATH may name another.
INSTALLED = ROOT / ".cache" / "yaml-language-server" / "node_modules" / ".bin" / "yaml-language-server"
SERVER = os.environ.get("TIPBRIEF_YAML_LANGUAGE_SERVER") or (
    str(INSTALLED) if INSTALLED.exists() else shutil.which("yaml-language-server")
)
pytestmark = pytest.mark.skipif(
    SERVER is None or shutil.which("node") is None,
    reason="yaml-language-server is not installed: `npm install --prefix .cache/yaml-language-server "
    "yaml-language-server` (.ci/run does) to run the editor test",
)
FACTS = fact_base_from_dict(
    json.loads((Path(__file__).parent / "fixtures" / "specs" / "events.json").read_text(encoding="utf-8"))
)
SECONDS = 30


class LanguageServer:
    """Just enough of a Language Server Protocol client: requests, answers and diagnostics."""

    def __init__(self, root: Path) -> None:
        assert SERVER is not None
        self.process = subprocess.Popen(
            [SERVER, "--stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.published: list[list[dict[str, Any]]] = []
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()
        capabilities = {"textDocument": {"completion": {"completionItem": {"snippetSupport": False}}}}
        self.request(
            "initialize", {"processId": None, "rootUri": root.as_uri(), "capabilities": capabilities}
        )
        self.notify("initialized", {})
        settings = {
            "yaml": {"validate": True, "completion": True, "hover": True, "schemaStore": {"enable": False}}
        }
        self.notify("workspace/didChangeConfiguration", {"settings": settings})

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = 0
            while (line := stream.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            if not line:
                return
            self.messages.put(json.loads(stream.read(length)))

    def _send(self, message: dict[str, Any]) -> None:
        data = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
        self.process.stdin.flush()

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self._send({"method": method, "params": params})

    def _handle(self, message: dict[str, Any]) -> None:
        if message.get("method") == "textDocument/publishDiagnostics":
            self.published.append(message["params"]["diagnostics"])
        elif "id" in message and "method" in message:
            # The server asks for settings and registrations: the defaults serve.
            items = message.get("params", {}).get("items", [])
            answer = [None] * len(items) if message["method"] == "workspace/configuration" else None
            self._send({"id": message["id"], "result": answer})

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self.next_id += 1
        self._send({"id": self.next_id, "method": method, "params": params})
        while True:
            message = self.messages.get(timeout=SECONDS)
            if message.get("id") == self.next_id and "method" not in message:
                return message.get("result")
            self._handle(message)

    def diagnostics(self, after: int, nonempty: bool = False) -> list[dict[str, Any]]:
        """The first diagnostics published after the first ``after`` ones (they carry no version)."""
        while True:
            while len(self.published) <= after:
                self._handle(self.messages.get(timeout=SECONDS))
            if self.published[after] or not nonempty:
                return self.published[after]
            after += 1

    def close(self) -> None:
        self.process.kill()
        self.process.wait(timeout=SECONDS)


@pytest.fixture
def new_spec(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").mkdir()
    monkeypatch.setattr(tipbrief.build.factbase, "build_fact_base", lambda seeds, project=None: FACTS)
    from tipbrief.cli import cli

    result = CliRunner().invoke(cli, ["new", "editing", "--audience", "public"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return tmp_path / "briefs" / "editing.yaml"


@pytest.fixture
def server(new_spec: Path) -> Iterator[LanguageServer]:
    running = LanguageServer(new_spec.parent.parent)
    yield running
    running.close()


def labels(result: Any) -> list[str]:
    items = result["items"] if isinstance(result, dict) else result
    return sorted(item["label"] for item in items)


def test_the_editor_completes_checks_and_describes_a_new_spec(new_spec: Path, server: LanguageServer) -> None:
    uri = new_spec.as_uri()
    text = new_spec.read_text(encoding="utf-8")
    lines = text.splitlines()
    document = {"uri": uri, "languageId": "yaml", "version": 1, "text": text}
    server.notify("textDocument/didOpen", {"textDocument": document})
    assert server.diagnostics(after=0) == [], "the new spec is valid for the editor too"

    audience = next(i for i, line in enumerate(lines) if line.startswith("audience:"))
    values = server.request(
        "textDocument/completion",
        {"textDocument": {"uri": uri}, "position": {"line": audience, "character": len("audience: ")}},
    )
    assert labels(values) == ["analyst", "ministerial", "public"]

    hover = server.request(
        "textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": audience, "character": 2}}
    )
    described = next(f.description for f in SPEC.fields if f.key == "audience")
    assert described in hover["contents"]["value"]

    with_blank_line = text + "\n"
    server.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": with_blank_line}]},
    )
    keys = server.request(
        "textDocument/completion",
        {"textDocument": {"uri": uri}, "position": {"line": len(lines), "character": 0}},
    )
    # Keys the spec does not set yet; a public brief's marking is among them, as the schema allows it.
    assert {"issued", "language", "page_size", "sections", "subtitle"} <= set(labels(keys))
    assert "title" not in labels(keys)

    typo = text.replace("\naudience:", "\naudiense:")
    seen = len(server.published)
    server.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": typo}]},
    )
    problems = {
        (d["range"]["start"]["line"], d["message"]) for d in server.diagnostics(after=seen, nonempty=True)
    }
    assert (audience, "Property audiense is not allowed.") in problems
