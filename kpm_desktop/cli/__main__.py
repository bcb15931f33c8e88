import sys

from kpm_desktop.cli import main

sys.exit(main())
