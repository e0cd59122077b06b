"""The exercise drawings: each parses, has a title and a 3:2 viewBox that holds every shape (fpdf2
does not clip), keeps to the palette and the shapes fpdf2 draws, and every drawn exercise exists."""

import re
from pathlib import Path
from xml.etree import ElementTree

import pytest

from planner.data_files import IMAGES_DIR

SVG = "{http://www.w3.org/2000/svg}"
NAVY, ORANGE = "#1e3a5f", "#e07a1f"
GREY_SPREAD = 0x30  # a grey's red, green and blue differ by at most this (slate greys included)
SHAPES = {"svg", "title", "g", "line", "polyline", "polygon", "path", "circle", "rect"}
DRAWN_EXERCISES = [
    # fixed to agree with their steps
    "hamstring_standing_supported",
    "side_bridge_knees",
    "knee_to_chest_side_lying",
    # strength and balance
    "sit_to_stand",
    "heel_raise_supported",
    "wall_push_up",
    "single_leg_stand_supported",
    "heel_to_toe_stand",
    "step_up",
    "hip_hinge_practice",
    "squat_to_chair",
    "carry_practice",
    # harder core
    "side_bridge_full",
    "single_leg_bridge",
    "bird_dog_hold",
    # mobility for ankylosing spondylitis
    "seated_rotation",
    "standing_side_bend",
    "chest_expansion_breathing",
    # pregnancy and warm-up
    "pelvic_floor_squeeze",
    "march_on_the_spot",
]
PICTURES = sorted(IMAGES_DIR.glob("*.svg"))


def is_palette(colour: str) -> bool:
    """Navy, orange, 'none' or a grey."""
    colour = colour.lower()
    if colour in {NAVY, ORANGE, "none"}:
        return True
    if not re.fullmatch(r"#[0-9a-f]{6}", colour):
        return False
    channels = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return max(channels) - min(channels) <= GREY_SPREAD


def path_points(d: str) -> list[tuple[float, float]]:
    """The absolute points a path passes through (arcs: their end points)."""
    assert not re.search(r"[a-z]", d), f"relative path commands cannot be checked: {d}"
    points = []
    for command, numbers in re.findall(r"([MLQCA])([^MLQCA]*)", d):
        values = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", numbers)]
        if command == "A":
            values = [v for i, v in enumerate(values) if i % 7 in (5, 6)]
        points += list(zip(values[::2], values[1::2], strict=True))
    return points


def shape_points(element: ElementTree.Element) -> list[tuple[float, float]]:
    """The corners, ends or extremes of one shape."""
    tag, get = element.tag.removeprefix(SVG), element.get
    if tag == "line":
        return [(float(get("x1")), float(get("y1"))), (float(get("x2")), float(get("y2")))]
    if tag in {"polyline", "polygon"}:
        return [tuple(map(float, p.split(","))) for p in get("points").split()]
    if tag == "circle":
        x, y, r = float(get("cx")), float(get("cy")), float(get("r"))
        return [(x - r, y - r), (x + r, y + r)]
    if tag == "rect":
        x, y = float(get("x")), float(get("y"))
        return [(x, y), (x + float(get("width")), y + float(get("height")))]
    if tag == "path":
        return path_points(get("d"))
    return []


def test_every_drawn_exercise_has_its_file():
    """Each fixed or new drawing named in issue 12 is in exercises/images."""
    missing = [i for i in DRAWN_EXERCISES if not (IMAGES_DIR / f"{i}.svg").is_file()]
    assert not missing


def test_the_licence_counts_every_drawing():
    """LICENSE.md states how many drawings it covers; that number stays true."""
    licence = (IMAGES_DIR / "LICENSE.md").read_text(encoding="utf-8")
    assert f"The {len(PICTURES)} SVG drawings" in licence


@pytest.mark.parametrize("path", PICTURES, ids=lambda p: p.stem)
def test_a_drawing_has_a_title_and_a_three_by_two_frame(path: Path):
    """A 240 x 160 SVG with a 3:2 viewBox and a <title> for screen readers."""
    root = ElementTree.parse(path).getroot()
    assert root.tag == f"{SVG}svg"
    assert (root.get("width"), root.get("height")) == ("240", "160")
    _, _, width, height = map(float, root.get("viewBox").split())
    assert abs(width / height - 1.5) < 0.02
    title = root.find(f"{SVG}title")
    assert title is not None and title.text.strip()


@pytest.mark.parametrize("path", PICTURES, ids=lambda p: p.stem)
def test_a_drawing_keeps_to_navy_orange_and_greys(path: Path):
    """Every fill and stroke is the navy body, the orange highlight or a grey."""
    colours = {
        element.get(attribute)
        for element in ElementTree.parse(path).getroot().iter()
        for attribute in ("fill", "stroke")
        if element.get(attribute)
    }
    assert all(is_palette(c) for c in colours), colours


@pytest.mark.parametrize("path", PICTURES, ids=lambda p: p.stem)
def test_a_drawing_uses_only_shapes_the_pdf_draws(path: Path):
    """fpdf2 draws these shapes; styles would be ignored, so attributes carry the looks."""
    for element in ElementTree.parse(path).getroot().iter():
        assert element.tag.removeprefix(SVG) in SHAPES, element.tag
        assert element.get("style") is None


@pytest.mark.parametrize("path", PICTURES, ids=lambda p: p.stem)
def test_a_drawing_keeps_every_shape_inside_its_frame(path: Path):
    """fpdf2 does not clip to the viewBox, so a shape outside it would print over the text."""
    root = ElementTree.parse(path).getroot()
    x, y, width, height = map(float, root.get("viewBox").split())
    for element in root.iter():
        for px, py in shape_points(element):
            assert x <= px <= x + width and y <= py <= y + height, (element.tag, px, py)


def test_the_palette_check_refuses_a_red_stroke():
    """The colour rule can fail: red and a saturated blue are not greys."""
    assert is_palette("#94A3B8") and is_palette("#cbd5e1") and is_palette("none")
    assert not is_palette("#ff0000") and not is_palette("#3b82f6") and not is_palette("red")


def test_path_points_reads_moves_curves_and_arc_ends():
    """Arcs count by their end point, curves by their control and end points."""
    d = "M71.2,79.9 A62 62 0 0 0 55.1,85.1 Q10,20 30,-4"
    assert path_points(d) == [(71.2, 79.9), (55.1, 85.1), (10, 20), (30, -4)]
