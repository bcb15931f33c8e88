"""Imports in tests: a sales list as an ERP exports it, and planning/applying an import the way
``kpm import`` does (read the source, plan against the file, apply in one transaction)."""

from __future__ import annotations

from pathlib import Path

from kpm_desktop.import_export.apply import apply_plan
from kpm_desktop.import_export.plans import Target, build_plan, read_source
from kpm_desktop.storage.repository import Repository

# Windows-1252, semicolons, decimal commas, a title line: a German ERP's sales export.
SALES_CP1252 = (
    "Umsatzliste Gebiet Nord\r\n"
    "\r\n"
    "Kd.-Nr.;Firma;Artikelnr.;Bezeichnung;Umsatz netto;Belegdatum\r\n"
    "1001;Müller Maschinenbau GmbH;101;Servomotoren;1.234,56;31.12.2025\r\n"
    "1001;Müller Maschinenbau GmbH;101;Servomotoren;765,44;15.01.2026\r\n"
    "01002;Schäfer Chemie;103;Getriebe;2.000,00;01.02.2026\r\n"
    ";Weber & Söhne;102;Frequenzumrichter;99,90;01.02.2026\r\n"
    "2001;Bäckerei Groß e.K.;104;Kühlaggregate;10,00;03.02.2026\r\n"
)


def plan_for(kpm: Path, source: Path, kind: str, **kw):
    src = read_source(source, kind, sheet=kw.pop("sheet", None))
    with Repository.open(kpm, read_only=True) as repo:
        return build_plan(src, Target.from_repository(repo), **kw)


def run_import(kpm: Path, source: Path, kind: str, **kw):
    src = read_source(source, kind, sheet=kw.pop("sheet", None))
    with Repository.open(kpm) as repo:
        plan = build_plan(src, Target.from_repository(repo), **kw)
        applied = apply_plan(repo, plan)
    return plan, applied
