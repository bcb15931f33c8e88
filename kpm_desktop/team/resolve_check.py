"""Refuse a bad ``--resolve`` before anything is written (``kpm sync`` and ``kpm merge``).

``conflicts.resolve`` refuses an unknown conflict id and "mine" for a change the role may not
make, but it runs after the file was opened for writing (and, in ``kpm merge``, after the
merge was committed). Checking the choices against the file's open conflicts on a read-only
open first leaves the file byte-identical on bad input. Each command names its own way to
list the ids: ``kpm sync FILE --json`` for a team file, ``kpm merge MINE THEIRS --json`` for
a merge (a file that is not in a team cannot be synced at all).
"""

from __future__ import annotations

from kpm_desktop.storage.repository import Repository
from kpm_desktop.team.conflicts import (
    ResolveError,
    chosen_conflicts,
    list_conflicts,
    refuse_mine,
)


def check_resolutions(
    repo: Repository, choices: dict[str, str], merge: tuple[str, str] | None = None
) -> None:
    """Raise the ``ResolveError`` that resolving ``choices`` in ``repo`` would raise.

    merge: (MINE, THEIRS) as the user typed them, for ``kpm merge``; conflicts the merge is
    about to add are new, so only ``all=…`` can settle them in the same run.
    """
    conflicts = list_conflicts(repo)
    known = {str(c.id) for c in conflicts}
    for ident in choices:
        if ident != "all" and ident not in known:
            if merge is not None:
                raise ResolveError("no_merge_conflict", id=ident, mine=merge[0], theirs=merge[1])
            raise ResolveError("no_conflict", id=ident)
    refuse_mine(chosen_conflicts(conflicts, choices))


def has_merge_conflicts(repo: Repository) -> bool:
    """Open conflicts from ``kpm merge`` (a file outside a team settles them there)."""
    return any(c.reason == "merge" for c in list_conflicts(repo))
