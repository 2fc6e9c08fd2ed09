"""Make the raster app icons (PNG, ICO, ICNS) from resources/icons/app-icon.svg.

Run at build time by the platform scripts when the files are missing, or by hand
after editing the SVG. Qt (already a dependency) draws the SVG; Pillow, needed only
here, writes the Windows .ico and macOS .icns containers.

    .venv/bin/python packaging/make_icons.py [--force]
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "app-icon.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
OUTPUTS = ("app-icon.png", "app-icon.ico", "app-icon.icns")


def render(size: int) -> bytes:
    """The SVG drawn at ``size`` × ``size`` pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="remake files that exist")
    args = parser.parse_args()
    if not args.force and all((ICONS / name).exists() for name in OUTPUTS):
        return 0
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication(sys.argv[:1])  # Qt's painting needs an application object
    images = {size: Image.open(io.BytesIO(render(size))).convert("RGBA") for size in SIZES}
    images[256].save(ICONS / "app-icon.png")
    ico_sizes = [(s, s) for s in SIZES if s <= 256]
    images[256].save(ICONS / "app-icon.ico", sizes=ico_sizes)
    others = [images[s] for s in SIZES if s in (16, 32, 64, 128, 256, 512)]
    images[1024].save(ICONS / "app-icon.icns", append_images=others)
    for name in OUTPUTS:
        print(f"wrote {ICONS / name} ({(ICONS / name).stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
