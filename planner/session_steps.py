"""A guided session, step by step: its parts (the warm-up items, the exercises, the walk), the
steps of each part, where a running clock has got to, and a stopwatch that can pause.

Pure: no streamlit and no clock; the page passes the time in (seconds, any monotonic clock). The
order follows the time estimate in planner/dosing.py: all sets on the first side, then the other
side; each repetition is a hold (or a slow movement) followed by a short relax, with a rest between
sets and a pause to change sides. So the steps of an exercise last exactly its estimated time less
the set-up.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from planner import guidelines as g
from planner.log_entry import Status
from planner.plan import Day, Prescription, WarmUp

Kind = Literal["hold", "rep", "rest", "switch", "warm_up", "walk"]
PartKind = Literal["warm_up", "exercise", "walk"]
PHASE_WORDS = {
    "warm_up": "Warm up",
    "walk": "Walk",
    "hold": "Hold",
    "rep": "Move slowly",
    "relax": "Relax",
    "rest": "Rest",
    "switch": "Change sides",
    "finished": "All done",
}
SIDE_WORDS = {1: "first side", 2: "second side"}


@dataclass(frozen=True)
class Step:
    """One repetition (a hold, or a slow movement when there is no hold), a rest or a side change.

    `seconds` is the active part; `relax` follows it. For a rest or side change `rep` is 0.
    """

    kind: Kind
    seconds: int
    relax: int
    rep: int
    reps: int
    set: int
    sets: int
    side: int
    sides: int

    @property
    def length(self) -> int:
        return self.seconds + self.relax

    @property
    def label(self) -> str:
        """'Rep 3 of 8, set 1 of 2', with the side when the exercise is done on each side."""
        side = f", {SIDE_WORDS[self.side]}" if self.sides == 2 else ""
        if self.kind == "rest":
            return f"Rest before set {self.set} of {self.sets}{side}"
        if self.kind == "switch":
            return "Change to the second side"
        sets = f", set {self.set} of {self.sets}" if self.sets > 1 else ""
        return f"Rep {self.rep} of {self.reps}{sets}{side}"


def steps_for(item: Prescription) -> tuple[Step, ...]:
    """Every step of one exercise, in order."""
    kind: Kind = "hold" if item.hold_s else "rep"
    active = max(item.hold_s, g.SECONDS_PER_REP_MIN)
    shape = {"reps": item.reps, "sets": item.sets, "sides": item.sides}
    steps: list[Step] = []
    for side in range(1, item.sides + 1):
        if side > 1:
            steps.append(Step("switch", g.SECONDS_CHANGE_SIDES, 0, 0, set=1, side=side, **shape))
        for number in range(1, item.sets + 1):
            if number > 1:
                rest = g.SECONDS_BETWEEN_SETS
                steps.append(Step("rest", rest, 0, 0, set=number, side=side, **shape))
            for rep in range(1, item.reps + 1):
                relax = g.SECONDS_BETWEEN_REPS
                steps.append(Step(kind, active, relax, rep, set=number, side=side, **shape))
    return tuple(steps)


def timed_step(kind: Kind, minutes: int) -> tuple[Step, ...]:
    """A warm-up item or the walk: one countdown of `minutes`."""
    return (Step(kind, minutes * 60, 0, 0, reps=0, set=1, sets=1, side=1, sides=1),)


@dataclass(frozen=True)
class Part:
    """One thing to do in the session, in order: a warm-up item, an exercise or the walk.
    `item` is the plan's WarmUp or Prescription (None for the walk)."""

    kind: PartKind
    name: str
    steps: tuple[Step, ...]
    item: WarmUp | Prescription | None = None


def parts_for(day: Day, walk_name: str) -> tuple[Part, ...]:
    """The session's parts: the warm-up first, then the exercises, then the walk (when any)."""
    warm = [Part("warm_up", w.name, timed_step("warm_up", w.minutes), w) for w in day.warm_up]
    work = [Part("exercise", p.name, steps_for(p), p) for p in day.exercises]
    walk = [Part("walk", walk_name, timed_step("walk", day.walk_min))] if day.walk_min else []
    return (*warm, *work, *walk)


def start_of(steps: Sequence[Step], index: int) -> int:
    """Seconds from the start of the exercise to the start of step `index` (or to the end)."""
    return sum(step.length for step in steps[:index])


@dataclass(frozen=True)
class Moment:
    """Where the clock is: the step's index, its phase (a key of PHASE_WORDS) and whole seconds
    left in that phase. After the last step, index is len(steps) and phase is 'finished'."""

    index: int
    phase: str
    left: int


def moment(steps: Sequence[Step], elapsed: float) -> Moment:
    """The step and phase `elapsed` seconds into the exercise."""
    start = 0
    for index, step in enumerate(steps):
        if elapsed < start + step.seconds:
            return Moment(index, step.kind, math.ceil(start + step.seconds - elapsed))
        if elapsed < start + step.length:
            return Moment(index, "relax", math.ceil(start + step.length - elapsed))
        start += step.length
    return Moment(len(steps), "finished", 0)


def left_text(step: Step, left: int) -> str:
    """Seconds left as the countdown shows them: '0:45' style for the minutes-long warm-up and
    walk, '8 s' for holds and rests."""
    if step.kind in ("warm_up", "walk"):
        return f"{left // 60}:{left % 60:02d}"
    return f"{left} s"


def next_button(steps: Sequence[Step], index: int) -> str:
    """The words on the button that moves on from step `index`."""
    if index + 1 >= len(steps):
        return "Finish this exercise"
    following = steps[index + 1].kind
    return {"rest": "Go to the rest", "switch": "Change sides"}.get(following, "Next rep")


@dataclass(frozen=True)
class Stopwatch:
    """Seconds counted while running; pausing keeps the count. `now` is any monotonic clock."""

    started_at: float | None = None  # when it last started or resumed; None while stopped
    banked: float = 0.0  # seconds counted before that

    @property
    def running(self) -> bool:
        return self.started_at is not None

    def elapsed(self, now: float) -> float:
        return self.banked + (now - self.started_at if self.started_at is not None else 0.0)

    def start(self, now: float) -> "Stopwatch":
        """Start or resume (no change when already running)."""
        return self if self.running else replace(self, started_at=now)

    def pause(self, now: float) -> "Stopwatch":
        return Stopwatch(started_at=None, banked=self.elapsed(now))

    def jump_to(self, seconds: float, now: float) -> "Stopwatch":
        """Set the count to `seconds`, still running if it was."""
        return Stopwatch(started_at=now if self.running else None, banked=seconds)


def session_status(parts: Sequence[Part], results: Sequence[str]) -> Status:
    """'done' when every exercise was done, 'skipped' when none was, else 'partly'. The warm-up
    and the walk do not change it: the log records the exercise session."""
    results = [r for part, r in zip(parts, results, strict=False) if part.kind == "exercise"]
    if results and all(r == "done" for r in results):
        return "done"
    if not any(r == "done" for r in results):
        return "skipped"
    return "partly"
