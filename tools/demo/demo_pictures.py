"""Illustrations for the demo posts, drawn with Pillow (a generator-only dependency).

Two looks, as on a real class blog: charts and diagrams "made on the computer"
(PNG, flat colours) and pupils' drawings and posters "scanned from paper" (JPEG,
paper grain, wobbly pencil lines, uneven crayon letters). No photographs, and no
people. Every drawing is seeded, so rerunning the generator gives the same pixels.
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

RGB = tuple[int, int, int]
Point = tuple[float, float]
Font = ImageFont.FreeTypeFont | ImageFont.ImageFont

W, H = 800, 500
INK: RGB = (40, 40, 50)
PENCIL: RGB = (70, 70, 80)
FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu")


@cache
def font(size: int, bold: bool = False) -> Font:
    """DejaVu when the machine has it, else Pillow's own scalable default font."""
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for folder in FONT_DIRS:
        path = Path(folder) / name
        if path.exists():
            return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size)


# --------------------------------------------------------------------------- paper and pens


def paper(
    w: int, h: int, rng: random.Random, tint: RGB = (250, 247, 238), grain: int = 10
) -> Image.Image:
    """Off-white paper with a fine grain, as a scanner sees it."""
    noise = Image.frombytes("L", (w, h), rng.randbytes(w * h)).filter(ImageFilter.BoxBlur(1))
    base = Image.new("RGB", (w, h), tint)
    shade = Image.new("RGB", (w, h), tuple(max(0, c - grain * 3) for c in tint))
    return Image.composite(base, shade, noise.point(lambda v: 255 if v > 96 else 200 + v // 2))


def ruled(img: Image.Image, gap: int = 32, colour: RGB = (190, 205, 230)) -> None:
    draw = ImageDraw.Draw(img)
    for y in range(gap * 2, img.height, gap):
        draw.line([(0, y), (img.width, y)], fill=colour, width=1)
    draw.line([(60, 0), (60, img.height)], fill=(230, 150, 150), width=1)


def squared(img: Image.Image, gap: int = 25, colour: RGB = (200, 215, 235)) -> None:
    draw = ImageDraw.Draw(img)
    for x in range(0, img.width, gap):
        draw.line([(x, 0), (x, img.height)], fill=colour)
    for y in range(0, img.height, gap):
        draw.line([(0, y), (img.width, y)], fill=colour)


def wobble(points: Sequence[Point], rng: random.Random, amount: float = 1.6) -> list[Point]:
    """Split each segment and nudge the points: a line drawn by hand."""
    out: list[Point] = []
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        steps = max(1, int(math.hypot(x1 - x0, y1 - y0) / 14))
        for i in range(steps):
            t = i / steps
            out.append(
                (
                    x0 + (x1 - x0) * t + rng.uniform(-amount, amount),
                    y0 + (y1 - y0) * t + rng.uniform(-amount, amount),
                )
            )
    out.append(points[-1])
    return out


def pen_line(
    draw: ImageDraw.ImageDraw,
    points: Sequence[Point],
    rng: random.Random,
    fill: RGB = PENCIL,
    width: int = 3,
    amount: float = 1.6,
) -> None:
    draw.line(wobble(points, rng, amount), fill=fill, width=width, joint="curve")


def pen_shape(
    draw: ImageDraw.ImageDraw,
    points: Sequence[Point],
    rng: random.Random,
    fill: RGB | None,
    outline: RGB = PENCIL,
    width: int = 3,
) -> None:
    closed = [*points, points[0]]
    shaky = wobble(closed, rng, 1.2)
    if fill is not None:
        draw.polygon(shaky, fill=fill)
    draw.line(shaky, fill=outline, width=width, joint="curve")


def ellipse_points(cx: float, cy: float, rx: float, ry: float, n: int = 40) -> list[Point]:
    return [
        (cx + rx * math.cos(2 * math.pi * i / n), cy + ry * math.sin(2 * math.pi * i / n))
        for i in range(n)
    ]


def crayon_text(
    img: Image.Image,
    xy: Point,
    text: str,
    size: int,
    fill: RGB | Sequence[RGB],
    rng: random.Random,
    bold: bool = True,
) -> float:
    """Letters of uneven height and colour, as a pupil writes them; returns the end x."""
    draw = ImageDraw.Draw(img)
    x, y = xy
    colours: list[RGB] = [c for c in fill if isinstance(c, tuple)] or [fill]  # type: ignore[list-item]
    for i, char in enumerate(text):
        face = font(int(size * rng.uniform(0.92, 1.08)), bold)
        colour = colours[i % len(colours)]
        draw.text((x, y + rng.uniform(-2.5, 2.5)), char, font=face, fill=colour)
        x += draw.textlength(char, font=face) + size * 0.04
    return x


def text(
    draw: ImageDraw.ImageDraw,
    xy: Point,
    words: str,
    size: int,
    fill: RGB = INK,
    bold: bool = False,
    anchor: str = "la",
) -> None:
    draw.text(xy, words, font=font(size, bold), fill=fill, anchor=anchor)


def star(cx: float, cy: float, r: float) -> list[Point]:
    return [
        (
            cx + (r if i % 2 == 0 else r * 0.45) * math.sin(math.pi * i / 5),
            cy - (r if i % 2 == 0 else r * 0.45) * math.cos(math.pi * i / 5),
        )
        for i in range(10)
    ]


def arrow(draw: ImageDraw.ImageDraw, start: Point, end: Point, fill: RGB, width: int = 4) -> None:
    draw.line([start, end], fill=fill, width=width)
    angle = math.atan2(end[1] - start[1], end[0] - start[0])
    head = [
        end,
        (end[0] - 16 * math.cos(angle - 0.45), end[1] - 16 * math.sin(angle - 0.45)),
        (end[0] - 16 * math.cos(angle + 0.45), end[1] - 16 * math.sin(angle + 0.45)),
    ]
    draw.polygon(head, fill=fill)


# --------------------------------------------------------------------------- charts (PNG)

CHART_COLOURS: tuple[RGB, ...] = (
    (46, 125, 50),
    (239, 160, 0),
    (21, 101, 192),
    (198, 40, 40),
    (123, 31, 162),
)


def _chart_frame(
    title: str, y_label: str, y_max: float, step: float
) -> tuple[Image.Image, ImageDraw.ImageDraw, Callable[[float], float]]:
    img = Image.new("RGB", (W, H), (255, 255, 255))
    draw = ImageDraw.Draw(img)
    text(draw, (W / 2, 22), title, 24, bold=True, anchor="ma")
    left, top, bottom = 90, 80, H - 70

    def y_of(value: float) -> float:
        return bottom - (bottom - top) * value / y_max

    value = 0.0
    while value <= y_max + 1e-9:
        y = y_of(value)
        draw.line([(left, y), (W - 40, y)], fill=(225, 225, 225))
        text(draw, (left - 10, y), f"{value:g}", 15, anchor="rm")
        value += step
    draw.line([(left, top - 10), (left, bottom), (W - 40, bottom)], fill=INK, width=2)
    label = Image.new("RGBA", (300, 30), (255, 255, 255, 0))
    text(ImageDraw.Draw(label), (150, 15), y_label, 16, anchor="mm")
    img.paste(
        label.rotate(90, expand=True), (8, (top + bottom) // 2 - 150), label.rotate(90, expand=True)
    )
    return img, draw, y_of


def bar_chart(
    title: str,
    y_label: str,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    y_max: float,
    step: float,
    colours: Sequence[RGB] = CHART_COLOURS,
    value_labels: bool = True,
) -> Image.Image:
    img, draw, y_of = _chart_frame(title, y_label, y_max, step)
    left, right, bottom = 90, W - 40, H - 70
    group = (right - left) / len(categories)
    bar = group * 0.7 / len(series)
    for ci, name in enumerate(categories):
        x0 = left + group * ci + group * 0.15
        for si, (_, values) in enumerate(series):
            x = x0 + bar * si
            colour = colours[si] if len(series) > 1 else colours[ci % len(colours)]
            draw.rectangle([x, y_of(values[ci]), x + bar - 4, bottom], fill=colour)
            if value_labels:
                text(
                    draw,
                    (x + (bar - 4) / 2, y_of(values[ci]) - 4),
                    f"{values[ci]:g}",
                    14,
                    anchor="md",
                )
        text(draw, (left + group * ci + group / 2, bottom + 10), name, 16, anchor="ma")
    if len(series) > 1:
        x = left + 20
        for si, (name, _) in enumerate(series):
            draw.rectangle([x, 58, x + 16, 74], fill=colours[si])
            text(draw, (x + 22, 66), name, 16, anchor="lm")
            x += 40 + draw.textlength(name, font=font(16))
    return img


def line_chart(
    title: str,
    y_label: str,
    x_labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    y_max: float,
    step: float,
    x_title: str,
) -> Image.Image:
    img, draw, y_of = _chart_frame(title, y_label, y_max, step)
    left, right, bottom = 90, W - 40, H - 70
    gap = (right - left - 40) / (len(x_labels) - 1)
    for i, name in enumerate(x_labels):
        text(draw, (left + 20 + gap * i, bottom + 10), name, 15, anchor="ma")
    text(draw, ((left + right) / 2, H - 28), x_title, 16, anchor="ma")
    for si, (name, values) in enumerate(series):
        colour = CHART_COLOURS[si % len(CHART_COLOURS)]
        points = [(left + 20 + gap * i, y_of(v)) for i, v in enumerate(values)]
        draw.line(points, fill=colour, width=4, joint="curve")
        for x, y in points:
            draw.ellipse([x - 5, y - 5, x + 5, y + 5], fill=colour)
        lx = left + 20 + (si % 2) * 300
        ly = 58 + (si // 2) * 0
        if len(series) > 2:
            lx = left + 20 + si * 150
        draw.rectangle([lx, ly, lx + 16, ly + 16], fill=colour)
        text(draw, (lx + 22, ly + 8), name, 15, anchor="lm")
    return img


def chart_tea(rng: random.Random) -> Image.Image:
    return line_chart(
        "How fast did each cup cool down?",
        "Temperature (°C)",
        ["0", "5", "10", "15", "20", "25", "30"],
        [
            ("No cover", [80, 71, 63, 57, 51, 46, 42]),
            ("Foil", [80, 73, 67, 61, 56, 52, 48]),
            ("Wool", [80, 76, 72, 68, 64, 60, 57]),
            ("Bubble wrap", [80, 77, 73, 69, 65, 62, 58]),
        ],
        90,
        10,
        "Minutes",
    )


def chart_rainfall(rng: random.Random) -> Image.Image:
    return bar_chart(
        "Rainfall: Greenfield vs Wattle Creek (Sydney), 2026",
        "Rainfall (mm)",
        ["Feb", "Mar", "Apr", "May", "Jun"],
        [("Greenfield", [62, 55, 48, 51, 58]), ("Wattle Creek", [118, 130, 105, 98, 131])],
        150,
        25,
        colours=((46, 125, 50), (239, 160, 0)),
    )


def chart_shadow_day(rng: random.Random) -> Image.Image:
    return line_chart(
        "Shadow of a 1 m stick, 21 January",
        "Shadow length (cm)",
        ["9:00", "10:00", "11:00", "12:00", "13:00", "14:00", "15:00"],
        [("Millbrook", [930, 470, 345, 300, 310, 365, 545])],
        1000,
        100,
        "Time of day",
    )


def chart_shadow_compare(rng: random.Random) -> Image.Image:
    return bar_chart(
        "Shortest shadow of a 1 m stick",
        "Shadow (cm)",
        ["Jan / Feb 2026", "22 September (equinox)"],
        [("Millbrook", [300, 124]), ("Stringybark", [51, 72])],
        350,
        50,
        colours=((21, 101, 192), (109, 76, 65)),
    )


def chart_paper_towels(rng: random.Random) -> Image.Image:
    return bar_chart(
        "Which paper towel soaks up the most?",
        "Water soaked up (mL)",
        ["Towel A", "Towel B", "Towel C", "Towel D", "School"],
        [("Water", [12, 19, 9, 15, 6])],
        20,
        5,
    )


def chart_towers(rng: random.Random) -> Image.Image:
    heights = [92, 58, 71, 80, 65]
    survived = [False, True, True, False, True]
    colours = [(67, 160, 71) if ok else (229, 115, 115) for ok in survived]
    img = bar_chart(
        "Tower height and the earthquake test",
        "Height (cm)",
        ["Quokka", "Numbat", "Bilby", "Dingo", "Echidna"],
        [("Height", heights)],
        100,
        20,
        colours=colours,
    )
    draw = ImageDraw.Draw(img)
    draw.rectangle([110, 58, 126, 74], fill=(67, 160, 71))
    text(draw, (132, 66), "survived 10 s of shaking", 15, anchor="lm")
    draw.rectangle([360, 58, 376, 74], fill=(229, 115, 115))
    text(draw, (382, 66), "fell over", 15, anchor="lm")
    return img


def pictogram(rng: random.Random) -> Image.Image:
    img = Image.new("RGB", (W, H), (255, 255, 255))
    draw = ImageDraw.Draw(img)
    text(draw, (W / 2, 20), "Canteen lunch orders, one week in June", 24, bold=True, anchor="ma")
    rows = [("Toasties", 45), ("Pasta", 35), ("Sushi rolls", 30), ("Pies", 20), ("Salad box", 10)]
    for r, (name, count) in enumerate(rows):
        y = 85 + r * 68
        text(draw, (30, y + 22), name, 19, anchor="lm")
        draw.line([(0, y + 58), (W, y + 58)], fill=(230, 230, 230))
        for i in range(count // 5):
            x = 175 + i * 62
            bag = [(x, y + 12), (x + 42, y + 12), (x + 46, y + 52), (x - 4, y + 52)]
            draw.polygon(bag, fill=(214, 180, 130), outline=(120, 90, 50))
            draw.line([(x + 2, y + 20), (x + 40, y + 20)], fill=(120, 90, 50), width=2)
            draw.arc([x + 10, y, x + 32, y + 22], 180, 360, fill=(120, 90, 50), width=3)
        text(draw, (W - 30, y + 32), str(count), 19, bold=True, anchor="rm")
    draw.rectangle([30, H - 52, 70, H - 20], fill=(214, 180, 130), outline=(120, 90, 50))
    text(draw, (80, H - 36), "= 5 lunch orders", 18, anchor="lm")
    return img


# --------------------------------------------------------------------------- diagrams (PNG)


def _clock(
    draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float, hour: int, minute: int, face: RGB
) -> None:
    draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=face, outline=INK, width=6)
    for h in range(1, 13):
        a = math.radians(h * 30)
        text(
            draw,
            (cx + 0.78 * r * math.sin(a), cy - 0.78 * r * math.cos(a)),
            str(h),
            22,
            bold=True,
            anchor="mm",
        )
    for m in range(60):
        a = math.radians(m * 6)
        inner = 0.93 if m % 5 else 0.88
        draw.line(
            [
                (cx + inner * r * math.sin(a), cy - inner * r * math.cos(a)),
                (cx + 0.98 * r * math.sin(a), cy - 0.98 * r * math.cos(a)),
            ],
            fill=INK,
            width=2 if m % 5 else 4,
        )
    hour_angle = math.radians((hour % 12) * 30 + minute / 2)
    minute_angle = math.radians(minute * 6)
    draw.line(
        [(cx, cy), (cx + 0.5 * r * math.sin(hour_angle), cy - 0.5 * r * math.cos(hour_angle))],
        fill=INK,
        width=9,
    )
    draw.line(
        [
            (cx, cy),
            (cx + 0.75 * r * math.sin(minute_angle), cy - 0.75 * r * math.cos(minute_angle)),
        ],
        fill=(198, 40, 40),
        width=5,
    )
    draw.ellipse([cx - 8, cy - 8, cx + 8, cy + 8], fill=INK)


def _two_clocks(
    left: tuple[str, str, int, RGB], right: tuple[str, str, int, RGB], note: str
) -> Image.Image:
    img = Image.new("RGB", (W, H), (236, 244, 252))
    draw = ImageDraw.Draw(img)
    for i, (place, time_label, hour, colour) in enumerate((left, right)):
        cx = 210 + i * 380
        draw.rounded_rectangle(
            [cx - 170, 20, cx + 170, 440], 24, fill=(255, 255, 255), outline=colour, width=4
        )
        text(draw, (cx, 42), place, 26, colour, bold=True, anchor="ma")
        _clock(draw, cx, 225, 130, hour, 0, (255, 253, 240))
        text(draw, (cx, 380), time_label, 26, bold=True, anchor="ma")
    arrow(draw, (395, 225), (445, 225), (198, 40, 40), 6)
    text(draw, (W / 2, 470), note, 20, anchor="mm")
    return img


def clocks_greenfield(rng: random.Random) -> Image.Image:
    return _two_clocks(
        ("Greenfield", "8:00 am (BST)", 8, (46, 125, 50)),
        ("Perth", "3:00 pm (AWST)", 15, (173, 20, 87)),
        "April to October: Perth is 7 hours ahead.  November to March: 8 hours.",
    )


def clocks_karri_grove(rng: random.Random) -> Image.Image:
    return _two_clocks(
        ("Perth", "3:00 pm Wednesday", 15, (173, 20, 87)),
        ("Greenfield, England", "7:00 am Wednesday", 7, (46, 125, 50)),
        "25 March: England is 8 hours behind us. After 29 March, only 7!",
    )


def water_cycle(rng: random.Random) -> Image.Image:
    img = Image.new("RGB", (W, H), (255, 255, 255))
    draw = ImageDraw.Draw(img)
    for y in range(H):  # sky
        shade = int(200 + 45 * y / H)
        draw.line([(0, y), (W, y)], fill=(shade - 60, shade - 20, 255))
    draw.polygon([(380, H), (620, 170), (700, 230), (W, 140), (W, H)], fill=(110, 160, 90))
    draw.polygon([(580, 215), (620, 170), (660, 200), (640, 215)], fill=(245, 245, 250))
    draw.rectangle([0, 390, 420, H], fill=(40, 110, 190))
    for x in range(10, 420, 40):
        draw.arc([x, 398, x + 30, 414], 200, 340, fill=(200, 225, 255), width=2)
    draw.line([(640, 260), (560, 330), (470, 370), (410, 400)], fill=(60, 130, 210), width=10)
    for ray in range(12):  # sun
        a = math.radians(ray * 30)
        draw.line(
            [
                (95 + 55 * math.cos(a), 90 + 55 * math.sin(a)),
                (95 + 75 * math.cos(a), 90 + 75 * math.sin(a)),
            ],
            fill=(255, 190, 0),
            width=5,
        )
    draw.ellipse([55, 50, 135, 130], fill=(255, 210, 40))
    for cx, cy, r in ((430, 90, 45), (480, 70, 55), (540, 90, 45), (470, 110, 40), (515, 112, 38)):
        draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=(250, 250, 252))
    for x in range(560, 700, 22):
        for y in (150, 185):
            draw.line([(x, y), (x - 6, y + 18)], fill=(40, 110, 190), width=3)
    blue = (20, 60, 140)
    for x in (150, 230, 310):
        arrow(draw, (x, 380), (x + 40, 190), (230, 80, 30), 5)
    text(draw, (170, 250), "Evaporation", 22, blue, bold=True)
    text(draw, (600, 24), "Condensation", 22, blue, bold=True)
    arrow(draw, (600, 140), (640, 230), (230, 80, 30), 5)
    text(draw, (W - 12, 100), "Precipitation", 22, blue, bold=True, anchor="ra")
    text(draw, (430, 440), "Collection", 22, (255, 255, 255), bold=True)
    arrow(draw, (560, 345), (450, 392), (230, 80, 30), 5)
    text(draw, (25, 450), "The water cycle – 3/4N", 18, (255, 255, 255))
    return img


def fence_grid(rng: random.Random) -> Image.Image:
    img = Image.new("RGB", (W, H), (255, 255, 255))
    cell = 20
    squared(img, cell, (205, 220, 240))
    draw = ImageDraw.Draw(img)
    text(
        draw,
        (W / 2, 12),
        "24 metres of fence: which rectangle is biggest?",
        22,
        bold=True,
        anchor="ma",
    )
    shapes = [
        (2, 3, 10, 2, "10 × 2 = 20 m²", (198, 40, 40)),
        (2, 8, 8, 4, "8 × 4 = 32 m²", (239, 160, 0)),
        (2, 15, 6, 6, "6 × 6 = 36 m²", (46, 125, 50)),
    ]
    for gx, gy, w, h, label, colour in shapes:
        draw.rectangle(
            [gx * cell, gy * cell, (gx + w) * cell, (gy + h) * cell],
            fill=(*colour[:2], colour[2]),
            outline=INK,
            width=3,
        )
        text(draw, ((gx + w) * cell + 12, (gy + h / 2) * cell), label, 20, bold=True, anchor="lm")
    wall_x, wall_y = 22, 6
    draw.rectangle(
        [wall_x * cell, (wall_y - 1) * cell, (wall_x + 12) * cell, wall_y * cell],
        fill=(150, 150, 150),
    )
    for x in range(wall_x * cell, (wall_x + 12) * cell, 20):
        draw.line([(x, (wall_y - 1) * cell), (x + 20, wall_y * cell)], fill=(90, 90, 90), width=2)
    text(draw, ((wall_x + 6) * cell, (wall_y - 1) * cell - 6), "school wall", 18, anchor="md")
    draw.rectangle(
        [wall_x * cell, wall_y * cell, (wall_x + 12) * cell, (wall_y + 6) * cell],
        fill=(129, 199, 132),
        outline=(27, 94, 32),
        width=4,
    )
    text(
        draw,
        ((wall_x + 6) * cell, (wall_y + 3) * cell),
        "12 × 6 = 72 m²",
        26,
        bold=True,
        anchor="mm",
    )
    text(
        draw,
        ((wall_x + 6) * cell, (wall_y + 7) * cell),
        "fence: 6 + 12 + 6 = 24 m",
        18,
        anchor="ma",
    )
    return img


def water_tank(rng: random.Random) -> Image.Image:
    img = Image.new("RGB", (W, H), (255, 255, 255))
    draw = ImageDraw.Draw(img)
    text(draw, (W / 2, 14), "How much water does our tank hold?", 24, bold=True, anchor="ma")
    cx, top, bottom, rx, ry = 170, 110, 390, 110, 30
    draw.rectangle([cx - rx, top, cx + rx, bottom], fill=(176, 190, 197))
    for x in range(cx - rx, cx + rx, 12):
        draw.line([(x, top), (x, bottom)], fill=(144, 164, 174), width=3)
    draw.ellipse([cx - rx, bottom - ry, cx + rx, bottom + ry], fill=(176, 190, 197))
    draw.ellipse([cx - rx, top - ry, cx + rx, top + ry], fill=(207, 216, 220), outline=INK, width=3)
    draw.line([(cx - rx, top), (cx - rx, bottom)], fill=INK, width=3)
    draw.line([(cx + rx, top), (cx + rx, bottom)], fill=INK, width=3)
    draw.arc([cx - rx, bottom - ry, cx + rx, bottom + ry], 0, 180, fill=INK, width=3)
    arrow(draw, (cx + rx + 30, (top + bottom) / 2), (cx + rx + 30, top), (198, 40, 40), 3)
    arrow(draw, (cx + rx + 30, (top + bottom) / 2), (cx + rx + 30, bottom), (198, 40, 40), 3)
    text(draw, (cx + rx + 40, (top + bottom) / 2), "2 m tall", 20, (198, 40, 40), True, "lm")
    text(draw, (cx, bottom + 45), "6.3 m around → about 2 m across", 18, anchor="ma")
    # top view on grid: 1 m squares
    gx, gy, cell = 450, 130, 100
    for i in range(4):
        draw.line(
            [(gx + i * cell, gy), (gx + i * cell, gy + 3 * cell)], fill=(150, 170, 200), width=2
        )
        draw.line(
            [(gx, gy + i * cell), (gx + 3 * cell, gy + i * cell)], fill=(150, 170, 200), width=2
        )
    draw.ellipse([gx + 50, gy + 50, gx + 250, gy + 250], outline=(21, 101, 192), width=5)
    text(draw, (gx + 150, gy - 12), "From above (each square is 1 m × 1 m)", 16, anchor="md")
    text(draw, (gx + 150, gy + 3 * cell + 14), "about 3 squares in each layer", 18, anchor="ma")
    text(
        draw,
        (gx + 150, gy + 3 * cell + 44),
        "3 × 2 layers × 1,000 L ≈ 6,000 L",
        18,
        (21, 101, 192),
        True,
        "ma",
    )
    return img


def seasons_wheel(rng: random.Random) -> Image.Image:
    img = Image.new("RGB", (W, H), (255, 255, 255))
    draw = ImageDraw.Draw(img)
    seasons = [
        ("Birak", "Dec–Jan", (239, 108, 0)),
        ("Bunuru", "Feb–Mar", (211, 47, 47)),
        ("Djeran", "Apr–May", (141, 110, 99)),
        ("Makuru", "Jun–Jul", (25, 118, 210)),
        ("Djilba", "Aug–Sep", (56, 142, 60)),
        ("Kambarang", "Oct–Nov", (251, 192, 45)),
    ]
    cx, cy, r = 300, 250, 220
    for i, (name, months, colour) in enumerate(seasons):
        start = -90 + i * 60
        draw.pieslice(
            [cx - r, cy - r, cx + r, cy + r],
            start,
            start + 60,
            fill=colour,
            outline=(255, 255, 255),
            width=4,
        )
        mid = math.radians(start + 30)
        tx, ty = cx + 0.66 * r * math.cos(mid), cy + 0.66 * r * math.sin(mid)
        text(draw, (tx, ty - 12), name, 20, (255, 255, 255), True, "mm")
        text(draw, (tx, ty + 14), months, 16, (255, 255, 255), False, "mm")
    draw.ellipse([cx - 62, cy - 62, cx + 62, cy + 62], fill=(255, 255, 255))
    text(draw, (cx, cy - 10), "Six", 20, bold=True, anchor="mm")
    text(draw, (cx, cy + 14), "seasons", 18, anchor="mm")
    notes = [
        ("Now: Kambarang", True),
        ("wildflowers everywhere,", False),
        ("reptiles sunbathing,", False),
        ("getting warmer.", False),
        ("", False),
        ("Next: Birak", True),
        ("hot and dry, with a", False),
        ("sea breeze in the", False),
        ("afternoon.", False),
    ]
    for i, (line, bold) in enumerate(notes):
        text(draw, (548, 110 + i * 30), line, 18, bold=bold)
    return img


def timeline(rng: random.Random) -> Image.Image:
    img = Image.new("RGB", (W, H), (255, 255, 255))
    draw = ImageDraw.Draw(img)
    text(draw, (W / 2, 16), "Our washing-line timelines", 26, bold=True, anchor="ma")
    y = 170
    draw.line([(40, y), (W - 40, y)], fill=INK, width=4)
    parts = [
        (40, 330, "Stone Age", "to about 2500 BC", (141, 110, 99)),
        (330, 520, "Bronze Age", "2500–800 BC", (205, 127, 50)),
        (520, 660, "Iron Age", "800 BC – AD 43", (96, 125, 139)),
        (660, 760, "Romans", "from AD 43", (198, 40, 40)),
    ]
    for x0, x1, name, dates, colour in parts:
        draw.rectangle([x0 + 3, y - 50, x1 - 3, y - 8], fill=colour)
        text(draw, ((x0 + x1) / 2, y - 29), name, 18, (255, 255, 255), True, "mm")
        text(draw, ((x0 + x1) / 2, y + 14), dates, 15, anchor="ma")
    for dx in (0, 14):  # the "break" mark: the Stone Age is folded up
        draw.line([(62 + dx, y + 8), (82 + dx, y - 58)], fill=(255, 255, 255), width=6)
        draw.line([(56 + dx, y + 8), (76 + dx, y - 58)], fill=INK, width=2)
    text(draw, (185, y + 45), "folded: over 800,000 years!", 15, (141, 110, 99), anchor="ma")
    text(draw, (40, 80), "Britain", 20, bold=True)
    y2 = 360
    text(draw, (40, 270), "Australia", 20, bold=True)
    draw.line([(40, y2), (W - 40, y2)], fill=INK, width=4)
    draw.rectangle([43, y2 - 50, W - 43, y2 - 8], fill=(191, 54, 12))
    text(
        draw,
        (W / 2, y2 - 29),
        "Aboriginal peoples – at least 65,000 years, all along the line",
        17,
        (255, 255, 255),
        True,
        "mm",
    )
    for x, label in ((40, "older"), (W - 40, "now")):
        text(draw, (x, y2 + 16), label, 15, anchor="ma")
    text(
        draw, (W / 2, H - 40), "Class 5, Millbrook Primary School", 16, (120, 120, 120), anchor="ma"
    )
    return img


def code_blocks(rng: random.Random) -> Image.Image:
    img = Image.new("RGB", (W, H), (249, 249, 252))
    draw = ImageDraw.Draw(img)
    blocks = [
        (0, "when green flag clicked", (255, 191, 0), True),
        (0, "set score to 0", (255, 140, 26), False),
        (0, "ask What is the name of our river? and wait", (92, 177, 214), False),
        (0, "if  answer = Mill Brook  then", (255, 171, 25), False),
        (1, "change score by 1", (255, 140, 26), False),
        (1, "say Correct! for 2 seconds", (153, 102, 255), False),
        (0, "else", (255, 171, 25), False),
        (1, "say Not quite – it is the Mill Brook! for 2 seconds", (153, 102, 255), False),
        (0, "end", (255, 171, 25), False),
    ]
    x0, y = 60, 40
    for indent, label, colour, hat in blocks:
        x = x0 + indent * 40
        width = draw.textlength(label, font=font(20, True)) + 40
        darker = tuple(int(c * 0.8) for c in colour)
        if hat:
            draw.ellipse([x, y - 14, x + 90, y + 20], fill=colour, outline=darker, width=2)
        draw.rounded_rectangle([x, y, x + width, y + 40], 8, fill=colour, outline=darker, width=2)
        draw.rectangle([x + 20, y + 38, x + 40, y + 44], fill=colour)
        text(draw, (x + 18, y + 20), label, 20, (255, 255, 255), True, "lm")
        y += 48
    draw.rectangle([x0, 232, x0 + 14, 340], fill=(255, 171, 25))
    draw.rectangle([x0, 376, x0 + 14, 424], fill=(255, 171, 25))
    return img


# --------------------------------------------------------------------------- drawings (JPEG)


def world_map(rng: random.Random) -> Image.Image:
    img = paper(W, H, rng, (246, 250, 253))
    draw = ImageDraw.Draw(img)

    def at(lon: float, lat: float) -> Point:
        return (40 + (lon + 180) / 360 * (W - 80), 70 + (80 - lat) / 140 * (H - 100))

    land: list[list[Point]] = [
        [
            (-9.5, 43),
            (-9, 37),
            (-2, 36.5),
            (3, 43),
            (8, 44),
            (12, 44),
            (15, 40),
            (19, 40),
            (23, 37),
            (27, 41),
            (36, 36),
            (35, 31),
            (44, 12.5),
            (52, 14),
            (57, 24),
            (66, 25),
            (73, 20),
            (77, 8),
            (80, 15),
            (88, 22),
            (92, 22),
            (98, 16),
            (104, 10),
            (109, 12),
            (108, 21),
            (117, 23),
            (122, 31),
            (121, 38),
            (125, 40),
            (129, 35),
            (131, 43),
            (142, 46),
            (141, 53),
            (137, 54),
            (140, 60),
            (150, 59),
            (156, 51),
            (163, 60),
            (179, 65),
            (179, 71),
            (140, 73),
            (112, 76),
            (100, 78),
            (70, 73),
            (58, 70),
            (40, 67),
            (30, 70),
            (20, 70),
            (15, 68),
            (5, 62),
            (5, 58),
            (8, 57),
            (10, 54),
            (8, 53.5),
            (5, 53),
            (2, 51),
            (-1.5, 49.5),
            (-4.5, 48.5),
            (-1, 46),
            (-1.8, 43.4),
        ],
        [
            (-17, 21),
            (-17, 15),
            (-8, 4.5),
            (6, 4.3),
            (9.5, 3.5),
            (9, -1),
            (13, -9),
            (12, -17),
            (15, -27),
            (18.5, -34.5),
            (26, -34),
            (33, -26),
            (35.5, -22),
            (40.5, -15),
            (39, -5),
            (43, 0),
            (51, 11.5),
            (43.5, 11.5),
            (38, 18),
            (34, 27),
            (32, 31.5),
            (20, 31),
            (10, 33.5),
            (10, 37),
            (-1, 35.5),
            (-6, 36),
            (-10, 29),
        ],
        [
            (-168, 66),
            (-162, 59),
            (-152, 57.5),
            (-134, 58),
            (-125, 49),
            (-124, 40),
            (-117, 32.5),
            (-110, 23),
            (-105, 20),
            (-95, 16),
            (-87, 13),
            (-83, 9),
            (-78, 8),
            (-81, 10),
            (-83, 15),
            (-88, 16),
            (-87, 21),
            (-90, 21),
            (-97, 26),
            (-94, 29.5),
            (-89, 30),
            (-83, 29),
            (-80.5, 25),
            (-80, 32),
            (-76, 35),
            (-70, 41.5),
            (-66, 44.5),
            (-60, 46),
            (-55, 52),
            (-60, 55),
            (-64, 60),
            (-78, 62),
            (-85, 67),
            (-95, 72),
            (-120, 70),
            (-141, 70),
            (-156, 71.3),
        ],
        [
            (-78, 8),
            (-80, 0),
            (-81, -6),
            (-76, -14),
            (-70, -18),
            (-71, -30),
            (-73.5, -42),
            (-75, -50),
            (-68, -55),
            (-65, -55),
            (-68, -50),
            (-65, -41),
            (-57, -37),
            (-53, -34),
            (-48, -26),
            (-41, -22),
            (-39, -15),
            (-35, -7),
            (-35, -5),
            (-44, -2),
            (-50, 0),
            (-52, 5),
            (-60, 8.5),
            (-72, 12),
            (-76, 11),
        ],
        [(-55, 60), (-44, 60), (-20, 70), (-18, 79), (-60, 79), (-73, 77)],
        [
            (113.5, -22),
            (114, -26.5),
            (115, -33.5),
            (117.8, -35.1),
            (123.5, -33.9),
            (129, -31.6),
            (134, -32.5),
            (137.5, -35.5),
            (138.5, -34.8),
            (140.5, -38),
            (146, -39),
            (150, -37.5),
            (153.6, -28),
            (153, -25),
            (146, -19),
            (145.3, -15),
            (142.5, -10.7),
            (141.5, -13),
            (140.8, -17.5),
            (137, -16),
            (136.8, -12.3),
            (132.5, -11.5),
            (129.5, -15),
            (126, -14),
            (122, -17.5),
            (121, -19.5),
            (116.5, -20.7),
        ],
        [(144.6, -40.7), (148.3, -40.9), (148, -43.2), (146, -43.6)],
        [
            (-5.7, 50.1),
            (-3, 50.6),
            (1.4, 51.2),
            (1.7, 52.7),
            (0.2, 53.5),
            (-0.1, 54.5),
            (-1.6, 55.6),
            (-2, 57.6),
            (-3, 58.6),
            (-5, 58.6),
            (-6.2, 57.5),
            (-5.6, 56),
            (-4.9, 55),
            (-3, 54.4),
            (-3.1, 53.3),
            (-4.6, 53.3),
            (-4.2, 52.3),
            (-5.2, 51.7),
            (-3.2, 51.4),
        ],
        [
            (-6, 52),
            (-6.3, 53.9),
            (-5.7, 54.8),
            (-7.3, 55.3),
            (-8.5, 54.5),
            (-10, 53.5),
            (-10.3, 51.7),
            (-8.5, 51.6),
        ],
        [(166.5, -46), (174, -41), (178, -37.5), (173, -34.5), (172.5, -40.5), (168, -46.5)],
        [(95, 5), (106, -6), (115, -8.5), (120, -9), (125, -8), (110, -2), (103, 1)],
    ]
    greens = [(165, 214, 167), (200, 230, 160), (174, 213, 129)]
    for i, shape in enumerate(land):
        pen_shape(draw, [at(lon, lat) for lon, lat in shape], rng, greens[i % 3], (60, 90, 60), 2)
    home = at(-1.6, 53.8)
    places = [
        (at(151.2, -33.9), "Wattle Creek (Sydney)", (239, 160, 0), (-215, 26)),
        (at(115.9, -32.0), "Karri Grove (Perth)", (173, 20, 87), (-215, -42)),
    ]
    for target, _, colour, _ in places:
        mid = ((home[0] + target[0]) / 2, min(home[1], target[1]) - 40)
        curve = [
            (
                (1 - t) ** 2 * home[0] + 2 * (1 - t) * t * mid[0] + t**2 * target[0],
                (1 - t) ** 2 * home[1] + 2 * (1 - t) * t * mid[1] + t**2 * target[1],
            )
            for t in (i / 40 for i in range(41))
        ]
        for a, b in zip(curve[::2], curve[1::2], strict=False):
            draw.line([a, b], fill=colour, width=3)
    for (x, y), label, colour, (dx, dy) in [
        (home, "Greenfield", (46, 125, 50), (-60, -40)),
        *places,
    ]:
        draw.ellipse([x - 8, y - 8, x + 8, y + 8], fill=colour, outline=INK, width=2)
        crayon_text(img, (x + dx, y + dy), label, 19, colour, rng)
    crayon_text(
        img,
        (170, 14),
        "From Greenfield to Wattle Creek",
        32,
        [(46, 125, 50), (21, 101, 192), (239, 160, 0)],
        rng,
    )
    crayon_text(img, (430, 150), "about 17,000 km!", 22, (198, 40, 40), rng)
    return img


def _school_map(
    rng: random.Random,
    title: str,
    colour: RGB,
    blocks: Sequence[tuple[int, int, int, int, str, RGB]],
    ovals: Sequence[tuple[int, int, int, int, str]],
    trees: int,
) -> Image.Image:
    img = paper(W, H, rng, (252, 250, 243))
    squared(img, 25, (215, 225, 238))
    draw = ImageDraw.Draw(img)
    for x0, y0, x1, y1, label in ovals:
        pen_shape(
            draw,
            ellipse_points((x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2, (y1 - y0) / 2),
            rng,
            (170, 215, 140),
            (60, 120, 60),
        )
        crayon_text(img, ((x0 + x1) / 2 - 30, (y0 + y1) / 2 - 10), label, 18, (40, 90, 40), rng)
    for x0, y0, x1, y1, label, fill in blocks:
        pen_shape(draw, [(x0, y0), (x1, y0), (x1, y1), (x0, y1)], rng, fill)
        crayon_text(img, (x0 + 8, (y0 + y1) / 2 - 10), label, 16, INK, rng, bold=False)
    placed = 0
    while placed < trees:
        x, y = rng.uniform(30, W - 60), rng.uniform(70, H - 40)
        if (x > W - 110 and y < 160) or any(
            x0 - 20 < x < x1 + 20 and y0 - 20 < y < y1 + 20
            for x0, y0, x1, y1 in [b[:4] for b in blocks] + [o[:4] for o in ovals]
        ):
            continue
        r = rng.uniform(12, 20)
        pen_shape(draw, ellipse_points(x, y, r, r, 14), rng, (76, 140, 70), (40, 80, 40), 2)
        placed += 1
    crayon_text(img, (20, 12), title, 30, colour, rng)
    nx, ny = W - 50, 80
    pen_line(draw, [(nx, ny + 40), (nx, ny)], rng, INK, 3)
    draw.polygon([(nx - 9, ny + 10), (nx, ny - 6), (nx + 9, ny + 10)], fill=INK)
    crayon_text(img, (nx - 8, ny + 44), "N", 20, INK, rng)
    return img


def map_wattle_creek(rng: random.Random) -> Image.Image:
    return _school_map(
        rng,
        "Wattle Creek Public School",
        (239, 140, 0),
        [
            (40, 80, 240, 160, "Classrooms (3/4N!)", (255, 224, 178)),
            (40, 180, 180, 250, "Library", (187, 222, 251)),
            (270, 80, 420, 150, "Hall", (248, 187, 208)),
            (270, 180, 420, 260, "COLA", (224, 224, 224)),
            (40, 280, 160, 340, "Canteen", (255, 245, 157)),
            (40, 380, 200, 460, "Veggie garden", (200, 230, 201)),
            (600, 420, 760, 470, "Office + gate", (215, 204, 200)),
        ],
        [(450, 160, 760, 380, "The oval")],
        9,
    )


def map_stringybark(rng: random.Random) -> Image.Image:
    return _school_map(
        rng,
        "Stringybark Primary School",
        (109, 76, 65),
        [
            (420, 80, 560, 150, "Room 5", (255, 224, 178)),
            (580, 80, 740, 150, "Room 8", (255, 224, 178)),
            (420, 170, 560, 230, "Library", (187, 222, 251)),
            (580, 170, 740, 230, "Office", (215, 204, 200)),
            (420, 380, 620, 460, "Kitchen garden", (200, 230, 201)),
            (40, 380, 270, 460, "Nature play (big log)", (215, 204, 160)),
            (650, 400, 760, 460, "Koala gate", (240, 240, 240)),
        ],
        [(40, 80, 360, 330, "The oval")],
        12,
    )


def bean_diary(rng: random.Random) -> Image.Image:
    img = paper(W, H, rng)
    ruled(img, 34)
    draw = ImageDraw.Draw(img)
    crayon_text(img, (80, 16), "My bean diary", 34, (46, 125, 50), rng)
    for i, (day, shoot, roots) in enumerate(((1, 0, 0), (4, 0, 2), (7, 40, 4), (10, 120, 6))):
        cx = 150 + i * 170
        cup = [(cx - 55, 270), (cx + 55, 270), (cx + 42, 430), (cx - 42, 430)]
        pen_shape(draw, cup, rng, (235, 240, 245), PENCIL, 2)
        draw.polygon(
            [(cx - 52, 300), (cx + 52, 300), (cx + 42, 428), (cx - 42, 428)], fill=(121, 85, 72)
        )
        pen_shape(draw, ellipse_points(cx, 320, 20, 13, 16), rng, (205, 220, 150), (90, 110, 40), 2)
        for _ in range(roots):
            angle = math.radians(rng.uniform(-40, 40))
            length = 30 + 12 * roots
            pen_line(
                draw,
                [(cx, 330), (cx + length * math.sin(angle), 330 + length * math.cos(angle))],
                rng,
                (245, 240, 220),
                2,
            )
        if shoot:
            top = 300 - shoot
            pen_line(draw, [(cx, 310), (cx + 4, (310 + top) / 2), (cx, top)], rng, (56, 142, 60), 5)
            if shoot > 50:
                for side in (-1, 1):
                    leaf = ellipse_points(cx + side * 24, top + 14, 22, 10, 12)
                    pen_shape(draw, leaf, rng, (102, 187, 106), (46, 125, 50), 2)
        crayon_text(img, (cx - 38, 440), f"Day {day}", 24, (21, 101, 192), rng)
    notes = ["root first!", "", "a shoot", "2 leaves, 12 cm"]
    for i, note in enumerate(notes):
        if note:
            crayon_text(
                img, (90 + i * 170, 90 if i != 3 else 70), note, 18, PENCIL, rng, bold=False
            )
    return img


def weather_week(rng: random.Random) -> Image.Image:
    img = paper(W, H, rng)
    draw = ImageDraw.Draw(img)
    crayon_text(img, (170, 12), "Willow Class weather week", 32, (21, 101, 192), rng)
    days = [
        ("Mon", "cloud", 11, "SW"),
        ("Tue", "frost", 3, "N"),
        ("Wed", "rain", 9, "W"),
        ("Thu", "sun", 13, "S"),
        ("Fri", "cloudrain", 10, "SW"),
    ]
    for i, (day, kind, temp, wind) in enumerate(days):
        x = 30 + i * 150
        pen_shape(draw, [(x, 70), (x + 140, 70), (x + 140, 480), (x, 480)], rng, None, PENCIL, 2)
        crayon_text(img, (x + 40, 80), day, 26, INK, rng)
        cx, cy = x + 70, 200
        if kind in ("sun", "frost"):
            for ray in range(10):
                a = math.radians(ray * 36)
                pen_line(
                    draw,
                    [
                        (cx + 34 * math.cos(a), cy + 34 * math.sin(a)),
                        (cx + 50 * math.cos(a), cy + 50 * math.sin(a)),
                    ],
                    rng,
                    (255, 170, 0),
                    4,
                )
            pen_shape(draw, ellipse_points(cx, cy, 28, 28, 18), rng, (255, 213, 79), (245, 150, 0))
        if kind in ("cloud", "rain", "cloudrain"):
            for dx, dy, r in ((-25, 5, 26), (5, -10, 32), (35, 5, 24)):
                pen_shape(
                    draw,
                    ellipse_points(cx + dx, cy + dy, r, r * 0.8, 16),
                    rng,
                    (207, 216, 220),
                    (120, 130, 140),
                    2,
                )
        if kind in ("rain", "cloudrain"):
            for dx in (-30, -10, 10, 30):
                pen_line(draw, [(cx + dx, cy + 35), (cx + dx - 6, cy + 60)], rng, (30, 136, 229), 3)
        if kind == "frost":
            for j in range(3):
                a = math.radians(j * 60)
                sx, sy = cx + 45, cy + 45
                pen_line(
                    draw,
                    [
                        (sx - 16 * math.cos(a), sy - 16 * math.sin(a)),
                        (sx + 16 * math.cos(a), sy + 16 * math.sin(a)),
                    ],
                    rng,
                    (41, 121, 255),
                    3,
                )
        crayon_text(img, (x + 38, 300), f"{temp}°C", 28, (198, 40, 40), rng)
        heading = {"N": 0, "S": 180, "W": 270, "SW": 225}[wind]
        a = math.radians(heading)
        tail = (cx + 35 * math.sin(a), 400 - 35 * math.cos(a))
        tip = (cx - 35 * math.sin(a), 400 + 35 * math.cos(a))
        pen_line(draw, [tail, tip], rng, PENCIL, 4)
        draw.ellipse([tip[0] - 6, tip[1] - 6, tip[0] + 6, tip[1] + 6], fill=PENCIL)
        crayon_text(img, (x + 52, 445), wind, 22, PENCIL, rng)
    return img


def rain_gauge(rng: random.Random) -> Image.Image:
    img = paper(W, H, rng)
    draw = ImageDraw.Draw(img)
    crayon_text(img, (30, 12), "Our rain gauge", 32, (239, 140, 0), rng)
    gx = 140
    pen_shape(
        draw, [(gx - 70, 90), (gx + 70, 90), (gx + 20, 150), (gx - 20, 150)], rng, (224, 224, 224)
    )
    pen_shape(
        draw, [(gx - 40, 150), (gx + 40, 150), (gx + 40, 470), (gx - 40, 470)], rng, (240, 248, 255)
    )
    level = 470 - 23 * 6
    draw.rectangle([gx - 37, level, gx + 37, 467], fill=(129, 190, 245))
    for mm in range(0, 51, 5):
        y = 470 - mm * 6
        pen_line(
            draw, [(gx + 40, y), (gx + 40 - (18 if mm % 10 == 0 else 10), y)], rng, INK, 2, 0.4
        )
        if mm % 10 == 0:
            text(draw, (gx + 50, y), f"{mm} mm", 16, anchor="lm")
    crayon_text(img, (gx + 118, level - 14), "← 23 mm", 22, (21, 101, 192), rng)
    crayon_text(img, (gx + 136, level + 14), "today!", 20, (21, 101, 192), rng)
    px, py = 400, 80
    page = [(px, py), (px + 370, py + 6), (px + 366, py + 400), (px - 4, py + 394)]
    pen_shape(draw, page, rng, (255, 255, 250), PENCIL, 2)
    for i in range(1, 10):
        draw.line([(px + 6, py + 36 * i + 10), (px + 360, py + 36 * i + 14)], fill=(190, 205, 230))
    crayon_text(img, (px + 20, py + 10), "Log book – March", 22, INK, rng)
    entries = [
        "Mon 16   2 mm",
        "Tue 17   41 mm !!!",
        "Wed 18   12 mm",
        "Thu 19   0 mm",
        "Fri 20   5 mm",
        "Mon 23   23 mm",
    ]
    for i, entry in enumerate(entries):
        crayon_text(img, (px + 24, py + 50 + i * 36), entry, 20, (60, 60, 140), rng, bold=False)
    return img


def banksia(rng: random.Random) -> Image.Image:
    img = paper(W, H, rng, (250, 248, 240))
    draw = ImageDraw.Draw(img)
    crayon_text(img, (24, 12), "Banksia sketches – Room 12", 30, (173, 20, 87), rng)
    # flower spike
    cx, top, bottom = 160, 90, 400
    pen_line(draw, [(cx, bottom), (cx + 4, bottom + 70)], rng, (93, 64, 55), 8)
    for _ in range(700):
        y = rng.uniform(top, bottom)
        spread = 48 * math.sin(math.pi * (y - top) / (bottom - top)) ** 0.4
        x = cx + rng.uniform(-spread, spread)
        colour = rng.choice([(255, 179, 0), (251, 140, 0), (255, 202, 40), (230, 120, 20)])
        draw.line([(x, y), (x + rng.uniform(-5, 5), y - 6)], fill=colour, width=2)
    # woody cone with "mouths"
    ccx, ccy = 420, 260
    pen_shape(draw, ellipse_points(ccx, ccy, 55, 140, 30), rng, (141, 110, 99), (78, 52, 46))
    for j in range(9):
        y = ccy - 110 + j * 27
        x = ccx + rng.uniform(-25, 25)
        draw.ellipse([x - 12, y - 6, x + 12, y + 6], fill=(62, 39, 35))
        draw.line([(x - 12, y), (x + 12, y)], fill=(215, 204, 200), width=1)
    crayon_text(img, (355, 420), "old cone", 20, PENCIL, rng, bold=False)
    crayon_text(img, (90, 460), "flower spike", 20, PENCIL, rng, bold=False)
    # serrated leaves
    for k, (lx, ly, ang) in enumerate(((610, 150, 20), (640, 300, -15), (580, 400, 35))):
        a = math.radians(ang)
        pts: list[Point] = []
        for side in (1, -1):
            rng_side = range(0, 21) if side == 1 else range(20, -1, -1)
            for i in rng_side:
                t = i / 20
                half = 22 * math.sin(math.pi * t) * (1.25 if i % 2 else 0.8)
                along = -110 + 220 * t
                px = along * math.cos(a) - side * half * math.sin(a)
                py = along * math.sin(a) + side * half * math.cos(a)
                pts.append((lx + px, ly + py))
        pen_shape(draw, pts, rng, (104, 159, 56) if k != 1 else (124, 179, 66), (51, 105, 30), 2)
    crayon_text(img, (590, 460), "zig-zag leaves", 20, PENCIL, rng, bold=False)
    return img


def bug_hotel(rng: random.Random) -> Image.Image:
    img = paper(W, H, rng)
    draw = ImageDraw.Draw(img)
    crayon_text(img, (24, 10), "Our bug hotel", 32, (21, 101, 192), rng)
    x0, x1 = 40, 400
    pen_shape(draw, [(x0 - 20, 120), ((x0 + x1) / 2, 60), (x1 + 20, 120)], rng, (191, 54, 12))
    floors = [(120, 230, "tubes"), (230, 340, "cones"), (340, 460, "bricks")]
    for y0, y1, kind in floors:
        pen_shape(draw, [(x0, y0), (x1, y0), (x1, y1), (x0, y1)], rng, (215, 180, 140))
        if kind == "tubes":
            for row in range(3):
                for col in range(10):
                    cx, cy = x0 + 22 + col * 35, y0 + 22 + row * 33
                    draw.ellipse(
                        [cx - 14, cy - 14, cx + 14, cy + 14],
                        fill=(240, 220, 170),
                        outline=(140, 110, 60),
                        width=2,
                    )
                    draw.ellipse([cx - 6, cy - 6, cx + 6, cy + 6], fill=(90, 60, 30))
        elif kind == "cones":
            for col in range(7):
                cx = x0 + 30 + col * 50
                pen_shape(
                    draw,
                    ellipse_points(cx, (y0 + y1) / 2, 20, 40, 14),
                    rng,
                    (141, 110, 99),
                    (78, 52, 46),
                    2,
                )
                for j in range(5):
                    yy = y0 + 25 + j * 15
                    draw.line([(cx - 14, yy), (cx + 14, yy + 6)], fill=(78, 52, 46), width=2)
        else:
            for row in range(4):
                for col in range(6):  # a stretcher bond: odd rows start with half a brick
                    bx = x0 + 6 + col * 72 - (36 if row % 2 else 0)
                    left, right = max(bx, x0 + 4), min(bx + 66, x1 - 4)
                    if right - left < 10:
                        continue
                    by = y0 + 6 + row * 28
                    draw.rectangle(
                        [left, by, right, by + 24],
                        fill=(183, 80, 60),
                        outline=(120, 50, 40),
                        width=2,
                    )
    tally = [
        ("Woodlice", 17, "bottom"),
        ("Spiders", 5, "middle"),
        ("Earwigs", 2, "middle"),
        ("Centipede", 1, "bottom"),
        ("Ladybirds", 6, "top"),
        ("Solitary bee", 1, "top"),
    ]
    crayon_text(img, (440, 70), "Who checked in?", 26, INK, rng)
    for i, (name, count, floor) in enumerate(tally):
        y = 120 + i * 58
        crayon_text(img, (440, y), name, 20, INK, rng, bold=False)
        x = 600
        for j in range(count):
            if j % 5 == 4:
                pen_line(draw, [(x - 50, y + 28), (x - 4, y + 6)], rng, (198, 40, 40), 3, 0.6)
                x += 10
            else:
                pen_line(draw, [(x, y + 2), (x, y + 30)], rng, INK, 3, 0.6)
                x += 10
        crayon_text(img, (440, y + 28), f"({floor} floor)", 14, PENCIL, rng, bold=False)
    return img


def poppies(rng: random.Random) -> Image.Image:
    img = paper(W, H, rng, (30, 60, 50), 6)
    draw = ImageDraw.Draw(img)
    draw.rectangle([0, 0, W, 70], fill=(240, 235, 220))
    crayon_text(img, (180, 14), "We will remember them", 34, (30, 30, 30), rng, bold=True)
    for row in range(3):
        for col in range(7):
            cx = 70 + col * 110 + rng.uniform(-12, 12) + (50 if row % 2 else 0)
            cy = 150 + row * 125 + rng.uniform(-10, 10)
            if cx > W - 40:
                continue
            pen_line(
                draw, [(cx, cy + 20), (cx + rng.uniform(-10, 10), cy + 70)], rng, (76, 140, 70), 4
            )
            red = rng.choice([(211, 47, 47), (198, 40, 40), (229, 57, 53), (183, 28, 28)])
            for p in range(4):
                a = math.radians(p * 90 + rng.uniform(-15, 15) + 45)
                px, py = cx + 20 * math.cos(a), cy + 20 * math.sin(a)
                pen_shape(draw, ellipse_points(px, py, 24, 22, 14), rng, red, (120, 20, 20), 2)
            draw.ellipse([cx - 10, cy - 10, cx + 10, cy + 10], fill=(20, 20, 20))
    return img


def crystals(rng: random.Random) -> Image.Image:
    img = paper(W, H, rng)
    ruled(img, 34)
    draw = ImageDraw.Draw(img)
    crayon_text(img, (90, 10), "Salt crystals – attempt 2", 32, (21, 101, 192), rng)
    pen_line(draw, [(140, 70), (150, 470)], rng, (150, 120, 80), 3)
    pen_line(draw, [(60, 70), (240, 70)], rng, (255, 193, 7), 10)

    def cube(x: float, y: float, s: float) -> None:
        d = s * 0.45
        front = [(x, y), (x + s, y), (x + s, y + s), (x, y + s)]
        top = [(x, y), (x + d, y - d), (x + s + d, y - d), (x + s, y)]
        side = [(x + s, y), (x + s + d, y - d), (x + s + d, y + s - d), (x + s, y + s)]
        for face, colour in (
            (front, (225, 240, 250)),
            (top, (245, 250, 255)),
            (side, (190, 215, 235)),
        ):
            pen_shape(draw, face, rng, colour, (90, 110, 140), 2)

    for y in range(120, 440, 45):
        cube(150 + rng.uniform(-10, 4), y, rng.uniform(14, 30))
        if rng.random() < 0.6:
            cube(120 + rng.uniform(-10, 4), y + 20, rng.uniform(10, 20))
    pen_shape(draw, ellipse_points(520, 270, 170, 170, 40), rng, (250, 252, 255), PENCIL, 6)
    pen_line(draw, [(640, 390), (740, 480)], rng, (93, 64, 55), 16)
    cube(450, 240, 90)
    cube(560, 200, 50)
    cube(520, 330, 40)
    crayon_text(img, (400, 445), "every one is a cube!", 22, (198, 40, 40), rng)
    return img


def _poster(
    rng: random.Random,
    size: tuple[int, int],
    card: RGB,
    title: Sequence[str],
    title_colours: Sequence[RGB],
    lines: Sequence[tuple[str, RGB]],
    line_size: int = 24,
    border: RGB = (255, 255, 255),
) -> Image.Image:
    w, h = size
    img = paper(w, h, rng, card, 8)
    draw = ImageDraw.Draw(img)
    pen_shape(draw, [(14, 14), (w - 14, 14), (w - 14, h - 14), (14, h - 14)], rng, None, border, 6)
    y = 36.0
    for row in title:
        title_size = fit_size(draw, row, 56, w - 80, True)
        width = written_width(draw, row, title_size, True)
        crayon_text(img, ((w - width) / 2, y), row, title_size, title_colours, rng)
        y += title_size * 1.25
    y += 24
    text_size = min(fit_size(draw, line, line_size, w - 80) for line, _ in lines)
    for line, colour in lines:
        if not line:
            y += line_size * 0.7
            continue
        crayon_text(img, (44, y), line, text_size, colour, rng, bold=False)
        y += line_size * 1.6
    return img


def written_width(draw: ImageDraw.ImageDraw, words: str, size: int, bold: bool = False) -> float:
    return sum(draw.textlength(c, font=font(size, bold)) + size * 0.04 for c in words)


def fit_size(
    draw: ImageDraw.ImageDraw, words: str, size: int, width: float, bold: bool = False
) -> int:
    """The largest font size up to ``size`` at which the words fit in ``width``."""
    while size > 10 and written_width(draw, words, size, bold) * 1.05 > width:
        size -= 1
    return size


def poster_yorkshire(rng: random.Random) -> Image.Image:
    img = _poster(
        rng,
        (600, 800),
        (255, 249, 196),
        ["Come to", "Yorkshire!"],
        [(46, 125, 50), (198, 40, 40), (21, 101, 192)],
        [
            ("Persuasive phrases we love:", (40, 40, 40)),
            ("", INK),
            ("★ Have you ever seen a steam train?", (21, 101, 192)),
            ("★ You will never forget...", (198, 40, 40)),
            ("★ Imagine walking on the moors", (46, 125, 50)),
            ("★ The best fish and chips in the world", (123, 31, 162)),
            ("★ Everyone agrees that...", (21, 101, 192)),
            ("★ Surely you want to...", (198, 40, 40)),
            ("", INK),
            ("Facts + numbers + questions", (40, 40, 40)),
            ("= a persuasive letter!", (40, 40, 40)),
        ],
        line_size=30,
    )
    draw = ImageDraw.Draw(img)
    for x, y in ((80, 720), (300, 700), (520, 730)):  # sheep
        for dx, dy in ((-18, 0), (0, -10), (18, 0), (0, 8)):
            pen_shape(
                draw, ellipse_points(x + dx, y + dy, 22, 16, 12), rng, (250, 250, 250), PENCIL, 2
            )
        draw.ellipse([x + 30, y - 6, x + 46, y + 10], fill=(40, 40, 40))
    return img


def poster_learning_powers(rng: random.Random) -> Image.Image:
    img = paper(600, 800, rng, (227, 242, 253), 8)
    draw = ImageDraw.Draw(img)
    crayon_text(img, (44, 28), "Our learning powers", 44, [(21, 101, 192), (123, 31, 162)], rng)
    powers = [
        ("Resilient", "Keep going when it is hard!", (46, 125, 50)),
        ("Resourceful", "Word wall, friend, book, then teacher", (239, 140, 0)),
        ("Reflective", "What worked? What would I change?", (123, 31, 162)),
        ("Risk-taking", "Have a go!", (198, 40, 40)),
    ]
    for i, (name, motto, colour) in enumerate(powers):
        y = 110 + i * 170
        pen_shape(
            draw,
            [(40, y), (560, y + 4), (556, y + 150), (44, y + 146)],
            rng,
            (255, 255, 255),
            colour,
            5,
        )
        crayon_text(img, (64, y + 16), name, 46, colour, rng)
        crayon_text(img, (64, y + 88), motto, fit_size(draw, motto, 28, 480), INK, rng, bold=False)
        pen_shape(draw, star(510, y + 40, 24), rng, (255, 213, 79), (245, 150, 0), 2)
    return img


def poster_reading_cafe(rng: random.Random) -> Image.Image:
    img = _poster(
        rng,
        (600, 800),
        (252, 228, 236),
        ["Reading Café", "Top 5"],
        [(136, 14, 79), (109, 76, 65)],
        [
            ("1. The Wombat Who Wouldn't Wake Up", (21, 101, 192)),
            ("   ★★★★★  best for funny animal fans", (90, 90, 90)),
            ("2. The Lighthouse of Lost Socks", (46, 125, 50)),
            ("   ★★★★★  best for reading in bed", (90, 90, 90)),
            ("3. Captain Fennel and the Jelly Sea", (198, 40, 40)),
            ("   ★★★★  best for pirates", (90, 90, 90)),
            ("4. My Gran Is a Spy", (123, 31, 162)),
            ("   ★★★★  best for mystery solvers", (90, 90, 90)),
            ("5. The Secret of Stringybark Creek", (109, 76, 65)),
            ("   ★★★★  best for bush explorers", (90, 90, 90)),
        ],
        line_size=27,
    )
    draw = ImageDraw.Draw(img)
    for i, colour in enumerate(((21, 101, 192), (46, 125, 50), (198, 40, 40), (239, 160, 0))):
        x = 150 + i * 80
        pen_shape(draw, [(x, 650), (x + 60, 650), (x + 60, 740), (x, 740)], rng, colour, INK, 2)
        pen_line(draw, [(x + 10, 650), (x + 10, 740)], rng, (255, 255, 255), 2)
    return img


def poster_bushfire(rng: random.Random) -> Image.Image:
    img = _poster(
        rng,
        (600, 800),
        (255, 224, 178),
        ["Be bushfire", "ready!"],
        [(191, 54, 12), (230, 81, 0)],
        [
            ("1. Know your family's plan", (40, 40, 40)),
            ("2. Catastrophic day = school closed", (183, 28, 28)),
            ("3. Listen to the local radio", (40, 40, 40)),
            ("4. Keep gutters clear, grass short", (40, 40, 40)),
        ],
        line_size=32,
    )
    draw = ImageDraw.Draw(img)
    pen_line(draw, [(300, 760), (295, 600), (300, 520)], rng, (121, 85, 72), 18)
    for dx, dy in ((-60, 500), (0, 470), (60, 500), (-30, 540), (40, 545)):
        pen_shape(
            draw, ellipse_points(300 + dx, dy, 60, 38, 16), rng, (85, 139, 47), (51, 105, 30), 3
        )
    for x in (120, 480):  # fire danger rating arc
        pen_shape(draw, star(x, 660, 40), rng, (255, 160, 0), (191, 54, 12), 3)
    return img


DRAWINGS: dict[str, Callable[[random.Random], Image.Image]] = {
    f.__name__: f
    for f in (
        world_map,
        poster_yorkshire,
        chart_tea,
        bean_diary,
        clocks_greenfield,
        chart_rainfall,
        weather_week,
        poster_learning_powers,
        chart_shadow_day,
        timeline,
        code_blocks,
        bug_hotel,
        chart_shadow_compare,
        poppies,
        map_wattle_creek,
        water_cycle,
        rain_gauge,
        fence_grid,
        chart_paper_towels,
        clocks_karri_grove,
        banksia,
        water_tank,
        chart_towers,
        seasons_wheel,
        map_stringybark,
        poster_reading_cafe,
        pictogram,
        crystals,
        poster_bushfire,
    )
}


def site_icon(initial: str, colour: RGB) -> Image.Image:
    """The blog's 32×32 site icon: a coloured badge with the school's initial."""
    big = Image.new("RGB", (128, 128), (255, 255, 255))
    draw = ImageDraw.Draw(big)
    draw.ellipse([4, 4, 124, 124], fill=colour)
    text(draw, (64, 66), initial, 80, (255, 255, 255), True, "mm")
    return big.resize((32, 32), Image.Resampling.LANCZOS)


def save(img: Image.Image, path: Path, palette: bool = False) -> None:
    """JPEG for drawings (scanned paper), PNG for computer-made diagrams.

    ``palette`` stores a PNG with 128 colours: for resized copies, whose smoothed
    edges would otherwise make a small picture bigger than the original.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    rgb = img.convert("RGB")
    if path.suffix == ".jpg":
        rgb.save(path, "JPEG", quality=68, optimize=True)
    elif palette:
        rgb.quantize(128, dither=Image.Dither.NONE).save(path, "PNG", optimize=True)
    else:
        rgb.save(path, "PNG", optimize=True)


def thumbnail(img: Image.Image, width: int = 300) -> Image.Image:
    height = round(img.height * width / img.width)
    return img.resize((width, height), Image.Resampling.LANCZOS)
