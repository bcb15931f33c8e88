"""Render the app icon from ``kpm_desktop/data/icons/kpm-desktop.svg`` into every format the installers need.

Writes ``kpm_desktop/data/icons/png/kpm-desktop-<N>.png`` (Linux hicolor theme sizes and the window icon),
``kpm_desktop/data/icons/kpm-desktop.ico`` (Windows exe, installer and file association) and
``kpm_desktop/data/icons/kpm-desktop.icns`` (macOS bundle). Qt's SVG renderer draws the PNGs; the .ico and
.icns containers are written here in plain Python (both just wrap PNG payloads), so the build needs
no Pillow and no platform tools. The outputs are committed; re-run after editing the SVG::

    QT_QPA_PLATFORM=offscreen python packaging/make_icons.py
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICON_DIR = ROOT / "kpm_desktop" / "data" / "icons"
SVG = ICON_DIR / "kpm-desktop.svg"
PNG_DIR = ICON_DIR / "png"
ICO = ICON_DIR / "kpm-desktop.ico"
ICNS = ICON_DIR / "kpm-desktop.icns"

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types holding PNG data, by pixel size (Apple's "iconutil" picks the same ones).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),  # 512 @2x
    (b"ic11", 32),  # 16 @2x
    (b"ic12", 64),  # 32 @2x
    (b"ic13", 256),  # 128 @2x
    (b"ic14", 512),  # 256 @2x
)


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """Return a Windows .ico holding one PNG-compressed image per size (Vista and later)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, payload = b"", b""
    for size in sizes:
        data = pngs[size]
        dim = 0 if size >= 256 else size  # 0 means 256 in the directory entry
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset + len(payload))
        payload += data
    return header + entries + payload


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """Return a macOS .icns whose elements are the PNGs for ``ICNS_TYPES``."""
    body = b""
    for ostype, size in ICNS_TYPES:
        data = pngs[size]
        body += ostype + struct.pack(">I", 8 + len(data)) + data
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def render_pngs(svg: Path = SVG, sizes: tuple[int, ...] = PNG_SIZES) -> dict[int, bytes]:
    """Render ``svg`` to PNG bytes at each size with Qt's SVG renderer."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: cannot read {svg}")
    out: dict[int, bytes] = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        out[size] = bytes(data.data())
    return out


def main() -> int:
    pngs = render_pngs()
    PNG_DIR.mkdir(parents=True, exist_ok=True)
    for size, data in pngs.items():
        (PNG_DIR / f"kpm-desktop-{size}.png").write_bytes(data)
    ICO.write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    ICNS.write_bytes(icns_bytes(pngs))
    print(f"make_icons: wrote {len(pngs)} PNGs, {ICO.name}, {ICNS.name} under {ICON_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
