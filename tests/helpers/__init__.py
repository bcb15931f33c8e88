"""Shared test helpers (issue 13 item 10).

Test modules import helpers from here (``from tests.helpers.files import file_hash``), never
from a ``conftest.py``: conftest files only register fixtures, and those fixtures are built
from these modules. ``tests/test_test_layout.py`` enforces both.

- ``window``: the one main-window factory (open a file, language, size, show, wait until
  exposed, message boxes recorded, clean close at teardown).
- ``keys``: keys and clicks delivered the way a user's keyboard and mouse deliver them.
- ``dialogs``: answering a modal dialog without a test ever blocking in ``exec()``.
- ``demo`` / ``files``: the deterministic demo, small matrices, file hashes and dumps.
- ``pdf``: page counts, page text and rendering of PDFs (poppler).
- ``mounts``: tmpfs mounts and full disks for the data-safety tests (root only).
- ``processes``: the real program offscreen, and Python children that hold a file open.
- ``schema``: a file as an older schema left it, for migration tests.
- ``imports``, ``key_accounts``, ``translations``, ``team``: shared steps of those tests.
"""
