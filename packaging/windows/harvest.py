"""Write the WiX fragment that installs every file of the PyInstaller folder.

WiX v4 has no built-in folder harvesting (heat.exe is deprecated), so this lists
the files itself: one component per file, with ids derived from the file's path,
so the same file keeps the same component across versions (clean major upgrades).

    python packaging/windows/harvest.py dist/kaizen-exchange build/windows/AppFiles.wxs
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from xml.sax.saxutils import quoteattr

#: Given fixed ids, so kaizen-exchange.wxs can point shortcuts at them.
FIXED_IDS = {
    "Kaizen Exchange.exe": "MainExe",
    "kaizen-exchange.exe": "CliExe",
}


def _id(prefix: str, relative: str) -> str:
    return prefix + hashlib.sha1(relative.lower().encode("utf-8")).hexdigest()[:24]


def fragment(app: Path) -> str:
    directories: dict[str, list[str]] = {}  # relative dir -> child dirs
    lines = ['<Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">', "  <Fragment>"]
    components = []
    for path in sorted(p for p in app.rglob("*") if p.is_file()):
        relative = path.relative_to(app).as_posix()
        parent = path.parent.relative_to(app).as_posix()
        directories.setdefault(parent, [])
        directory = "INSTALLFOLDER" if parent == "." else _id("d", parent)
        file_id = FIXED_IDS.get(relative, _id("f", relative))
        source = quoteattr("!(bindpath.App)\\" + relative.replace("/", "\\"))
        components.append(
            f'      <Component Id="{_id("c", relative)}" Directory="{directory}"'
            ' Bitness="always64">'
            f'<File Id="{file_id}" Source={source} KeyPath="yes" /></Component>'
        )
    for folder in sorted(directories):  # make sure every ancestor is declared
        parts = folder.split("/")
        for depth in range(1, len(parts)):
            directories.setdefault("/".join(parts[:depth]), [])
    for folder in sorted(d for d in directories if d != "."):
        parent = folder.rsplit("/", 1)[0] if "/" in folder else "."
        parent_id = "INSTALLFOLDER" if parent == "." else _id("d", parent)
        name = quoteattr(folder.rsplit("/", 1)[-1])
        lines.append(
            f'    <DirectoryRef Id="{parent_id}"><Directory Id="{_id("d", folder)}" Name={name} />'
            "</DirectoryRef>"
        )
    lines.append('    <ComponentGroup Id="AppFiles">')
    lines += components
    lines += ["    </ComponentGroup>", "  </Fragment>", "</Wix>", ""]
    return "\n".join(lines)


def main() -> int:
    app, out = Path(sys.argv[1]), Path(sys.argv[2])
    if not (app / "_internal").is_dir():
        raise SystemExit(f"{app} is not a PyInstaller one-folder build")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(fragment(app), encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
