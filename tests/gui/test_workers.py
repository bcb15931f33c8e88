"""The GUI's one task runner (``gui.workers``): result, error, cancel and progress arrive on
the GUI thread; a newer request replaces a running one; nothing shadows a Qt method."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QObject

from kpm_desktop.gui.workers import BackgroundTask, Task, TaskCancelled, wait_with_events


def _record(task: BackgroundTask) -> list[tuple[str, object, bool]]:
    """Every signal as (name, value, delivered on the GUI thread)."""
    seen: list[tuple[str, object, bool]] = []

    def on(name: str):
        def slot(value: object = None) -> None:
            seen.append((name, value, threading.current_thread() is threading.main_thread()))

        return slot

    task.progressed.connect(on("progressed"))
    task.done.connect(on("done"))
    task.failed.connect(on("failed"))
    task.cancelled.connect(on("cancelled"))
    return seen


def test_result_arrives_on_the_gui_thread(qtbot) -> None:
    task = BackgroundTask()
    seen = _record(task)
    worker: list[str] = []

    def work() -> int:
        worker.append(threading.current_thread().name)
        return 42

    task.start(work)
    assert task.busy
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert seen == [("done", 42, True)]
    assert worker == ["kpm-task"]  # it did run on the worker
    assert not task.busy


def test_error_arrives_as_the_exception_on_the_gui_thread(qtbot) -> None:
    task = BackgroundTask()
    seen = _record(task)

    def work() -> None:
        raise ValueError("bad row")

    task.start(work)
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    [(name, exc, on_gui)] = seen
    assert name == "failed" and on_gui
    assert isinstance(exc, ValueError) and str(exc) == "bad row"


def test_import_runner_turns_an_error_into_one_translated_line(qtbot) -> None:
    from kpm_desktop.gui.dialogs.import_worker import TaskRunner
    from kpm_desktop.import_export.messages import ImportFailure

    runner = TaskRunner()
    messages: list[tuple[str, bool]] = []

    def record(message: str) -> None:
        messages.append((message, threading.current_thread() is threading.main_thread()))

    def broken(_tick) -> None:
        raise KeyError("internal detail")

    runner.start(broken, lambda _r: None, record)
    qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    [(message, on_gui)] = messages
    assert on_gui and "internal detail" not in message
    assert message.startswith("The file could not be read.")

    def refused(_tick) -> None:
        raise ImportFailure("cancelled")

    messages.clear()
    runner.start(refused, lambda _r: None, record)
    qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    assert messages == [("import cancelled; nothing was changed", True)]


def test_progress_arrives_latest_first_and_the_last_before_the_result(qtbot) -> None:
    task = BackgroundTask(interval_ms=5)
    seen = _record(task)
    go = threading.Event()

    def work() -> str:
        for i in range(1, 4):
            task.report(i)
            time.sleep(0.05)
        go.wait(5)
        task.report(99)
        return "ok"

    task.start(work)
    qtbot.waitUntil(lambda: ("progressed", 3, True) in seen, timeout=10_000)
    go.set()
    qtbot.waitUntil(lambda: not task.busy, timeout=10_000)
    names = [name for name, _v, _g in seen]
    assert names[-2:] == ["progressed", "done"]
    assert seen[-2][1] == 99 and seen[-1][1] == "ok"
    values = [v for name, v, _g in seen if name == "progressed"]
    assert values == sorted(values)  # never an older value after a newer one
    assert all(on_gui for _n, _v, on_gui in seen)


def test_cancel_ends_with_cancelled_only(qtbot) -> None:
    task = BackgroundTask()
    seen = _record(task)
    started = threading.Event()

    def work() -> str:
        started.set()
        while True:
            task.check()  # raises TaskCancelled once cancelled
            time.sleep(0.005)

    task.start(work)
    assert started.wait(5)
    task.cancel()
    assert task.wait(10)
    assert seen == [("cancelled", None, True)]


def test_cancel_drops_a_late_result_unless_kept(qtbot) -> None:
    for keep, expected in ((False, "cancelled"), (True, "done")):
        task = BackgroundTask(keep_result=keep)
        seen = _record(task)
        release = threading.Event()
        task.start(lambda release=release: release.wait(5) and "written")
        task.cancel()  # the function ignores it and returns its result
        release.set()
        assert task.wait(10)
        assert [name for name, _v, _g in seen] == [expected]


def test_a_newer_request_replaces_the_running_one(qtbot) -> None:
    task = BackgroundTask()
    seen = _record(task)
    release = threading.Event()

    def first() -> str:
        release.wait(5)
        return "stale"

    task.start(first)
    with pytest.raises(RuntimeError):
        task.start(lambda: "refused")  # only one at a time unless asked to replace
    task.start(lambda: "second", replace=True)
    task.start(lambda: "newest", replace=True)
    release.set()
    qtbot.waitUntil(lambda: any(name == "done" for name, _v, _g in seen), timeout=10_000)
    assert [(name, value) for name, value, _g in seen] == [("cancelled", None), ("done", "newest")]


def test_wait_with_events_shows_progress_and_delivers(qtbot) -> None:
    task = BackgroundTask()
    seen = _record(task)
    task.start(lambda: [task.report(i / 10) for i in range(11)] and "updated")
    task.wait_with_events()
    assert not task.busy
    assert seen[-2:] == [("progressed", 1.0, True), ("done", "updated", True)]


def test_plain_task_without_qt() -> None:
    """The core runs before a QApplication exists (the file check at start-up)."""
    task = Task("kpm-probe")
    task.start(lambda: task.report(0.5) and "ok")
    assert task.result() == "ok" and task.latest == 0.5
    failing = Task().start(lambda: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        failing.result()
    stopped = Task()
    go = threading.Event()
    stopped.start(lambda: go.wait(5) and stopped.check())
    stopped.cancel()
    go.set()
    stopped.wait()
    assert stopped.outcome is not None and isinstance(stopped.outcome[1], TaskCancelled)


def test_wait_with_events_for_a_plain_task(qtbot) -> None:
    task = Task()
    fractions: list[object] = []
    task.start(lambda: [(task.report(f), time.sleep(0.1)) for f in (0.25, 0.5, 1.0)])
    wait_with_events(task, fractions.append)
    assert not task.running() and fractions[-1] == 1.0


@pytest.mark.parametrize(
    "cls",
    [
        BackgroundTask,
        pytest.param("kpm_desktop.gui.export_menu.ExportJob", id="ExportJob"),
        pytest.param("kpm_desktop.gui.dialogs.import_worker.TaskRunner", id="TaskRunner"),
        pytest.param("kpm_desktop.gui.full_check.BackgroundCheck", id="BackgroundCheck"),
    ],
)
def test_no_attribute_shadows_a_qt_method(cls) -> None:
    if isinstance(cls, str):
        import importlib

        module, name = cls.rsplit(".", 1)
        cls = getattr(importlib.import_module(module), name)
    task = cls(lambda _progress: ("", None)) if cls.__name__ == "ExportJob" else None
    if task is None:
        task = cls() if cls.__name__ != "BackgroundCheck" else cls(__file__)
    qt_names = set(dir(QObject))
    from PySide6.QtCore import SignalInstance

    own = {n for n, v in vars(task).items() if not isinstance(v, SignalInstance)} | {
        n for k in type(task).__mro__ if k.__module__.startswith("kpm") for n in vars(k)
    }
    overrides = {n for n in own if n.startswith("__")} | {"staticMetaObject"}
    assert (own & qt_names) - overrides == set()
