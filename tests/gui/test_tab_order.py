"""Tab order in dialogs: every control is reached, top to bottom, left to right, no traps."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

TAB = Qt.FocusPolicy.TabFocus.value


def tab_chain(dialog: QDialog) -> list[QWidget]:
    """Visible, enabled widgets that Tab stops at, in focus-chain order."""
    out: list[QWidget] = []
    widget = dialog.nextInFocusChain()
    seen: set[int] = set()
    while widget is not dialog and id(widget) not in seen:
        seen.add(id(widget))
        if (
            widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy().value & TAB
            and widget.focusProxy() is None
        ):
            out.append(widget)
        widget = widget.nextInFocusChain()
    return out


def out_of_order(dialog: QDialog) -> list[str]:
    """Consecutive stops where Tab jumps back up (beyond a row) or left within a row."""
    problems = []
    chain = tab_chain(dialog)
    pos = [w.mapTo(dialog, QPoint(0, 0)) for w in chain]
    for (a, pa), (b, pb) in zip(
        zip(chain, pos, strict=True), zip(chain[1:], pos[1:], strict=True), strict=False
    ):
        same_row = abs(pa.y() - pb.y()) <= 6
        if (same_row and pb.x() < pa.x()) or (not same_row and pb.y() < pa.y()):
            problems.append(
                f"{type(a).__name__} {a.objectName()} -> {type(b).__name__} {b.objectName()}"
            )
    return problems


def _dialogs(tmp_path: Path, demo_file: Path) -> list[QDialog]:
    from kpm_desktop.gui.dialogs.export_dialog import ExportDialog
    from kpm_desktop.gui.dialogs.first_run_guide import FirstRunGuide
    from kpm_desktop.gui.dialogs.new_matrix import NewMatrixDialog
    from kpm_desktop.gui.dialogs.settings_dialog import SettingsDialog

    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    return [
        SettingsDialog(settings, None),
        ExportDialog(demo_file, None),
        NewMatrixDialog(tmp_path),
        FirstRunGuide(settings),
    ]


def test_dialogs_tab_top_to_bottom(qtbot, tmp_path: Path, demo_file: Path) -> None:
    for dialog in _dialogs(tmp_path, demo_file):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        chain = tab_chain(dialog)
        assert len(chain) >= 2, type(dialog).__name__
        assert out_of_order(dialog) == [], type(dialog).__name__
        if hasattr(dialog, "tabs"):  # every page of a tabbed dialog
            for i in range(dialog.tabs.count()):
                dialog.tabs.setCurrentIndex(i)
                QApplication.processEvents()
                assert out_of_order(dialog) == [], (type(dialog).__name__, i)
        dialog.close()


def test_multi_line_fields_let_tab_move_on(window, tmp_path: Path) -> None:
    """Prose fields (notes, reasons, goal details) are no keyboard trap: Tab leaves them.

    The New-matrix lists keep Tab as a column separator (Ctrl+Tab leaves them).
    """
    from kpm_desktop.gui.dialogs.settings_dialog import SettingsDialog
    from kpm_desktop.gui.side_panel.dock import SidePanel

    dialog = SettingsDialog(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat), None)
    panel = SidePanel(window.workspace)
    try:
        editors = [dialog.reasons, panel.notes.text, panel.goals.detail, panel.cell.note]
        assert all(e.tabChangesFocus() for e in editors)
        dialog.show()
        dialog.reasons.setFocus()
        QTest.keyClick(dialog.reasons, Qt.Key.Key_Tab)
        assert "\t" not in dialog.reasons.toPlainText()
    finally:
        dialog.deleteLater()
        panel.deleteLater()
