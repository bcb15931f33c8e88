"""Visits menu in the real main window: plan a trip, list/delete/undo it, write pack and
calendar, debrief through real key events; every result is read back from the file."""

from __future__ import annotations

import json
from datetime import date, time
from pathlib import Path

import icalendar
import pytest
from PySide6.QtCore import QItemSelectionModel, QMimeData, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from kpm_desktop.cli import main
from kpm_desktop.domain.marks import Mark
from kpm_desktop.domain.trips import Trip, TripStop
from kpm_desktop.gui.side_panel import visit_prep_view as vp
from kpm_desktop.storage import trips as store
from kpm_desktop.storage.repository import Repository
from kpm_desktop.workspace.customer_commands import customer_data
from kpm_desktop.workspace.trip_commands import add_trip
from tests.helpers.keys import press
from tests.helpers.pdf import pdf_page_count, pdf_text

TODAY = date(2026, 11, 27)
EXTENSIONS = (
    "kpm_desktop.gui.side_panel.extension",
    "kpm_desktop.gui.trips.extension",
    "kpm_desktop.gui.export_menu",
)


@pytest.fixture
def win(main_window_factory, demo_file: Path):
    return main_window_factory(demo_file, extensions=EXTENSIONS, today=TODAY)


def stored_trips(path: Path) -> list[Trip]:
    with Repository.open(path, read_only=True) as repo:
        return store.list_trips(repo)


def test_plan_trip_from_matrix_selection_search_and_ranking(qtbot, win, demo_file: Path):
    ws = win.workspace
    sel = win.view.selectionModel()
    sel.clearSelection()
    for row in (4, 1):  # two customers selected in the matrix
        sel.select(
            win.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    win.action_registry["visits.plan_trip"].trigger()
    dialog = win.trip_actions.planner
    qtbot.waitExposed(dialog)
    picked = [ws.matrix.customers[win.model.matrix_row(r)] for r in (1, 4)]
    assert dialog.stop_uuids() == [c.uuid for c in picked]

    # Search, Enter adds the first match (and does not close the dialog).
    dialog.activateWindow()
    dialog.search_edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.search_edit)
    city = next(c.city for c in ws.matrix.customers if c.city not in {p.city for p in picked})
    QTest.keyClicks(dialog.search_edit, city)
    found = [c for c in ws.matrix.customers if c.city == city]
    assert found and dialog.found_list.count() == len(found)
    press(Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.stop_uuids()[-1] == found[0].uuid

    # All customers of a city, then the top two of "where to go next".
    dialog.area_kind.setCurrentIndex(dialog.area_kind.findData("city"))
    dialog.area_value.setCurrentIndex(dialog.area_value.findData("Hamburg"))
    hamburg = {c.uuid for c in ws.matrix.customers if c.city == "Hamburg"}
    dialog.area_button.click()
    assert hamburg <= set(dialog.stop_uuids())
    n = len(dialog.stop_uuids())
    dialog.next_spin.setValue(2)
    assert dialog.add_where_to_go_next() == 2
    assert len(dialog.stop_uuids()) == n + 2

    # Drag the first visit below the third (a drop on the lower half of the third).
    stops = dialog.stops
    before = dialog.stop_uuids()
    stops.clearSelection()
    stops.topLevelItem(0).setSelected(True)
    rect = stops.visualItemRect(stops.topLevelItem(2))
    mime = QMimeData()
    drop = QDropEvent(
        QPointF(rect.center().x(), rect.bottom() - 1),
        Qt.DropAction.MoveAction | Qt.DropAction.CopyAction,  # what a drag from the list offers
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    stops.dropEvent(drop)
    after = dialog.stop_uuids()
    assert after == [before[1], before[2], before[0], *before[3:]], (before, after)
    assert drop.dropAction() == Qt.DropAction.CopyAction  # the source removes nothing

    # Order: Ctrl+Up on the last visit, then by postcode.
    last = dialog.stops.topLevelItem(n + 1)
    dialog.stops.setCurrentItem(last)
    dialog.stops.setFocus()
    press(Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert dialog.stop_uuids()[n] == last.data(0, Qt.ItemDataRole.UserRole)
    dialog.postcode_button.click()
    by_uuid = {c.uuid: c for c in ws.matrix.customers}
    codes = [by_uuid[u].postcode for u in dialog.stop_uuids()]
    assert codes == sorted(codes)

    # Times follow start and minutes; the first visit lasts 45 minutes.
    dialog.name_edit.setText("Tour Nord")
    dialog.start_edit.setTime(dialog.start_edit.time().fromString("09:00", "HH:mm"))
    first = dialog.stops.topLevelItem(0)
    first.setData(3, Qt.ItemDataRole.EditRole, 45)
    assert first.text(0) == "09:00–09:45"
    assert dialog.stops.topLevelItem(1).text(0).startswith("10:15–")
    uuids = dialog.stop_uuids()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible()
    assert ws.undo_stack.count() == 1

    trips = stored_trips(demo_file)
    assert [t.name for t in trips] == ["Tour Nord"]
    assert list(trips[0].customer_uuids) == uuids
    assert trips[0].start == time(9, 0) and trips[0].stops[0].minutes == 45
    assert "Tour Nord" in win.statusBar().currentMessage()


def test_planner_refuses_a_taken_name_without_writing(qtbot, win, demo_file: Path):
    ws = win.workspace
    add_trip(ws, Trip("Nord", date(2026, 12, 8), stops=(TripStop(ws.matrix.customers[0].uuid),)))
    dialog = win.trip_actions.plan()
    dialog.add_customers([ws.matrix.customers[1].id])
    dialog.name_edit.setText("NORD")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and "Another trip is called NORD" in dialog.message.text()
    assert len(stored_trips(demo_file)) == 1 and ws.undo_stack.count() == 1
    dialog.reject()


def test_trips_window_edit_delete_and_undo(qtbot, win, demo_file: Path):
    ws = win.workspace
    trip = add_trip(
        ws, Trip("Nord", date(2026, 12, 8), stops=(TripStop(ws.matrix.customers[0].uuid),))
    )
    win.action_registry["visits.trips"].trigger()
    trips = win.trip_actions.trips_window
    assert trips.tree.topLevelItemCount() == 1
    assert trips.tree.topLevelItem(0).text(0) == "Nord"

    dialog = trips.trip_actions.plan(trips.selected_trip(), parent=trips)
    dialog.add_customers([ws.matrix.customers[2].id])
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert len(stored_trips(demo_file)[0].stops) == 2
    assert trips.tree.topLevelItem(0).text(3) == "2"

    trips.delete_button.click()
    assert stored_trips(demo_file) == [] and trips.tree.topLevelItemCount() == 0
    assert "Ctrl+Z" in win.statusBar().currentMessage()
    win.activateWindow()
    win.view.setFocus()
    press(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # Edit › Undo in the main window
    back = stored_trips(demo_file)
    assert [t.id for t in back] == [trip.id] and len(back[0].stops) == 2
    assert trips.tree.topLevelItemCount() == 1
    press(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the edit
    assert len(stored_trips(demo_file)[0].stops) == 1
    trips.close()


def test_pack_and_calendar_from_the_trips_window(qtbot, win, demo_file: Path, tmp_path: Path):
    ws = win.workspace
    cs = ws.matrix.customers[:2]
    trip = add_trip(
        ws, Trip("Nord", date(2026, 12, 8), time(8, 0), tuple(TripStop(c.uuid) for c in cs))
    )
    pdf, ics = tmp_path / "pack.pdf", tmp_path / "trip.ics"
    job = win.trip_actions.export_pack(trip, pdf)
    # A second export while the first runs is refused with a word in the status bar.
    assert win.trip_actions.export_calendar(trip, ics) is None
    assert "still running" in win.statusBar().currentMessage()
    qtbot.waitUntil(lambda: win.export_actions.job is None, timeout=60000)
    assert job is not None and pdf.exists()
    assert pdf_page_count(pdf) >= 5 and "Nord" in pdf_text(pdf, 1)
    win.trip_actions.export_calendar(trip, ics)
    qtbot.waitUntil(lambda: win.export_actions.job is None, timeout=60000)
    events = list(icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT"))
    assert [str(e["SUMMARY"]).split(": ", 1)[1].split(" (")[0] for e in events] == [
        c.name for c in cs
    ]


def _leaf_kinds(view) -> list[str]:
    return [item.data(0, vp.KIND_ROLE) for item in view._leaves()]


def test_debrief_changes_the_file_through_keys(qtbot, win, demo_file: Path, capsys):
    ws = win.workspace
    m = ws.matrix
    # Two customers with white spots; the second also with a stale answer.
    data = customer_data(ws)
    stale_customer = next(c for c in m.customers if any(data.ages.stale_rows.get(c.id, b"")))
    first = next(c for c in m.customers if c.id != stale_customer.id)
    trip = add_trip(
        ws,
        Trip(
            "Nord",
            date(2027, 1, 11),  # not started yet: changes count from the debrief's start
            time(8, 0),
            (TripStop(first.uuid), TripStop(stale_customer.uuid)),
        ),
    )
    win.trip_actions.trips_window = None
    win.action_registry["visits.debrief"].trigger()
    dialog = win.trip_actions.debrief_dialog
    assert dialog is not None and dialog.trip.id == trip.id
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.view.tree)
    assert "1 of 2" in dialog.header.text() and first.name in dialog.header.text()

    # X on the first white spot: ours, one undo step, in the file.
    kind, product_id = dialog.view.current()
    assert kind == vp.WHITE
    press(Qt.Key.Key_X)
    assert ws.repo.get_cell(first.id, product_id).mark is Mark.OURS
    assert product_id not in [pid for pid, _t in dialog.view.items(vp.WHITE)]
    # Ctrl+Z inside the debrief undoes it, Ctrl+Y redoes it.
    press(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ws.repo.get_cell(first.id, product_id) is None
    press(Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert ws.repo.get_cell(first.id, product_id).mark is Mark.OURS
    # A quick note, typed and left pending: stored when moving on (Alt+N = next customer).
    dialog.view.note_edit.setFocus()
    QTest.keyClicks(QApplication.focusWidget(), "Wants an offer for the hotline")
    press(Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # a mnemonic clicks after 100 ms
    qtbot.waitUntil(lambda: "2 of 2" in dialog.header.text())
    assert ws.repo.notes_for(first.id)[0].text == "Wants an offer for the hotline"

    # Second customer: K on a white spot, Enter on a stale answer.
    dialog.view.tree.setFocus()
    kind, white_pid = dialog.view.current()
    assert kind == vp.WHITE
    press(Qt.Key.Key_K)
    assert ws.repo.get_cell(stale_customer.id, white_pid).mark is Mark.NO_NEED
    stale_pid = dialog.view.items(vp.STALE)[0][0]
    dialog.view.select(vp.STALE, stale_pid)
    mark_before = ws.repo.get_cell(stale_customer.id, stale_pid).mark
    press(Qt.Key.Key_Return)
    assert stale_pid not in [pid for pid, _t in dialog.view.items(vp.STALE)]

    # Summary (Alt+S): what changed at each customer since the trip started.
    press(Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1)
    texts = []
    tree = dialog.summary_tree
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        texts.append([top.text(0)] + [top.child(k).text(0) for k in range(top.childCount())])
    names = {p.id: p.name for p in m.products}
    assert texts[0][0] == first.name
    assert f"{names[product_id]}: white spot → ours (X)" in texts[0]
    assert any("Wants an offer for the hotline" in t for t in texts[0])
    assert texts[1][0] == stale_customer.name
    assert f"{names[white_pid]}: white spot → no need (K)" in texts[1]
    assert f"{names[stale_pid]}: confirmed as still true" in texts[1]
    summary = dialog.summary_label.text()
    for part in ("2 answer", "1 confirmed as still true", "1 note", "at 2 customer"):
        assert part in summary  # plural forms depend on the translator a test installed
    assert "kpm diff" in dialog.summary_label.text()
    # The same mark changes as `kpm diff FILE --since <trip start>` for these customers.
    since = dialog.since.astimezone().strftime("%Y-%m-%dT%H:%M:%S")
    assert since in dialog.summary_label.text()
    capsys.readouterr()
    assert main(["diff", str(demo_file), "--since", since, "--json"]) == 0
    diff = json.loads(capsys.readouterr().out)
    by_customer = {
        c["customer_id"]: {(x["product_id"], x["to"]) for x in c["cells"]}
        for c in diff["customers"]
    }
    assert by_customer == {
        first.id: {(product_id, "ours")},
        stale_customer.id: {(white_pid, "no_need")},
    }
    press(Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # Close
    qtbot.waitUntil(lambda: win.trip_actions.debrief_dialog is None)

    win.close()
    with Repository.open(demo_file, read_only=True) as repo:  # reopened from disk
        assert repo.get_cell(first.id, product_id).mark is Mark.OURS
        assert repo.get_cell(stale_customer.id, white_pid).mark is Mark.NO_NEED
        stale = repo.get_cell(stale_customer.id, stale_pid)
        assert stale.mark is mark_before and stale.verified_at.date() >= date.today()
        assert repo.notes_for(first.id)[0].text == "Wants an offer for the hotline"


def test_save_dialog_suggests_the_export_folder_and_remembers_it(
    qtbot, win, tmp_path: Path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    from kpm_desktop.gui import folders

    ws = win.workspace
    trip = add_trip(
        ws, Trip("Tour Süd/Ost", date(2026, 12, 8), stops=(TripStop(ws.matrix.customers[0].uuid),))
    )
    asked: list[str] = []
    target = tmp_path / "out" / "calendar.ics"
    target.parent.mkdir()

    def save_name(parent, title, suggested, pattern):
        asked.append(suggested)
        return str(target), pattern

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    assert win.trip_actions.export_calendar(trip) is not None
    qtbot.waitUntil(lambda: win.export_actions.job is None, timeout=60000)
    assert Path(asked[0]) == folders.documents_dir() / "demo-Tour-Süd-Ost.ics"
    assert folders.start_folder(win, folders.EXPORT) == target.parent.resolve()
    assert target.exists()
