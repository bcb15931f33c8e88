"""A field to choose a customer's key account (parent customer): type to search, or pick.

Used by the side panel's master data and the customer editor of Data › Customers…. The
choices are the customers that are not sites themselves (one level of key accounts); the
list is one ``QStringListModel`` built in a single call, so 20,000 customers cost no
per-item Python work.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from kpm_desktop.domain.entities import Customer
from kpm_desktop.domain.key_accounts import link_problem


def customer_label(c: Customer) -> str:
    return f"{c.name} ({c.number})" if c.number else c.name


def link_problem_text(key: str) -> str:
    """One translated line for a ``link_problem`` key."""
    texts = {
        "self": QCoreApplication.translate(
            "KeyAccountPicker", "A customer cannot be its own key account."
        ),
        "parent_is_site": QCoreApplication.translate(
            "KeyAccountPicker",
            "The chosen key account is a site of another key account itself; "
            "choose its key account instead (one level only).",
        ),
        "child_has_sites": QCoreApplication.translate(
            "KeyAccountPicker",
            "This customer is a key account with sites of its own and cannot be a site; "
            "remove its sites' links first.",
        ),
        "unknown": QCoreApplication.translate(
            "KeyAccountPicker",
            "No customer has that name: pick the key account from the list, or leave the "
            "field empty.",
        ),
    }
    return texts[key]


class KeyAccountPicker(QComboBox):
    """Editable combo of possible key accounts; ``parent_uuid()`` is the choice."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self._model = QStringListModel(self)
        self.setModel(self._model)
        completer = QCompleter(self._model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        edit = self.lineEdit()
        assert edit is not None  # an editable combo has its line edit
        edit.setPlaceholderText(
            QCoreApplication.translate("KeyAccountPicker", "none – type to search")
        )
        self._uuids: list[str] = []
        self._customers: list[Customer] = []
        self._dangling = ""

    def set_customers(self, customers: Sequence[Customer]) -> None:
        """All customers of the file; the choices are those that are not sites."""
        self._customers = list(customers)
        known = {c.uuid for c in customers}
        choices = sorted(
            (c for c in customers if not (c.parent_uuid and c.parent_uuid in known)),
            key=lambda c: c.name.casefold(),
        )
        self._uuids = ["", *(c.uuid for c in choices)]
        self._model.setStringList(["", *(customer_label(c) for c in choices)])

    def set_parent_uuid(self, uuid: str) -> None:
        self._dangling = ""
        try:
            index = self._uuids.index(uuid)
        except ValueError:
            index = 0
            # A link to a customer that is not in this file (e.g. another rep's territory)
            # is kept unless the user picks something else.
            self._dangling = uuid
        self.setCurrentIndex(index)
        if self._dangling:
            self.setEditText(
                QCoreApplication.translate("KeyAccountPicker", "(a customer not in this file)")
            )

    def parent_uuid(self) -> str | None:
        """The chosen key account's uuid, "" for none, None when the text names nobody."""
        text = self.currentText().strip()
        if not text:
            return ""
        if self._dangling and self.currentIndex() == 0:
            return self._dangling
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if index < 0:
            return None
        return self._uuids[index]

    def problem(self, customer: Customer) -> str | None:
        """A translated line when ``customer`` cannot take the chosen key account."""
        uuid = self.parent_uuid()
        if uuid is None:
            return link_problem_text("unknown")
        if uuid == customer.parent_uuid or uuid == self._dangling:
            return None
        key = link_problem(self._customers, customer, uuid)
        return None if key is None else link_problem_text(key)
