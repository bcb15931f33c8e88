"""The renewals tab of the insights view: competitor contracts ending soon, and their export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QFileDialog, QPushButton, QTableWidget, QTableWidgetItem

from kpm_desktop.gui import folders
from kpm_desktop.gui.insights_view.common import RIGHT_FLAG, TabMixin, _int, _money


class RenewalsTab(TabMixin):
    """Fills the renewals table, answers its clicks and exports it; part of ``InsightsView``."""

    renewal_table: QTableWidget
    export_button: QPushButton

    def _show_renewals(self) -> None:
        assert self.insights is not None and self.ws is not None
        m = self.ws.matrix
        today = self.today or date.today()
        table = self.renewal_table
        table.setRowCount(len(self.insights.renewals))
        for k, x in enumerate(self.insights.renewals):
            values = [
                QLocale().toString(x.contract_end, QLocale.FormatType.ShortFormat),  # type: ignore[call-overload]  # PySide6 converts date/datetime; its stubs list QDate/QDateTime only
                _int(x.days_left(today)),
                m.customers[x.row].name,
                m.products[x.col].name,
                x.competitor or QCoreApplication.translate("InsightsView", "(not named)"),
                "" if x.potential is None else _money(x.potential),
            ]
            for j, text in enumerate(values):
                item = QTableWidgetItem(text)
                if j in (1, 5):
                    item.setTextAlignment(RIGHT_FLAG)
                item.setData(Qt.ItemDataRole.UserRole, (x.row, x.col))
                table.setItem(k, j, item)
        table.resizeColumnsToContents()
        self.export_button.setEnabled(bool(self.insights.renewals))

    def _renewal_activated(self, row: int, column: int) -> None:
        item = self.renewal_table.item(row, 0)
        if item is not None:
            r, c = item.data(Qt.ItemDataRole.UserRole)
            self.cell_requested.emit(r, c)

    # -- export --------------------------------------------------------------------------------
    def export_renewals(self, path: Path) -> Path:
        from kpm_desktop.gui.i18n import current_language
        from kpm_desktop.import_export.insights_xlsx import write_renewals_xlsx

        assert self.ws is not None and self.insights is not None
        return write_renewals_xlsx(
            path,
            self.ws.matrix,
            self.insights.renewals,
            today=self.today or date.today(),
            language=current_language(),
        )

    def _export_renewals_dialog(self) -> None:
        if self.ws is None or self.insights is None:
            return
        suggestion = folders.start_folder(self, folders.EXPORT) / (
            self.ws.path.stem + "-renewals.xlsx"
        )
        path, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("InsightsView", "Export renewal radar"),
            str(suggestion),
            QCoreApplication.translate("InsightsView", "Excel workbook (*.xlsx)"),
        )
        if path:
            folders.remember(self, folders.EXPORT, path)
            try:
                self.export_renewals(Path(path))
            except OSError as exc:
                from PySide6.QtWidgets import QMessageBox

                from kpm_desktop.gui.feedback import os_error_message

                QMessageBox.warning(
                    self,
                    QCoreApplication.translate("InsightsView", "Export failed"),
                    os_error_message(exc),
                )
