"""dmgbuild settings for the macOS disk image of KPM Desktop (drag the app onto Applications).

Run from the repository root on macOS after PyInstaller built ``dist/KPM Desktop.app``
(see .github/workflows/release.yml)::

    dmgbuild -s packaging/macos/dmg_settings.py -D app="dist/KPM Desktop.app" \
        "KPM Desktop" dist/KPM-Desktop-<version>.dmg

dmgbuild executes this file with ``defines`` (the ``-D`` values) in its namespace.
"""

import os.path

defines = globals().get("defines", {})  # injected by dmgbuild
root = defines.get("root", ".")

application = defines.get("app", os.path.join(root, "dist", "KPM Desktop.app"))
appname = os.path.basename(application)

# Compressed, read-only image; opens on every supported macOS (the app needs 11.0).
format = defines.get("format", "UDZO")
filesystem = "HFS+"
size = None  # computed from the contents

files = [application]
symlinks = {"Applications": "/Applications"}
icon = os.path.join(root, "kpm_desktop", "data", "icons", "kpm-desktop.icns")  # volume icon

# The window a user sees after double-clicking the .dmg: the app on the left, an arrow,
# Applications on the right.
background = "builtin-arrow"
window_rect = ((200, 120), (640, 320))
default_view = "icon-view"
show_status_bar = False
show_tab_view = False
show_toolbar = False
show_pathbar = False
show_sidebar = False
show_icon_preview = False
include_icon_view_settings = "auto"
include_list_view_settings = "auto"
arrange_by = None
grid_offset = (0, 0)
grid_spacing = 100
label_pos = "bottom"
text_size = 14
icon_size = 128
icon_locations = {appname: (160, 150), "Applications": (480, 150)}
