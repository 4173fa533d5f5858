"""The official figures of formulas.md, recomputed from the raw rows of an ezh SQLite file.

Written from ../shared/spec/formulas.md, docs/reports.md («Какой результат считается») and the
schema alone; it shares no code with the Rust side. Standard library only; every figure is an
exact Fraction rounded once, half away from zero, to two decimals.
"""

import sqlite3
from collections import defaultdict
from datetime import date
from fractions import Fraction

FAIL, PASS, NOT_ATTESTED, EXEMPT = 100, 101, 102, 103
FINAL_TEXT = {FAIL: "нз", PASS: "зч", NOT_ATTESTED: "н/а", EXEMPT: "осв"}


def ru(x):
    """A Fraction as the reports print it: two decimals, half away from zero, comma."""
    if x is None:
        return "—"
    sign = "-" if x < 0 else ""
    h = abs(x) * 100
    whole = h.numerator // h.denominator
    if (h - whole) * 2 >= 1:
        whole += 1
    return f"{sign}{whole // 100},{whole % 100:02d}"


def ratio(num, den):
    return Fraction(num, den) if den else None


def day(text):
    return date.fromisoformat(text[:10])


def failing(v):
    return v in (1, 2, FAIL, NOT_ATTESTED)


class Journal:
    """The rows of one SQLite file, read once."""

    def __init__(self, path):
        db = sqlite3.connect(path)
        q = lambda sql: db.execute(sql).fetchall()
        (qp, sou, round_from, threshold) = q(
            "SELECT quality_counts_pass, sou_variant, forecast_round_up_from, "
            "unexcused_threshold_pct FROM college")[0]
        self.quality_counts_pass = bool(qp)
        self.sou_full = sou != "without_failures"
        self.round_from = round_from
        self.threshold = threshold
        self.groups = {i: n for i, n in q("SELECT id, name FROM study_groups WHERE archived = 0")}
        self.all_groups = {i: n for i, n in q("SELECT id, name FROM study_groups")}
        self.names = {}
        for i, last, first, patr in q("SELECT id, last_name, first_name, patronymic FROM students"):
            self.names[i] = " ".join(p for p in (last, first, patr) if p)
        self.spans = defaultdict(list)  # (group, student) -> [(from, to)]
        for s, g, f, t in q("SELECT student_id, group_id, from_date, to_date FROM group_memberships"):
            self.spans[(g, s)].append((day(f), day(t) if t else None))
        self.subjects = {i: n for i, n in q("SELECT id, name FROM subjects")}
        self.terms = {}
        for i, y, n, name, a, b in q("SELECT id, academic_year_id, number, name, starts_on, ends_on FROM terms"):
            self.terms[i] = dict(id=i, year=y, number=n, name=name, start=day(a), end=day(b))
        self.years = {i: (day(a), day(b)) for i, a, b in q("SELECT id, starts_on, ends_on FROM academic_years")}
        self.curriculum = {}  # (group, subject, term) -> (index, hours, form)
        for g, s, t, idx, h, form in q("SELECT group_id, subject_id, term_id, index_code, hours, control_form FROM curriculum"):
            self.curriculum[(g, s, t)] = (idx, h, form)
        self.assignments = {}
        for i, t, g, sg, s, term in q("SELECT id, teacher_id, group_id, subgroup_id, subject_id, term_id FROM assignments"):
            self.assignments[i] = dict(teacher=t, group=g, subgroup=sg, subject=s, term=term)
        self.subgroup_members = defaultdict(set)
        for sg, s in q("SELECT subgroup_id, student_id FROM subgroup_members"):
            self.subgroup_members[sg].add(s)
        self.lessons = []
        self.by_group = defaultdict(list)
        for i, a, d, pair, h, kind, by in q("SELECT id, assignment_id, date, pair, hours, kind, held_by FROM lessons ORDER BY date, pair, id"):
            x = dict(self.assignments[a])
            x.update(id=i, date=day(d), hours=h, kind=kind, held_by=by)
            self.lessons.append(x)
            self.by_group[x["group"]].append(x)
        weights = {c: w for c, w in q("SELECT code, weight FROM work_kinds")}
        self.grades = defaultdict(list)  # (lesson, student) -> [(value, weight)]
        for l, s, v, k in q("SELECT lesson_id, student_id, value, work_kind FROM grades ORDER BY id"):
            self.grades[(l, s)].append((v, weights.get(k, 1)))
        self.absences = {(l, s): r for l, s, r in q("SELECT lesson_id, student_id, reason FROM absences")}
        self.finals = {}  # (student, group, subject, term, kind) -> value
        for s, g, subj, t, k, v in q("SELECT student_id, group_id, subject_id, term_id, kind, value FROM final_grades"):
            self.finals[(s, g, subj, t, k)] = v

    # --- who and which lessons -------------------------------------------------------------
    def member_on(self, g, s, d):
        return any(f <= d and (t is None or d <= t) for f, t in self.spans.get((g, s), []))

    def members(self, g, start, end):
        """Students with a membership of `g` touching start..end."""
        return sorted({s for (gg, s), spans in self.spans.items() if gg == g
                       and any(f <= end and (t is None or t >= start) for f, t in spans)})

    def attends(self, g, s, lesson):
        if not self.member_on(g, s, lesson["date"]):
            return False
        sg = lesson["subgroup"]
        return sg is None or s in self.subgroup_members[sg]

    def lessons_of(self, g, s, start, end, term=None, subject=None):
        return [l for l in self.by_group[g] if start <= l["date"] <= end
                and (term is None or l["term"] == term) and (subject is None or l["subject"] == subject)
                and self.attends(g, s, l)]

    # --- results ---------------------------------------------------------------------------
    def form(self, g, subj, term):
        c = self.curriculum.get((g, subj, term))
        return c[2] if c else "other"

    def term_result(self, s, g, subj, term):
        """formulas.md: exam and graded credit — the exam grade, else the term grade; credit —
        зачёт/незачёт (the term's)."""
        t = self.finals.get((s, g, subj, term, "term"))
        e = self.finals.get((s, g, subj, term, "exam"))
        if self.form(g, subj, term) == "credit":
            return t if t is not None else e
        return e if e is not None else t

    def rounded(self, avg):
        whole = avg.numerator // avg.denominator
        up = (avg - whole) * 100 >= self.round_from
        return max(1, min(5, whole + (1 if up else 0)))

    def evidence(self, g, s, subj, term, start, upto):
        ls = self.lessons_of(g, s, start, upto, term, subj)
        grades = [x for l in ls for x in self.grades.get((l["id"], s), [])]
        required = [l for l in ls if l["kind"] in ("test", "laboratory")]
        recorded = sum(1 for l in required if self.grades.get((l["id"], s)))
        att = self.attendance(s, ls)
        return grades, len(required), recorded, att

    def forecast(self, grades):
        num = sum(v * w for v, w in grades if 1 <= v <= 5)
        den = sum(w for v, w in grades if 1 <= v <= 5)
        if not den:
            return None, None
        avg = Fraction(num, den)
        return avg, self.rounded(avg)

    def outcome(self, s, g, subj, term, start, upto):
        """(value, from forecast) or None when the student is not counted in the subject."""
        v = self.term_result(s, g, subj, term)
        if v is not None:
            return v, False
        grades, _, _, _ = self.evidence(g, s, subj, term, start, upto)
        _, grade = self.forecast(grades)
        return (grade, True) if grade is not None else None

    def attendance(self, s, lessons):
        a = dict(scheduled=0, ill=0, excused=0, absent=0, late=0)
        for l in lessons:
            a["scheduled"] += l["hours"]
            r = self.absences.get((l["id"], s))
            if r == "late":
                a["late"] += 1
            elif r:
                a[r] += l["hours"]
        return a

    def whole_days(self, s, lessons):
        days = defaultdict(list)
        for l in lessons:
            days[l["date"]].append(self.absences.get((l["id"], s)))
        return sum(1 for marks in days.values() if all(m in ("ill", "excused", "absent") for m in marks))

    def group_subjects(self, g, term):
        rows = [(idx, self.subjects[s], s) for (gg, s, t), (idx, _, _) in self.curriculum.items()
                if gg == g and t == term]
        return [s for _, _, s in sorted(rows)]


class Tally:
    """Results of one subject (or pooled): counts by value."""

    def __init__(self, credit=False):
        self.c = defaultdict(int)
        self.credit = credit

    def add(self, v):
        self.c[v] += 1

    def merge(self, other):
        for k, v in other.c.items():
            self.c[k] += v

    def numeric(self):
        return sum(self.c[g] for g in (1, 2, 3, 4, 5))

    def n(self):
        return self.numeric() + self.c[PASS] + self.c[FAIL] + self.c[NOT_ATTESTED]

    def pass_fail_only(self):
        return self.credit or (self.numeric() == 0 and self.c[PASS] + self.c[FAIL] > 0)

    def pass_rate(self):
        return ratio(100 * (self.c[5] + self.c[4] + self.c[3] + self.c[PASS]), self.n())

    def quality(self, counts_pass):
        if self.n() == 0 or (not counts_pass and self.pass_fail_only()):
            return None
        return ratio(100 * (self.c[5] + self.c[4] + (self.c[PASS] if counts_pass else 0)), self.n())

    def sou(self, full):
        if self.n() == 0 or self.pass_fail_only():
            return None
        pts = 100 * self.c[5] + 64 * self.c[4] + 36 * self.c[3]
        if full:
            pts += 16 * self.c[2] + 7 * self.c[NOT_ATTESTED]
        return ratio(pts, self.n())

    def average(self):
        return ratio(sum(g * self.c[g] for g in (1, 2, 3, 4, 5)), self.numeric())


def pool(tallies):
    """Several subjects' tallies as one line: every result, and those of graded subjects (a
    зачёт-only subject stays out of quality and СОУ)."""
    every, graded = Tally(), Tally()
    for t in tallies:
        every.merge(t)
        if not t.pass_fail_only():
            graded.merge(t)
    return every, graded


def categories(results):
    """One student's results → 'five', 'good', 'three', 'failing', 'other' or None (all осв)."""
    r = [v for v in results if v != EXEMPT]
    if not r:
        return None
    if any(failing(v) for v in r):
        return "failing"
    if all(v in (5, PASS) for v in r):
        return "five"
    threes = sum(1 for v in r if v == 3)
    return "good" if threes == 0 else "three" if threes == 1 else "other"


def show_final(v):
    return FINAL_TEXT.get(v, str(v))
