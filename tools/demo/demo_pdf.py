"""A tiny PDF writer (standard library only) and the demo network's two PDF attachments.

Enough PDF for a class worksheet: A4 pages, the standard Helvetica fonts (which
every PDF viewer has, so nothing is embedded), text, filled and stroked shapes.
The output has no dates in it, so rerunning the generator gives identical bytes.
"""

from __future__ import annotations

import math
import textwrap
import zlib
from collections.abc import Sequence

RGB = tuple[float, float, float]
A4 = (595, 842)


def _pdf_string(text: str) -> str:
    """A PDF literal string in WinAnsiEncoding, with non-ASCII bytes as octal escapes."""
    out = []
    for byte in text.encode("cp1252", errors="replace"):
        char = chr(byte)
        if char in "()\\":
            out.append("\\" + char)
        elif 32 <= byte < 127:
            out.append(char)
        else:
            out.append(f"\\{byte:03o}")
    return "(" + "".join(out) + ")"


class Page:
    """Drawing operations for one page; y grows upwards from the bottom, in points."""

    def __init__(self) -> None:
        self.ops: list[str] = []

    def colour(self, fill: RGB | None = None, stroke: RGB | None = None) -> None:
        if fill is not None:
            self.ops.append("{:.3f} {:.3f} {:.3f} rg".format(*fill))
        if stroke is not None:
            self.ops.append("{:.3f} {:.3f} {:.3f} RG".format(*stroke))

    def text(
        self,
        x: float,
        y: float,
        words: str,
        size: float = 12,
        bold: bool = False,
        fill: RGB = (0.1, 0.1, 0.15),
    ) -> None:
        self.colour(fill=fill)
        face = "F2" if bold else "F1"
        self.ops.append(f"BT /{face} {size:g} Tf {x:.1f} {y:.1f} Td {_pdf_string(words)} Tj ET")

    def paragraph(
        self,
        x: float,
        y: float,
        words: str,
        size: float = 12,
        width: int = 80,
        leading: float = 1.45,
        bold: bool = False,
    ) -> float:
        """Wrapped text; returns the y below the last line."""
        for line in textwrap.wrap(words, width):
            self.text(x, y, line, size, bold)
            y -= size * leading
        return y

    def rect(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        fill: RGB | None = None,
        stroke: RGB | None = None,
        width: float = 1,
    ) -> None:
        self.colour(fill, stroke)
        self.ops.append(
            f"{width:g} w {x:.1f} {y:.1f} {w:.1f} {h:.1f} re {self._paint(fill, stroke)}"
        )

    def line(self, points: Sequence[tuple[float, float]], stroke: RGB, width: float = 1) -> None:
        self.colour(stroke=stroke)
        path = " ".join(
            f"{x:.1f} {y:.1f} {'m' if i == 0 else 'l'}" for i, (x, y) in enumerate(points)
        )
        self.ops.append(f"{width:g} w 1 J 1 j {path} S")

    def polygon(
        self,
        points: Sequence[tuple[float, float]],
        fill: RGB | None = None,
        stroke: RGB | None = None,
        width: float = 1,
    ) -> None:
        self.colour(fill, stroke)
        path = " ".join(
            f"{x:.1f} {y:.1f} {'m' if i == 0 else 'l'}" for i, (x, y) in enumerate(points)
        )
        self.ops.append(f"{width:g} w {path} h {self._paint(fill, stroke)}")

    def circle(
        self,
        cx: float,
        cy: float,
        r: float,
        fill: RGB | None = None,
        stroke: RGB | None = None,
        width: float = 1,
    ) -> None:
        k = 0.5523 * r  # four Bézier quarter circles
        self.colour(fill, stroke)
        self.ops.append(
            f"{width:g} w {cx + r:.1f} {cy:.1f} m "
            f"{cx + r:.1f} {cy + k:.1f} {cx + k:.1f} {cy + r:.1f} {cx:.1f} {cy + r:.1f} c "
            f"{cx - k:.1f} {cy + r:.1f} {cx - r:.1f} {cy + k:.1f} {cx - r:.1f} {cy:.1f} c "
            f"{cx - r:.1f} {cy - k:.1f} {cx - k:.1f} {cy - r:.1f} {cx:.1f} {cy - r:.1f} c "
            f"{cx + k:.1f} {cy - r:.1f} {cx + r:.1f} {cy - k:.1f} {cx + r:.1f} {cy:.1f} c "
            f"{self._paint(fill, stroke)}"
        )

    def arrow(
        self, start: tuple[float, float], end: tuple[float, float], colour: RGB, width: float = 3
    ) -> None:
        self.line([start, end], colour, width)
        angle = math.atan2(end[1] - start[1], end[0] - start[0])
        head = [
            end,
            (end[0] - 12 * math.cos(angle - 0.45), end[1] - 12 * math.sin(angle - 0.45)),
            (end[0] - 12 * math.cos(angle + 0.45), end[1] - 12 * math.sin(angle + 0.45)),
        ]
        self.polygon(head, fill=colour)

    @staticmethod
    def _paint(fill: RGB | None, stroke: RGB | None) -> str:
        if fill is not None and stroke is not None:
            return "B"
        return "f" if fill is not None else "S"


def build_pdf(pages: Sequence[Page], title: str, author: str) -> bytes:
    """Serialise pages into a PDF 1.4 file with a correct cross-reference table."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below, once the page tree's number is known
    info = add(
        f"<< /Title {_pdf_string(title)} /Author {_pdf_string(author)} "
        f"/Producer (Kaizen Exchange demo generator) >>".encode()
    )
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    bold = add(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
    )
    tree = add(b"")
    kids = []
    for page in pages:
        data = zlib.compress("\n".join(page.ops).encode("latin-1"), 9)
        stream = add(
            f"<< /Length {len(data)} /Filter /FlateDecode >>\nstream\n".encode()
            + data
            + b"\nendstream"
        )
        kids.append(
            add(
                f"<< /Type /Page /Parent {tree} 0 R /MediaBox [0 0 {A4[0]} {A4[1]}] "
                f"/Resources << /Font << /F1 {font} 0 R /F2 {bold} 0 R >> >> "
                f"/Contents {stream} 0 R >>".encode()
            )
        )
    objects[tree - 1] = (
        f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>"
    ).encode()
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {tree} 0 R /Lang (en) >>".encode()

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R /Info {info} 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


# --------------------------------------------------------------------------- the attachments

BLUE: RGB = (0.08, 0.40, 0.75)
ORANGE: RGB = (0.90, 0.35, 0.10)
INK: RGB = (0.15, 0.15, 0.2)


def _water_cycle_picture(page: Page, x: float, y: float) -> None:
    """The diagram from the class blog post, redrawn for the booklet (x, y: bottom left)."""
    page.rect(x, y, 480, 260, fill=(0.80, 0.90, 1.0))
    page.polygon(
        [(x + 240, y), (x + 370, y + 170), (x + 420, y + 140), (x + 480, y + 190), (x + 480, y)],
        fill=(0.45, 0.65, 0.35),
    )
    page.rect(x, y, 260, 60, fill=(0.15, 0.45, 0.75))
    page.circle(x + 55, y + 215, 28, fill=(1.0, 0.82, 0.15))
    for cx, cy, r in ((250, 215, 26), (280, 228, 32), (315, 215, 26), (282, 200, 24)):
        page.circle(x + cx, y + cy, r, fill=(1, 1, 1), stroke=(0.6, 0.65, 0.7))
    for rx in range(330, 420, 14):
        page.line([(x + rx, y + 180), (x + rx - 5, y + 162)], (0.1, 0.4, 0.8), 2)
    page.line([(x + 380, y + 130), (x + 330, y + 90), (x + 270, y + 60)], (0.2, 0.5, 0.85), 6)
    for ax in (90, 150, 210):
        page.arrow((x + ax, y + 65), (x + ax + 25, y + 170), ORANGE)
    page.arrow((x + 350, y + 150), (x + 380, y + 120), ORANGE)
    page.text(x + 12, y + 150, "Evaporation", 13, True, BLUE)
    page.text(x + 345, y + 238, "Condensation", 13, True, BLUE)
    page.text(x + 390, y + 205, "Precipitation", 13, True, BLUE)
    page.text(x + 20, y + 20, "Collection", 13, True, (1, 1, 1))


def water_cycle_booklet() -> bytes:
    cover = Page()
    cover.rect(0, 772, 595, 70, fill=(0.94, 0.63, 0.0))
    cover.text(50, 798, "Our Water Cycle Booklet", 28, True, (1, 1, 1))
    cover.text(50, 745, "by 3/4N, Wattle Creek Public School  –  Term 2, 2026", 13)
    _water_cycle_picture(cover, 57, 450)
    y = 410.0
    for word, meaning in (
        (
            "Evaporation",
            "The sun warms the water in the sea, rivers and puddles. It turns into "
            "water vapour, a gas, and rises into the air. You can't see it!",
        ),
        (
            "Condensation",
            "High up it is colder. The water vapour cools down and turns back "
            "into tiny drops of water. Lots of drops together make a cloud.",
        ),
        (
            "Precipitation",
            "When the drops in a cloud join up and get too heavy, they fall as "
            "rain. In very cold places they fall as snow or hail.",
        ),
        (
            "Collection",
            "The rain runs down hills into creeks and rivers, and back to the sea. "
            "Some soaks into the ground. Then the cycle starts again.",
        ),
    ):
        cover.text(57, y, word, 14, True, BLUE)
        y = cover.paragraph(57, y - 18, meaning, 11.5, 86) - 10
    cover.text(57, 40, "Page 1 of 2", 9, fill=(0.5, 0.5, 0.5))

    inside = Page()
    inside.text(57, 780, "What we learned", 22, True, ORANGE)
    y = 745.0
    for quote in (
        "“The water in my drink bottle might have been in a dinosaur's puddle once.” – P.",
        "“Clouds are not fluffy. They are wet. We checked on the internet.” – T.",
        "“The sun is the engine of the water cycle.” – M.",
        "“Our rain gauge catches the precipitation part. Greenfield's catches theirs.” – D.",
    ):
        inside.rect(57, y - 26, 6, 30, fill=(0.94, 0.63, 0.0))
        y = inside.paragraph(75, y - 8, quote, 12, 80) - 16
    y -= 10
    inside.text(57, y, "Try it at home: a water cycle in a bag", 18, True, BLUE)
    y -= 30
    for number, step in enumerate(
        (
            "Draw a sun and a cloud on a zip-lock bag with a permanent marker.",
            "Pour in a quarter of a cup of water with one drop of blue food colouring.",
            "Seal the bag and tape it to a sunny window.",
            "Check it every hour. Where do the drops appear? Where do they go?",
        ),
        1,
    ):
        inside.circle(66, y + 4, 9, fill=BLUE)
        inside.text(62.5, y, str(number), 11, True, (1, 1, 1))
        y = inside.paragraph(85, y, step, 12, 76) - 8
    # the bag, drawn
    inside.polygon(
        [(380, 160), (520, 160), (520, 330), (380, 330)],
        fill=(0.92, 0.96, 1.0),
        stroke=INK,
        width=2,
    )
    inside.rect(380, 318, 140, 12, fill=(0.3, 0.6, 0.9))
    inside.rect(382, 162, 136, 38, fill=(0.35, 0.6, 0.95))
    inside.circle(410, 290, 14, fill=(1.0, 0.82, 0.15))
    for cx in (460, 478, 496):
        inside.circle(cx, 292, 11, fill=(1, 1, 1), stroke=(0.5, 0.5, 0.6))
    for dx, dy in ((395, 240), (430, 255), (470, 235), (505, 250), (450, 215)):
        inside.circle(dx, dy, 3, fill=(0.2, 0.5, 0.9))
    inside.text(400, 140, "Our bag at 2 pm", 11, fill=(0.4, 0.4, 0.4))
    inside.paragraph(
        57,
        110,
        "Made for our partner class, Willow Class at Greenfield Primary School, England. "
        "Kaizen Network: resilient, resourceful, reflective, risk-taking.",
        10,
        100,
    )
    inside.text(57, 40, "Page 2 of 2", 9, fill=(0.5, 0.5, 0.5))
    return build_pdf([cover, inside], "Our Water Cycle Booklet", "3/4N, Wattle Creek Public School")


def shadow_sheet() -> bytes:
    page = Page()
    page.text(57, 785, "Shadow stick recording sheet", 24, True, BLUE)
    page.text(57, 760, "Class 4, Millbrook Primary School  –  please send us your results!", 12)
    y = page.paragraph(
        57,
        730,
        "You need: a metre stick (or any stick exactly 1 m tall), a tape measure, chalk, and a "
        "sunny day. Stand the stick up straight in the same place all day. Every hour, mark "
        "the end of the shadow with chalk and measure from the bottom of the stick to the mark.",
        11.5,
        88,
    )
    # the diagram: sun, stick, shadow
    page.circle(455, 660, 18, fill=(1.0, 0.82, 0.15))
    page.line([(440, 654), (230, 570)], (0.95, 0.65, 0.1), 1.5)  # the ray past the stick's top
    page.polygon([(330, 568), (230, 568), (230, 573), (330, 573)], fill=(0.3, 0.3, 0.35))
    page.line([(330, 570), (330, 610)], (0.45, 0.3, 0.2), 5)
    page.text(340, 585, "1 m", 11, True)
    page.text(240, 555, "shadow length", 10)
    y = min(y - 20, 515)
    columns = [
        (57, "Time"),
        (130, "Shadow length (cm)"),
        (280, "Which way does it point?"),
        (440, "Notes"),
    ]
    page.rect(57, y - 6, 481, 24, fill=(0.85, 0.92, 1.0), stroke=INK)
    for x, title in columns:
        page.text(x + 6, y + 2, title, 11, True)
    for i, time in enumerate(("9:00", "10:00", "11:00", "12:00", "1:00", "2:00", "3:00")):
        row_y = y - 6 - 36 * (i + 1)
        page.rect(57, row_y, 481, 36, stroke=INK)
        page.text(63, row_y + 13, time, 12)
    for x, _ in columns[1:]:
        page.line([(x, y + 18), (x, y - 6 - 36 * 7)], INK)
    bottom = y - 6 - 36 * 7
    page.text(
        57, bottom - 30, "Our school:  ____________________________    Date:  ____________", 12
    )
    page.paragraph(
        57,
        bottom - 60,
        "Think about it: when was your shadow shortest? Why do you think it was longest in the "
        "morning and the afternoon? Would it be the same on the other side of the world?",
        11.5,
        88,
    )
    page.text(
        57,
        40,
        "Kaizen Network  –  resilient · resourceful · reflective · risk-taking",
        9,
        fill=(0.5, 0.5, 0.5),
    )
    return build_pdf([page], "Shadow stick recording sheet", "Class 4, Millbrook Primary School")


PDFS = {"water_cycle_booklet": water_cycle_booklet, "shadow_sheet": shadow_sheet}
