"""Dialogs of the Team menu: join a team, set one up, add a user, list users, review conflicts."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDateTime,
    QEvent,
    QLocale,
    QObject,
    Qt,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kpm_desktop.domain.marks import Mark
from kpm_desktop.gui.palette import style_error_label

URL_HINT = "postgresql://server/team?sslmode=verify-full"


class JoinTeamDialog(QDialog):
    """Team › Join a Team…: server address, user, password (kept in the OS store), new file."""

    def __init__(self, parent: QWidget | None, folder: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("TeamDialogs", "Join a Team"))
        self.url = QLineEdit(self)
        self.url.setObjectName("team_url")
        self.url.setPlaceholderText(URL_HINT)
        self.user = QLineEdit(self)
        self.user.setObjectName("team_user")
        self.password = QLineEdit(self)
        self.password.setObjectName("team_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.file = QLineEdit(str(Path(folder) / "team.kpm"), self)
        self.file.setObjectName("team_file")
        browse = QPushButton(QCoreApplication.translate("TeamDialogs", "&Browse…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("TeamDialogs", "&Server address:"), self.url)
        form.addRow(QCoreApplication.translate("TeamDialogs", "&User name:"), self.user)
        form.addRow(QCoreApplication.translate("TeamDialogs", "&Password:"), self.password)
        form.addRow(QCoreApplication.translate("TeamDialogs", "New &matrix file:"), row)
        for label, buddy in (
            (form.labelForField(self.url), self.url),
            (form.labelForField(self.user), self.user),
            (form.labelForField(self.password), self.password),
            (form.labelForField(row), self.file),  # else the label shows "&" (a layout row)
        ):
            if isinstance(label, QLabel):
                label.setBuddy(buddy)
        hint = QLabel(
            QCoreApplication.translate(
                "TeamDialogs",
                "Your local copy holds the customers of your territory. The password goes to "
                "the system's password store (or leave it empty to use your .pgpass file); it "
                "is never stored in the matrix file.",
            ),
            self,
        )
        hint.setWordWrap(True)
        self.problem = QLabel(self)
        self.problem.setObjectName("team_join_problem")
        self.problem.setWordWrap(True)
        style_error_label(self.problem)
        self.problem.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def accept(self) -> None:
        """Stay open, with a line saying what is missing, until address and file are given."""
        missing = None
        if not self.url.text().strip():
            missing = (
                self.url,
                QCoreApplication.translate(
                    "TeamDialogs", "Enter the team server's address (your manager has it)."
                ),
            )
        elif not self.file.text().strip():
            missing = (
                self.file,
                QCoreApplication.translate(
                    "TeamDialogs", "Choose where to keep your copy of the team matrix."
                ),
            )
        if missing is not None:
            field, text = missing
            self.problem.setText(text)
            self.problem.show()
            self.adjustSize()  # grow for the line instead of squeezing the fields
            field.setFocus()
            return
        self.problem.hide()
        super().accept()

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("TeamDialogs", "New matrix file"),
            self.file.text(),
            QCoreApplication.translate("TeamDialogs", "KPM matrix files (*.kpm)"),
        )
        if path:
            self.file.setText(path)


class SetUpTeamDialog(QDialog):
    """Team › Set Up a Team…: the empty PostgreSQL database that becomes the team server."""

    def __init__(self, parent: QWidget | None, file_name: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("TeamDialogs", "Set Up a Team"))
        self.url = QLineEdit(self)
        self.url.setObjectName("team_setup_url")
        self.url.setPlaceholderText(URL_HINT)
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("TeamDialogs", "&Server address:"), self.url)
        label = form.labelForField(self.url)
        if isinstance(label, QLabel):
            label.setBuddy(self.url)
        text = QLabel(
            QCoreApplication.translate(
                "TeamDialogs",
                "Creates the team schema in an empty PostgreSQL database (or upgrades it) and "
                "uploads %1 as the team matrix. You need the database owner's login; the "
                "password comes from your .pgpass file or the system's password store.",
            ).replace("%1", file_name),
            self,
        )
        text.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.problem = QLabel(self)
        self.problem.setObjectName("team_setup_problem")
        self.problem.setWordWrap(True)
        style_error_label(self.problem)
        self.problem.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def accept(self) -> None:
        """Stay open until an address is given (an empty one would try this computer)."""
        if not self.url.text().strip():
            self.problem.setText(
                QCoreApplication.translate(
                    "TeamDialogs", "Enter the team server's address (your manager has it)."
                )
            )
            self.problem.show()
            self.adjustSize()
            self.url.setFocus()
            return
        super().accept()


class AddUserDialog(QDialog):
    """Team › Add User…: login name, role and territory (regions, owners)."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("TeamDialogs", "Add a Team Member"))
        self.name = QLineEdit(self)
        self.name.setObjectName("team_new_user")
        self.role = QComboBox(self)
        self.role.setObjectName("team_role")
        for role, text in (
            ("rep", QCoreApplication.translate("TeamDialogs", "Rep (own territory)")),
            ("manager", QCoreApplication.translate("TeamDialogs", "Manager (everything)")),
            ("viewer", QCoreApplication.translate("TeamDialogs", "Viewer (read only)")),
        ):
            self.role.addItem(text, role)
        self.regions = QLineEdit(self)
        self.regions.setObjectName("team_regions")
        self.regions.setPlaceholderText(QCoreApplication.translate("TeamDialogs", "e.g. Nord, Ost"))
        self.owners = QLineEdit(self)
        self.owners.setObjectName("team_owners")
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("TeamDialogs", "&User name:"), self.name)
        form.addRow(QCoreApplication.translate("TeamDialogs", "&Role:"), self.role)
        form.addRow(QCoreApplication.translate("TeamDialogs", "Re&gions:"), self.regions)
        form.addRow(QCoreApplication.translate("TeamDialogs", "&Owners:"), self.owners)
        for field in (self.name, self.role, self.regions, self.owners):
            label = form.labelForField(field)
            if isinstance(label, QLabel):
                label.setBuddy(field)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    @staticmethod
    def split(text: str) -> tuple[str, ...]:
        return tuple(part.strip() for part in text.split(",") if part.strip())


def role_text(role: str) -> str:
    return {
        "rep": QCoreApplication.translate("TeamDialogs", "Rep"),
        "manager": QCoreApplication.translate("TeamDialogs", "Manager"),
        "viewer": QCoreApplication.translate("TeamDialogs", "Viewer"),
    }.get(role, role)


class UsersDialog(QDialog):
    def __init__(self, parent: QWidget | None, users: list) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("TeamDialogs", "Team Members"))
        table = QTableWidget(len(users), 3, self)
        table.setObjectName("team_users")
        table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("TeamDialogs", "User"),
                QCoreApplication.translate("TeamDialogs", "Role"),
                QCoreApplication.translate("TeamDialogs", "Territory"),
            ]
        )
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, u in enumerate(users):
            territory = ", ".join([*u.regions, *u.owners]) or QCoreApplication.translate(
                "TeamDialogs", "everything"
            )
            for col, text in enumerate((u.name, role_text(u.role), territory)):
                table.setItem(row, col, QTableWidgetItem(text))
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.table = table


_FIELD_NAMES = {
    "mark": QT_TRANSLATE_NOOP("TeamFields", "Mark"),
    "competitor": QT_TRANSLATE_NOOP("TeamFields", "Competitor"),
    "our_revenue": QT_TRANSLATE_NOOP("TeamFields", "Our revenue"),
    "potential": QT_TRANSLATE_NOOP("TeamFields", "Potential"),
    "contract_end": QT_TRANSLATE_NOOP("TeamFields", "Contract end"),
    "no_need_reason": QT_TRANSLATE_NOOP("TeamFields", "Reason"),
    "recheck_at": QT_TRANSLATE_NOOP("TeamFields", "Re-check"),
    "note": QT_TRANSLATE_NOOP("TeamFields", "Note"),
    "name": QT_TRANSLATE_NOOP("TeamFields", "Name"),
    "number": QT_TRANSLATE_NOOP("TeamFields", "Number"),
    "segment": QT_TRANSLATE_NOOP("TeamFields", "Segment"),
    "region": QT_TRANSLATE_NOOP("TeamFields", "Region"),
    "owner": QT_TRANSLATE_NOOP("TeamFields", "Owner"),
    "city": QT_TRANSLATE_NOOP("TeamFields", "City"),
    "postcode": QT_TRANSLATE_NOOP("TeamFields", "Postcode"),
    "street": QT_TRANSLATE_NOOP("TeamFields", "Street"),
    "phone": QT_TRANSLATE_NOOP("TeamFields", "Phone"),
    "abc_class": QT_TRANSLATE_NOOP("TeamFields", "ABC class"),
    "annual_revenue": QT_TRANSLATE_NOOP("TeamFields", "Annual revenue"),
    "tags": QT_TRANSLATE_NOOP("TeamFields", "Tags"),
    "active": QT_TRANSLATE_NOOP("TeamFields", "Active"),
    "text": QT_TRANSLATE_NOOP("TeamFields", "Text"),
    "title": QT_TRANSLATE_NOOP("TeamFields", "Title"),
    "status": QT_TRANSLATE_NOOP("TeamFields", "Status"),
    "due_date": QT_TRANSLATE_NOOP("TeamFields", "Due date"),
}


def _mark_text(code: object) -> str:
    names = {
        Mark.OURS: QCoreApplication.translate("TeamDialogs", "ours (X)"),
        Mark.COMPETITOR: QCoreApplication.translate("TeamDialogs", "competitor"),
        Mark.NEED: QCoreApplication.translate("TeamDialogs", "need"),
        Mark.NO_NEED: QCoreApplication.translate("TeamDialogs", "no need"),
    }
    if not isinstance(code, int | float | str):  # a JSON value from the server: None, ...
        return QCoreApplication.translate("TeamDialogs", "white spot")
    try:
        return names[Mark(int(code))]
    except (TypeError, ValueError, KeyError):
        return QCoreApplication.translate("TeamDialogs", "white spot")


def describe_value(fields: list[str], value: dict | None, kind: str) -> str:
    """The conflicting fields of one version, for people ('Mark: need')."""
    if value is None:
        return (
            QCoreApplication.translate("TeamDialogs", "white spot")
            if kind == "cell"
            else QCoreApplication.translate("TeamDialogs", "deleted")
        )
    shown = fields if fields != ["*"] else [f for f in value if f in _FIELD_NAMES][:4]
    parts = []
    for f in shown:
        v = value.get(f)
        if f == "mark":
            text = _mark_text(v)
        elif v is None or v == "":
            text = "–"
        elif isinstance(v, list):
            text = ", ".join(map(str, v))
        else:
            text = str(v)
        name = QCoreApplication.translate(
            "TeamFields", str(_FIELD_NAMES.get(f, f))
        )  # i18n: dynamic
        parts.append(name + ": " + text)
    return "; ".join(parts)


def _local_time(stamp: str) -> str:
    """An ISO UTC time from the server as the user's local date and time."""
    if not stamp:
        return ""
    try:
        when = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    moment = QDateTime.fromSecsSinceEpoch(int(when.timestamp()))
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)


class ConflictDialog(QDialog):
    """Team › Review Conflicts…: both versions side by side; keep mine or take theirs."""

    def __init__(self, parent: QWidget | None, controller) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(QCoreApplication.translate("TeamDialogs", "Review Conflicts"))
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("team_conflicts")
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("TeamDialogs", "What"),
                QCoreApplication.translate("TeamDialogs", "Changed by"),
                QCoreApplication.translate("TeamDialogs", "When"),
                QCoreApplication.translate("TeamDialogs", "Mine"),
                QCoreApplication.translate("TeamDialogs", "Theirs"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # one line per conflict: a long value ends in "…" (its tooltip holds all of it), and
        # the columns share the width so that every title stays readable (_fit_columns)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.viewport().installEventFilter(self)
        self.keep_mine = QPushButton(QCoreApplication.translate("TeamDialogs", "&Keep Mine"), self)
        self.keep_mine.setObjectName("conflict_keep_mine")
        self.take_theirs = QPushButton(
            QCoreApplication.translate("TeamDialogs", "&Take Theirs"), self
        )
        self.take_theirs.setObjectName("conflict_take_theirs")
        self.all_mine = QPushButton(
            QCoreApplication.translate("TeamDialogs", "Keep &All Mine"), self
        )
        self.all_mine.setObjectName("conflict_all_mine")
        self.all_theirs = QPushButton(
            QCoreApplication.translate("TeamDialogs", "Take All T&heirs"), self
        )
        self.all_theirs.setObjectName("conflict_all_theirs")
        self.keep_mine.clicked.connect(lambda: self._resolve("mine", selected=True))
        self.take_theirs.clicked.connect(lambda: self._resolve("theirs", selected=True))
        self.all_mine.clicked.connect(lambda: self._resolve("mine", selected=False))
        self.all_theirs.clicked.connect(lambda: self._resolve("theirs", selected=False))
        row = QHBoxLayout()
        for b in (self.keep_mine, self.take_theirs, self.all_mine, self.all_theirs):
            row.addWidget(b)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.refresh()
        self._open_size()

    def refresh(self) -> None:
        conflicts = self.controller.conflicts()
        self.intro.setText(
            self.tr(
                "%n item(s) changed here and by a colleague. Until you decide, your version "
                "stays in the matrix.",
                "",
                len(conflicts),
            )
            if conflicts
            else QCoreApplication.translate("TeamDialogs", "No open conflicts.")
        )
        self.table.setRowCount(len(conflicts))
        for row, (c, label) in enumerate(conflicts):
            who = c.their_author
            mine = describe_value(c.fields, c.mine, c.kind)
            theirs = describe_value(c.fields, c.theirs, c.kind)
            if c.reason == "denied":
                who = QCoreApplication.translate("TeamDialogs", "(your role may not change this)")
            elif c.reason == "left_territory":
                who = QCoreApplication.translate("TeamDialogs", "(left your territory)")
                mine = QCoreApplication.translate(
                    "TeamDialogs", "keep a local copy (no longer synced)"
                )
                theirs = QCoreApplication.translate("TeamDialogs", "remove from this file")
            values = (label, who, _local_time(c.their_at), mine, theirs)
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, c.id)
                item.setToolTip(text)
                self.table.setItem(row, col, item)
        for b in (self.keep_mine, self.take_theirs, self.all_mine, self.all_theirs):
            b.setEnabled(bool(conflicts))
        if conflicts and not self.table.selectedItems():
            self.table.selectRow(0)
        self._fit_columns()

    # -- column widths -------------------------------------------------------------------------
    def _widths(self) -> tuple[list[int], list[int]]:
        """Per column: the least width (its title in full) and the wanted one (its contents,
        up to about 44 characters)."""
        header = self.table.horizontalHeader()
        cap = self.table.fontMetrics().averageCharWidth() * 44
        least, wanted = [], []
        for col in range(self.table.columnCount()):
            title = header.sectionSizeHint(col)
            least.append(title)
            wanted.append(max(title, min(self.table.sizeHintForColumn(col), cap)))
        return least, wanted

    def _frame_width(self) -> int:
        """What the table needs besides its columns: row numbers, frame, scroll bar."""
        return (
            self.table.verticalHeader().sizeHint().width()
            + 2 * self.table.frameWidth()
            + self.table.verticalScrollBar().sizeHint().width()
        )

    def _fit_columns(self) -> None:
        """Share the table's width: every column gets at least its title; what is left goes
        to the contents, and any room beyond that to "Mine" and "Theirs"."""
        least, wanted = self._widths()
        self.table.setMinimumWidth(sum(least) + self._frame_width())
        room = self.table.viewport().width()
        if room <= 0:
            return
        if sum(wanted) <= room:
            widths = list(wanted)
            extra = room - sum(wanted)
            widths[-2] += extra // 2
            widths[-1] += extra - extra // 2
        else:
            spare = max(0, room - sum(least))
            above = sum(wanted) - sum(least)
            widths = [
                lo + (want - lo) * spare // above for lo, want in zip(least, wanted, strict=True)
            ]
        header = self.table.horizontalHeader()
        for col, width in enumerate(widths):
            if header.sectionSize(col) != width:
                header.resizeSection(col, width)

    def _open_size(self) -> None:
        """Wide enough for every column's contents (up to the cap), within the screen."""
        _least, wanted = self._widths()
        layout = self.layout()
        sides = 0 if layout is None else layout.contentsMargins().left() * 2
        width = max(900, sum(wanted) + self._frame_width() + sides)
        screen = (self.parentWidget() or self).screen()
        if screen is not None:
            width = min(width, screen.availableGeometry().width() - 40)
        self.resize(max(width, self.minimumSizeHint().width()), 420)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_columns()  # the table has its real width now

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _resolve(self, choice: str, selected: bool) -> None:
        if selected:
            ids = sorted(
                {
                    str(i.siblingAtColumn(0).data(Qt.ItemDataRole.UserRole))
                    for i in self.table.selectedIndexes()
                }
            )
            choices = {i: choice for i in ids}
        else:
            choices = {"all": choice}
        if choices:
            self.controller.resolve(choices)
        self.refresh()
