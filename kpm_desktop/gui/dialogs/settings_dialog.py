"""Edit > Settings: per-user preferences and the open file's own settings in one dialog.

Per-user (QSettings): language (after restart), default paper/orientation/customer-safe for
exports, backup retention. Per-file (stored in the matrix file, one undo step each): the stale
threshold and the "no need" reasons; competitors and product groups open their own dialogs.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kpm_desktop.gui.preferences import Preferences
from kpm_desktop.storage.backup import RetentionPolicy
from kpm_desktop.workspace.customer_commands import (
    customer_data,
    set_no_need_reasons,
    set_stale_months,
)
from kpm_desktop.workspace.workspace import Workspace


class SettingsDialog(QDialog):
    """Signals:
    manage_requested: "competitors" or "products" — the window opens that dialog.
    """

    manage_requested = Signal(str)

    def __init__(
        self, settings: QSettings, workspace: Workspace | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._ws = workspace
        self._initial = Preferences.load(settings)
        self.setWindowTitle(self.tr("Settings"))
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs)

        # -- general --------------------------------------------------------------------
        general = QWidget()
        form = QFormLayout(general)
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language"))
        for code, text in (
            ("system", self.tr("As the system")),
            ("de", "Deutsch"),
            ("en", "English"),
        ):
            self.language.addItem(text, code)
        self.language.setCurrentIndex(max(0, self.language.findData(self._initial.language)))
        form.addRow(self._label(self.tr("&Language:"), self.language), self.language)
        note = QLabel(self.tr("A new language takes effect when KPM Desktop is restarted."))
        note.setWordWrap(True)
        form.addRow("", note)
        self.stale_months = QSpinBox()
        self.stale_months.setRange(1, 120)
        self.stale_months.setSuffix(self.tr(" months"))
        self.stale_months.setAccessibleName(self.tr("Stale after months"))
        self.stale_months.setToolTip(
            self.tr("Cells not verified for longer are drawn faded and listed for the next visit")
        )
        form.addRow(
            self._label(self.tr("Cells are &stale after:"), self.stale_months), self.stale_months
        )
        self.tabs.addTab(general, self.tr("General"))

        # -- export ---------------------------------------------------------------------
        export = QWidget()
        form = QFormLayout(export)
        self.paper = QComboBox()
        self.paper.addItem("A4", "A4")
        self.paper.addItem("A3", "A3")
        self.paper.setCurrentIndex(max(0, self.paper.findData(self._initial.paper)))
        form.addRow(self._label(self.tr("Default &paper size:"), self.paper), self.paper)
        self.orientation = QComboBox()
        self.orientation.addItem(self.tr("Landscape"), "landscape")
        self.orientation.addItem(self.tr("Portrait"), "portrait")
        self.orientation.setCurrentIndex(
            max(0, self.orientation.findData(self._initial.orientation))
        )
        form.addRow(
            self._label(self.tr("Default &orientation:"), self.orientation), self.orientation
        )
        self.customer_safe = QCheckBox(
            self.tr("Start exports in customer-safe mode (no competitors, amounts or notes)")
        )
        self.customer_safe.setChecked(self._initial.customer_safe)
        form.addRow("", self.customer_safe)
        self.tabs.addTab(export, self.tr("Export"))

        # -- backups --------------------------------------------------------------------
        backups = QWidget()
        form = QFormLayout(backups)
        r = self._initial.retention
        self.recent_hours = self._spin(
            0, 720, int(r.recent.total_seconds() // 3600), self.tr(" hours")
        )
        self.daily = self._spin(0, 365, r.daily, self.tr(" days"))
        self.weekly = self._spin(0, 260, r.weekly, self.tr(" weeks"))
        self.monthly = self._spin(0, 240, r.monthly, self.tr(" months"))
        explain = QLabel(
            self.tr(
                "Backups are taken automatically while you edit and before imports and restores. "
                "Older ones are thinned out: all from the last hours, then one per day, per week "
                "and per month."
            )
        )
        explain.setWordWrap(True)
        form.addRow(explain)
        form.addRow(
            self._label(self.tr("Keep &all from the last:"), self.recent_hours), self.recent_hours
        )
        form.addRow(self._label(self.tr("Then one per &day for:"), self.daily), self.daily)
        form.addRow(self._label(self.tr("Then one per &week for:"), self.weekly), self.weekly)
        form.addRow(self._label(self.tr("Then one per &month for:"), self.monthly), self.monthly)
        self.tabs.addTab(backups, self.tr("Backups"))

        # -- lists of this file ----------------------------------------------------------
        lists = QWidget()
        lists_layout = QVBoxLayout(lists)
        reasons_label = QLabel(self.tr("Reasons for \u201cno need\u201d (one per line):"))
        self.reasons = QPlainTextEdit()
        self.reasons.setAccessibleName(self.tr("Reasons for no need"))
        self.reasons.setTabChangesFocus(True)  # Tab moves on: no keyboard trap
        reasons_label.setBuddy(self.reasons)
        lists_layout.addWidget(reasons_label)
        lists_layout.addWidget(self.reasons, 1)
        self.competitors_button = QPushButton(self.tr("Edit &competitors…"))
        self.products_button = QPushButton(self.tr("Edit products and product &groups…"))
        self.competitors_button.clicked.connect(lambda: self._manage("competitors"))
        self.products_button.clicked.connect(lambda: self._manage("products"))
        lists_layout.addWidget(self.competitors_button)
        lists_layout.addWidget(self.products_button)
        self.tabs.addTab(lists, self.tr("Lists of this file"))

        self._initial_months = 12
        self._initial_reasons: list[str] = []
        if workspace is not None:
            data = customer_data(workspace)
            self._initial_months = data.stale_months()
            self._initial_reasons = data.no_need_reasons()
        self.stale_months.setValue(self._initial_months)
        self.reasons.setPlainText("\n".join(self._initial_reasons))
        editable = workspace is not None and not workspace.read_only
        for widget in (
            self.stale_months,
            self.reasons,
            self.competitors_button,
            self.products_button,
        ):
            widget.setEnabled(editable)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def _spin(self, low: int, high: int, value: int, suffix: str) -> QSpinBox:
        box = QSpinBox()
        box.setRange(low, high)
        box.setValue(value)
        box.setSuffix(suffix)
        return box

    def _manage(self, what: str) -> None:
        self.manage_requested.emit(what)

    def preferences(self) -> Preferences:
        return Preferences(
            language=str(self.language.currentData()),
            paper=str(self.paper.currentData()),
            orientation=str(self.orientation.currentData()),
            customer_safe=self.customer_safe.isChecked(),
            retention=RetentionPolicy(
                recent=timedelta(hours=self.recent_hours.value()),
                daily=self.daily.value(),
                weekly=self.weekly.value(),
                monthly=self.monthly.value(),
            ),
        )

    def language_changed(self) -> bool:
        return self.preferences().language != self._initial.language

    def accept(self) -> None:  # QDialog.accept override: store what changed
        self.preferences().save(self._settings)
        ws = self._ws
        if ws is not None and not ws.read_only:
            if self.stale_months.value() != self._initial_months:
                set_stale_months(ws, self.stale_months.value())
            reasons = [
                line.strip() for line in self.reasons.toPlainText().splitlines() if line.strip()
            ]
            if reasons != self._initial_reasons:
                set_no_need_reasons(ws, reasons)
        super().accept()
