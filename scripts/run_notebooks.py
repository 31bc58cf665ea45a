"""Executes notebooks with Jupyter's nbclient and exports them to HTML.

    run_notebooks.py execute --out DIR --kernel NAME [--jobs N]
                             [--cell-timeout S] NOTEBOOK...
    run_notebooks.py validate NOTEBOOK...

Called by scripts/report.ts and the tests, with a Python that has nbclient
and nbconvert (Debian's /usr/bin/python3 once setup has run).

`execute` runs up to N notebooks at a time in one asyncio loop, each in its
own kernel, and writes DIR/<name>.html for each one that succeeds. It prints
one JSON object per line on stdout, for the caller to format:

    {"event": "done", "notebook": ..., "seconds": ..., "html": ..., "title": ...}
    {"event": "failed", "notebook": ..., "seconds": ..., "cell": N,
     "source": "first line of the cell", "error": "what the kernel said"}

and exits 1 when any notebook failed. SIGINT or SIGTERM stops it: running
kernels are shut down, no new one starts, and it exits 130. tslab reports an error only on the
cell's stderr stream, with an empty ename and evalue, so the error text is
taken from the failing cell's outputs rather than from nbclient's exception.

`validate` checks that each file is a valid nbformat 4 notebook and prints
{"notebook": ..., "nbformat": 4, "errors": [...], "outputs": N} per file.
"""

import argparse
import asyncio
import json
import re
import signal
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter

TEMPLATES = Path(__file__).resolve().parent / "report" / "templates"

# Stack frames that belong to the kernel, not to the notebook or lib/.
KERNEL_FRAME = re.compile(r"^\s+at .*(node_modules[/\\]tslab|node:|sigintHandlersWrap)")
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def emit(event):
    sys.stdout.write(json.dumps(event) + "\n")
    sys.stdout.flush()


def title_of(notebook, fallback):
    """The text of the notebook's first markdown heading, else `fallback`."""
    for cell in notebook.cells:
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            match = re.match(r"^#+\s+(.*\S)", line)
            if match:
                return match.group(1)
    return fallback


def error_text(cell, exception):
    """What went wrong in `cell`: its stderr and error outputs, trimmed."""
    parts = []
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream" and output.get("name") == "stderr":
            parts.append(output.get("text", ""))
        elif output.get("output_type") == "error":
            parts.append("\n".join(output.get("traceback", [])))
            parts.append(f"{output.get('ename', '')}: {output.get('evalue', '')}")
    text = ANSI.sub("", "".join(parts))
    lines = [line for line in text.splitlines() if not KERNEL_FRAME.match(line)]
    text = "\n".join(lines).strip()
    if text:
        return text
    # No output at all: a timeout, a dead kernel, a missing kernelspec.
    return f"{type(exception).__name__}: {exception}".strip()


def export_html(notebook, title):
    """The notebook as one offline HTML page (see templates/offline)."""
    exporter = HTMLExporter(
        extra_template_basedirs=[str(TEMPLATES)],
        template_name="offline",
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    body, _ = exporter.from_notebook_node(
        notebook, resources={"metadata": {"name": title}}
    )
    return body


async def execute_one(path, options, slots):
    async with slots:
        started = time.monotonic()
        notebook = nbformat.read(str(path), as_version=4)
        title = title_of(notebook, path.stem)
        current = {"index": None}

        def on_cell_execute(cell, cell_index):
            current["index"] = cell_index

        client = NotebookClient(
            notebook,
            kernel_name=options.kernel,
            timeout=options.cell_timeout,
            resources={"metadata": {"path": str(path.parent)}},
            on_cell_execute=on_cell_execute,
        )
        try:
            await client.async_execute()
        except Exception as exception:  # any failure fails this notebook
            index = current["index"]
            cell = notebook.cells[index] if index is not None else {}
            source = cell.get("source", "").strip().splitlines()
            emit(
                {
                    "event": "failed",
                    "notebook": path.name,
                    "seconds": round(time.monotonic() - started, 2),
                    "cell": None if index is None else index + 1,
                    "source": source[0] if source else "",
                    "error": error_text(cell, exception),
                }
            )
            return False

        # Exporting is CPU work; a thread keeps other kernels' messages moving.
        html = await asyncio.to_thread(export_html, notebook, title)
        target = Path(options.out) / f"{path.stem}.html"
        target.write_text(html, encoding="utf-8")
        emit(
            {
                "event": "done",
                "notebook": path.name,
                "seconds": round(time.monotonic() - started, 2),
                "html": target.name,
                "title": title,
                "bytes": len(html.encode("utf-8")),
            }
        )
        return True


def stop_on_signals(tasks):
    """Cancels `tasks` on SIGINT or SIGTERM; returns a flag that tells."""
    loop = asyncio.get_running_loop()
    stopped = {"yes": False}

    def stop():
        stopped["yes"] = True
        for task in tasks:
            task.cancel()

    for number in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(number, stop)
    # nbclient installs its own handlers around each notebook, which would
    # replace these and clean up only the last kernel it started. A
    # cancelled notebook shuts its kernel down in nbclient's own `finally`.
    loop.add_signal_handler = lambda *args, **kwargs: None
    loop.remove_signal_handler = lambda *args, **kwargs: False
    return stopped


async def execute_all(options):
    slots = asyncio.Semaphore(options.jobs)
    tasks = [
        asyncio.ensure_future(execute_one(Path(path), options, slots))
        for path in options.notebooks
    ]
    stopped = stop_on_signals(tasks)
    results = await asyncio.gather(*tasks, return_exceptions=True)
    if stopped["yes"]:
        return 130
    for result in results:
        if isinstance(result, BaseException):
            raise result
    return 0 if all(results) else 1


def validate(paths):
    for path in paths:
        errors = []
        version = None
        outputs = 0
        try:
            notebook = nbformat.read(path, as_version=nbformat.NO_CONVERT)
            version = notebook.get("nbformat")
            nbformat.validate(notebook)
            for cell in notebook.cells:
                outputs += len(cell.get("outputs", []))
                if cell.get("execution_count") is not None:
                    outputs += 1
        except Exception as exception:  # reported, not raised
            errors.append(f"{type(exception).__name__}: {exception}")
        emit({"notebook": path, "nbformat": version, "errors": errors, "outputs": outputs})
    return 0


def main():
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command", required=True)
    execute = commands.add_parser("execute")
    execute.add_argument("--out", required=True)
    execute.add_argument("--kernel", required=True)
    execute.add_argument("--jobs", type=int, default=1)
    execute.add_argument("--cell-timeout", type=int, default=600)
    execute.add_argument("notebooks", nargs="+")
    check = commands.add_parser("validate")
    check.add_argument("notebooks", nargs="+")
    options = parser.parse_args()

    if options.command == "validate":
        return validate(options.notebooks)
    return asyncio.run(execute_all(options))


if __name__ == "__main__":
    sys.exit(main())
