"""File › Merge a Colleague's File… through the real main window (no server needed)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton, QTableWidget

from kpm_desktop.domain.entities import Customer
from kpm_desktop.domain.marks import Mark
from kpm_desktop.gui.actions import MenuId
from kpm_desktop.gui.matrix_model import CONFLICT_ROLE
from kpm_desktop.storage.repository import Repository
from tests.helpers.merge import copies
from tests.helpers.team import content_hash, entities


@pytest.fixture
def merge_window(main_window_factory, demo_file: Path):
    return main_window_factory(demo_file)


def colleague_copy(win, tmp_path: Path) -> tuple[Path, dict]:
    """The colleague's copy: a new customer, one mark changed, one deleted customer, and a
    mark that conflicts with one I set afterwards."""
    theirs = tmp_path / "kollegin.kpm"
    win.workspace.save_copy(theirs)  # File › Save a Copy As… (the colleague's copy)
    with Repository.open(theirs) as repo:
        customers, products = repo.load_customers(), repo.load_products()
        c_new = repo.add_customer(Customer(name="Neukunde der Kollegin GmbH", region="Nord"))
        c1, gone = customers[1], customers[5]
        p1 = products[1]
        # a white spot of mine that the colleague filled in (added here)
        c2 = next(c for c in customers[2:5] if repo.get_cell(c.id, p1.id) is None)
        old = repo.get_cell(c1.id, p1.id)
        their_mark = Mark.COMPETITOR if old is None or old.mark != Mark.COMPETITOR else Mark.NEED
        repo.set_marks([(c1.id, p1.id, their_mark), (c2.id, p1.id, Mark.NO_NEED)])
        repo.delete_customer(gone.id)
    return theirs, {
        "new": c_new,
        "c1": c1,
        "c2": c2,
        "gone": gone,
        "p1": p1,
        "their_mark": their_mark,
    }


def badge_color(view, index) -> int:
    """The colour where a conflict badge sits (left of its "!") in a grab of the matrix."""
    rect = view.visualRect(index)
    size = max(8, min(rect.width() - 1, rect.height() - 1) // 2)
    image = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    x = rect.left() + 1 + size * 0.3
    y = rect.top() + 1 + size * 0.5
    return image.pixelColor(int(x * ratio), int(y * ratio)).rgb()


def _choose(qtbot, win, path: Path) -> None:
    """File › Merge…, answer the file dialog (opened with open(), never exec())."""
    action = win.action_registry["file.merge"]
    assert action.isEnabled()
    action.trigger()
    shown = [d for d in win.findChildren(QFileDialog, "merge_file_dialog") if d.isVisible()]
    assert len(shown) == 1
    dialog = shown[0]
    dialog.selectFile(str(path))
    dialog.accept()


def test_merge_a_colleagues_file_undo_and_reopen(merge_window, qtbot, tmp_path: Path) -> None:
    win = merge_window
    ws = win.workspace
    mine = ws.path
    file_menu = win.action_registry.menu(MenuId.FILE)
    assert "file.merge" in [a.objectName().removeprefix("action_") for a in file_menu.actions()]
    theirs, k = colleague_copy(win, tmp_path)
    before = content_hash(mine)

    # my own edit of the cell the colleague changed too, by a key press in the matrix
    model, view = win.model, win.view
    row = next(
        r
        for r in range(model.rowCount())
        if ws.matrix.customers[model.matrix_row(r)].id == k["c1"].id
    )
    col = next(
        c
        for c in range(model.columnCount())
        if ws.matrix.products[model.matrix_col(c)].id == k["p1"].id
    )
    view.setFocus()
    view.setCurrentIndex(model.index(row, col))
    my_key, my_mark = (
        (Qt.Key.Key_X, Mark.OURS) if k["their_mark"] != Mark.OURS else (Qt.Key.Key_B, Mark.NEED)
    )
    QTest.keyClick(QApplication.focusWidget(), my_key)
    assert ws.repo.get_cell(k["c1"].id, k["p1"].id).mark == my_mark
    before = content_hash(mine)
    steps = ws.undo_stack.count()

    _choose(qtbot, win, theirs)
    win.merge.wait(60)
    qtbot.waitUntil(lambda: win.merge.result_box is not None, timeout=20000)
    box = win.merge.result_box
    assert box.isVisible()
    text = box.informativeText()
    assert "2 added" in text and "0 changed" in text and "1 deleted" in text
    assert "1 conflict" in text
    assert ws.undo_stack.count() == steps + 1
    names = {c.name for c in ws.matrix.customers}
    assert "Neukunde der Kollegin GmbH" in names and k["gone"].name not in names
    assert ws.repo.get_cell(k["c1"].id, k["p1"].id).mark == my_mark  # mine until decided
    c2 = next(c for c in ws.matrix.customers if c.uuid == k["c2"].uuid)
    p1 = next(p for p in ws.matrix.products if p.uuid == k["p1"].uuid)
    assert ws.repo.get_cell(c2.id, p1.id).mark == Mark.NO_NEED

    # the conflicted cell carries a badge: model role, tooltip and pixels
    box.done(0)
    index = model.index(row, col)
    text = model.data(index, CONFLICT_ROLE)
    assert text.startswith("conflict: mine ") and " / theirs " in text
    assert text.endswith("Team › Review Conflicts")
    assert text in model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(row, col + 1), CONFLICT_ROLE) is None
    # the current cell stayed where the rep was (the reload keeps it); move it away so
    # that the selection tint does not cover the badge's pixels
    assert view.currentIndex() == index
    view.setCurrentIndex(model.index(row + 2, col))
    view.scrollTo(index)
    assert badge_color(view, index) == view.colors.error_text.rgb()
    assert badge_color(view, model.index(row, col + 1)) != view.colors.error_text.rgb()

    # one undo step takes back the whole merge (Ctrl+Z to the focused widget)
    view.setFocus()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert content_hash(mine) == before
    assert ws.repo.conn.execute("SELECT count(*) FROM sync_conflicts").fetchone()[0] == 0
    assert model.data(model.index(row, col), CONFLICT_ROLE) is None  # badge gone with it
    assert k["gone"].name in {c.name for c in ws.matrix.customers}
    # redo, then settle the conflict in the review dialog: take theirs
    QTest.keyClick(
        QApplication.focusWidget(),
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert k["gone"].name not in {c.name for c in ws.matrix.customers}
    dialog = win.team.review()
    table = dialog.findChild(QTableWidget, "team_conflicts")
    assert table.rowCount() == 1
    qtbot.waitExposed(dialog)
    rect = table.visualItemRect(table.item(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert table.selectedItems()
    qtbot.mouseClick(
        dialog.findChild(QPushButton, "conflict_take_theirs"), Qt.MouseButton.LeftButton
    )
    assert table.rowCount() == 0, win.messages
    dialog.close()
    win.close_file()

    # reopened from disk: the merged state with their mark
    after = entities(mine)
    assert ("customer", k["new"].uuid) in after
    assert ("customer", k["gone"].uuid) not in after
    assert after[("cell", f"{k['c1'].uuid}/{k['p1'].uuid}")]["mark"] == int(k["their_mark"])


def test_merge_conflicts_reach_the_review_dialog_from_the_result(
    merge_window, qtbot, tmp_path: Path
) -> None:
    win = merge_window
    mine = win.workspace.path
    theirs, k = colleague_copy(win, tmp_path)
    with Repository.open(theirs) as repo:
        c = next(c for c in repo.load_customers() if c.uuid == k["c2"].uuid)
        repo.update_customer(replace(c, city="Kollegin-Stadt"))
    ws = win.workspace
    c_mine = next(c for c in ws.matrix.customers if c.uuid == k["c2"].uuid)
    from kpm_desktop.workspace.commands import UpdateCustomerCommand

    ws.push(UpdateCustomerCommand(ws, replace(c_mine, city="Meine-Stadt")))
    win.merge.merge_file(theirs)
    win.merge.wait(60)
    qtbot.waitUntil(lambda: win.merge.result_box is not None, timeout=20000)
    assert win.team.review_action.isEnabled()
    win.merge.review_button.click()
    dialog = win.merge.conflict_dialog
    table = dialog.findChild(QTableWidget, "team_conflicts")
    labels = {table.item(r, 0).text() for r in range(table.rowCount())}
    assert c_mine.name in labels
    dialog.findChild(QPushButton, "conflict_all_mine").click()
    assert table.rowCount() == 0
    dialog.close()
    assert entities(mine)[("customer", k["c2"].uuid)]["city"] == "Meine-Stadt"


def test_merge_of_a_wrong_file_is_one_message_and_changes_nothing(
    merge_window, qtbot, tmp_path: Path
) -> None:
    from tests.helpers.files import file_hash

    win = merge_window
    junk = tmp_path / "junk.kpm"
    junk.write_bytes(b"not a matrix")
    mine = win.workspace.path
    win.workspace.repo.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = file_hash(mine)
    _choose(qtbot, win, junk)
    win.merge.wait(60)
    qtbot.waitUntil(lambda: bool(win.messages), timeout=20000)
    _title, text = win.messages[-1]
    assert len(text.splitlines()) == 1 and "junk.kpm" in text
    assert win.workspace.undo_stack.count() == 0
    assert file_hash(mine) == before
    assert not win.merge.merge_file(mine)  # the open file itself
    assert "open file itself" in win.messages[-1][1]


def test_cancelled_merge_writes_nothing(merge_window, qtbot, tmp_path: Path) -> None:
    win = merge_window
    mine = win.workspace.path
    theirs, _k = colleague_copy(win, tmp_path)
    before = content_hash(mine)
    assert win.merge.merge_file(theirs)
    assert not win.action_registry["file.merge"].isEnabled()  # one merge at a time
    win.merge.cancel()  # the progress window's Cancel
    win.merge.wait(60)
    qtbot.waitUntil(lambda: win.action_registry["file.merge"].isEnabled(), timeout=20000)
    assert win.merge.result_box is None
    assert win.workspace.undo_stack.count() == 0
    assert content_hash(mine) == before


def test_settling_a_conflict_is_one_undo_step_and_the_merge_stays_undoable(
    merge_window, qtbot, tmp_path: Path
) -> None:
    """Take theirs in the review, then Ctrl+Z: the conflict is open again with my mark;
    Ctrl+Z again takes back the merge; the current cell survives the reloads, so the next
    mark key marks the cell the rep last had (not a key account's row at the top)."""
    win = merge_window
    ws = win.workspace
    mine = ws.path
    theirs, k = colleague_copy(win, tmp_path)
    model, view = win.model, win.view

    def where(customer_id: int, product_id: int):
        row = next(
            r
            for r in range(model.rowCount())
            if ws.matrix.customers[model.matrix_row(r)].id == customer_id
        )
        col = next(
            c
            for c in range(model.columnCount())
            if ws.matrix.products[model.matrix_col(c)].id == product_id
        )
        return model.index(row, col)

    view.setFocus()
    view.setCurrentIndex(where(k["c1"].id, k["p1"].id))
    my_key, my_mark = (
        (Qt.Key.Key_X, Mark.OURS) if k["their_mark"] != Mark.OURS else (Qt.Key.Key_B, Mark.NEED)
    )
    QTest.keyClick(QApplication.focusWidget(), my_key)
    before = content_hash(mine)

    _choose(qtbot, win, theirs)
    win.merge.wait(60)
    qtbot.waitUntil(lambda: win.merge.result_box is not None, timeout=20000)
    win.merge.result_box.done(0)
    merged = content_hash(mine)

    dialog = win.team.review()
    table = dialog.findChild(QTableWidget, "team_conflicts")
    qtbot.waitExposed(dialog)
    rect = table.visualItemRect(table.item(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseClick(
        dialog.findChild(QPushButton, "conflict_take_theirs"), Qt.MouseButton.LeftButton
    )
    assert table.rowCount() == 0, win.messages
    dialog.close()
    assert ws.repo.get_cell(k["c1"].id, k["p1"].id).mark == k["their_mark"]
    assert ws.undo_stack.canUndo()  # the history is kept

    def conflicts() -> int:
        return ws.repo.conn.execute("SELECT count(*) FROM sync_conflicts").fetchone()[0]

    view.setFocus()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ws.repo.get_cell(k["c1"].id, k["p1"].id).mark == my_mark
    assert conflicts() == 1
    assert content_hash(mine) == merged
    assert model.data(where(k["c1"].id, k["p1"].id), CONFLICT_ROLE)  # the badge is back
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert content_hash(mine) == before and conflicts() == 0

    # the current cell is still the one the rep had
    current = view.currentIndex()
    assert current.isValid()
    assert ws.matrix.customers[model.matrix_row(current.row())].id == k["c1"].id
    assert ws.matrix.products[model.matrix_col(current.column())].id == k["p1"].id

    # redo the merge and the settlement
    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, redo)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, redo)
    assert ws.repo.get_cell(k["c1"].id, k["p1"].id).mark == k["their_mark"]
    assert conflicts() == 0
    # after the reloads the next mark key marks the cell the rep had
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_K)
    assert ws.repo.get_cell(k["c1"].id, k["p1"].id).mark == Mark.NO_NEED
    win.close_file()
    after = entities(mine)
    assert after[("cell", f"{k['c1'].uuid}/{k['p1'].uuid}")]["mark"] == int(Mark.NO_NEED)


def _cell_at(win, customer_id: int, product_id: int):
    model, ws = win.model, win.workspace
    row = next(
        r
        for r in range(model.rowCount())
        if ws.matrix.customers[model.matrix_row(r)].id == customer_id
    )
    col = next(
        c
        for c in range(model.columnCount())
        if ws.matrix.products[model.matrix_col(c)].id == product_id
    )
    return model.index(row, col)


def _press_on(qtbot, win, index, key: Qt.Key) -> None:
    win.activateWindow()
    win.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is win.view, timeout=5000)
    win.view.setCurrentIndex(index)
    QTest.keyClick(QApplication.focusWidget(), key)


def test_one_sided_changes_merge_without_a_conflict_and_a_second_merge_lists_only_new_ones(
    main_window_factory, demo_file: Path, qtbot, tmp_path: Path
) -> None:
    """The common base in the window: two copies of one file, a different cell and field
    changed on each side, merged without a conflict in one undo step; after the colleague
    and I both change one more cell, the second merge lists only that one."""
    mine, theirs = copies(demo_file, tmp_path, "kollegin.kpm")
    with Repository.open(theirs) as repo:
        customers, products = repo.load_customers(), repo.load_products()
        marked = [(cid, pid) for cid, pid, _r in repo.iter_cells()]
        a, b, later = marked[0], marked[40], marked[80]
        old = repo.get_cells([a, b, later])
        their_a = Mark.COMPETITOR if old[a].mark != Mark.COMPETITOR else Mark.NEED
        repo.set_marks([(*a, their_a)])
        city_of = customers[3]
        repo.update_customer(replace(city_of, city="Kollegenstadt"))
    win = main_window_factory(mine)
    ws = win.workspace
    my_key, my_b = (
        (Qt.Key.Key_X, Mark.OURS) if old[b].mark != Mark.OURS else (Qt.Key.Key_K, Mark.NO_NEED)
    )
    _press_on(qtbot, win, _cell_at(win, *b), my_key)
    assert ws.repo.get_cell(*b).mark == my_b
    before = content_hash(mine)
    steps = ws.undo_stack.count()

    _choose(qtbot, win, theirs)
    win.merge.wait(60)
    qtbot.waitUntil(lambda: win.merge.result_box is not None, timeout=20000)
    box = win.merge.result_box
    assert "2 changed" in box.informativeText()
    assert win.merge.last_plan is not None and win.merge.last_plan.conflicts == []
    box.done(0)
    assert ws.undo_stack.count() == steps + 1
    assert ws.repo.get_cell(*a).mark == their_a  # theirs only: taken
    assert ws.repo.get_cell(*b).mark == my_b  # mine only: kept
    assert next(c for c in ws.matrix.customers if c.id == city_of.id).city == "Kollegenstadt"
    assert win.model.data(_cell_at(win, *a), CONFLICT_ROLE) is None

    # one undo step takes it all back, redo brings it again
    win.view.setFocus()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert content_hash(mine) == before
    QTest.keyClick(
        QApplication.focusWidget(),
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert ws.repo.get_cell(*a).mark == their_a

    # both change one more cell: the second merge lists that one only
    with Repository.open(theirs) as repo:
        repo.set_marks([(*later, Mark.NEED if old[later].mark != Mark.NEED else Mark.OURS)])
    key, mine_later = (
        (Qt.Key.Key_W, Mark.COMPETITOR)
        if old[later].mark != Mark.COMPETITOR
        else (Qt.Key.Key_K, Mark.NO_NEED)
    )
    _press_on(qtbot, win, _cell_at(win, *later), key)
    _choose(qtbot, win, theirs)
    win.merge.wait(60)
    qtbot.waitUntil(
        lambda: win.merge.result_box is not None and win.merge.result_box.isVisible(),
        timeout=20000,
    )
    plan = win.merge.last_plan
    assert [c.kind for c in plan.conflicts] == ["cell"]
    assert "1 conflict" in win.merge.result_box.informativeText()
    win.merge.result_box.done(0)
    assert win.model.data(_cell_at(win, *later), CONFLICT_ROLE) is not None
    win.close_file()

    # reopened from disk
    after = entities(mine)
    cu = {c.id: c.uuid for c in customers}
    pu = {p.id: p.uuid for p in products}
    assert after[("cell", f"{cu[a[0]]}/{pu[a[1]]}")]["mark"] == int(their_a)
    assert after[("cell", f"{cu[b[0]]}/{pu[b[1]]}")]["mark"] == int(my_b)
    assert after[("cell", f"{cu[later[0]]}/{pu[later[1]]}")]["mark"] == int(mine_later)
    assert after[("customer", city_of.uuid)]["city"] == "Kollegenstadt"
