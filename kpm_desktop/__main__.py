"""``python -m kpm_desktop`` starts the GUI (``python -m kpm_desktop.cli`` is the CLI)."""

import sys

from kpm_desktop.app import main

sys.exit(main())
