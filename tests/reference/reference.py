#!/usr/bin/env python3
"""An independent check of ezh's official figures.

Reads the SQLite file, recomputes every figure of progress-statement, group-results,
attendance-month, attendance-statement, forecast, student-totals, teacher-results, quality and
tutor-report from the raw rows (figures.py), compares them with `ezh report … --format json`,
prints each difference and, last, `N compared, M differ`. Exit status 1 when M > 0.

    python3 tests/reference/reference.py --db j.db --ezh target/debug/ezh --date 27.11.2026 \
        [--groups 4] [--keep DIR | --from DIR]

ezh runs with the caller's environment: a session or EZH_TOKEN_FILE of a college-wide reader
(the deputy). --keep saves the JSON it read; --from compares with saved JSON instead of running
ezh, so a change made behind the application afterwards shows as differences.
"""

import argparse
import json
import os
import subprocess
import sys
from collections import defaultdict
from datetime import date, timedelta

from figures import Journal, Tally, categories, failing, pool, ratio, ru, show_final, NOT_ATTESTED


class Check:
    def __init__(self, args):
        self.args = args
        self.compared = 0
        self.differ = []
        self.per_report = defaultdict(int)

    def report(self, name, *flags):
        key = "-".join([name] + [f.strip("-") for f in flags]).replace("/", "_")
        path = os.path.join(self.args.keep or self.args.from_dir or "", key + ".json")
        if self.args.from_dir:
            with open(path, encoding="utf-8") as f:
                return json.load(f)
        cmd = [self.args.ezh, "report", name, *flags, "--format", "json", "--db", self.args.db]
        out = subprocess.run(cmd, capture_output=True, text=True)
        if out.returncode != 0:
            raise SystemExit(f"{' '.join(cmd)}: {out.stderr.strip()}")
        if self.args.keep:
            with open(path, "w", encoding="utf-8") as f:
                f.write(out.stdout)
        return json.loads(out.stdout)

    def same(self, where, expected, got):
        self.compared += 1
        self.per_report[where.split(" ")[0]] += 1
        if expected != got:
            self.differ.append(f"{where}: ожидалось «{expected}», в отчёте «{got}»")


def table(r, key_cols):
    """{row key: {header: text}} of a report; the key is the text of `key_cols`."""
    heads = [f"{g['title']}: {c}" if g["title"] else c for g in r["column_groups"] for c in g["columns"]]
    rows = {}
    for row in r["rows"]:
        cells = [c["text"] for c in row["cells"]]
        rows[tuple(cells[i] for i in key_cols)] = dict(zip(heads, cells))
    return rows, heads


def cell(ch, where, rows, key, col, expected):
    row = rows.get(key)
    ch.same(f"{where} {'/'.join(key)} «{col}»", expected, None if row is None else row.get(col))


def text_or_blank(x):
    return "" if x is None else ru(x)


def marks_text(a):
    parts = [f"{a[k]}{letter}" for k, letter in (("ill", "б"), ("excused", "у"), ("absent", "н")) if a[k]]
    if a["late"]:
        parts.append("оп")
    return " ".join(parts)


def percent(a):
    missed = a["ill"] + a["excused"] + a["absent"]
    return ratio(100 * (a["scheduled"] - min(missed, a["scheduled"])), a["scheduled"])


def add_att(total, a):
    for k in total:
        total[k] += a[k]


def subject_tally(j, g, subj, term, members, start, upto, finals_only=False):
    t = Tally(credit=j.form(g, subj, term) == "credit")
    for s in members:
        if finals_only:
            v = j.term_result(s, g, subj, term)
            o = None if v is None else (v, False)
        else:
            o = j.outcome(s, g, subj, term, start, upto)
        if o:
            t.add(o[0])
    return t


def figures_of(t, j):
    return [ru(t.pass_rate()), ru(t.quality(j.quality_counts_pass)), ru(t.sou(j.sou_full)), ru(t.average())]


def progress(ch, j, g, term, today):
    r = ch.report("progress-statement", "--group", j.groups[g], "--term", str(term["number"]), "--date", today.strftime("%d.%m.%Y"))
    rows, _ = table(r, [1])
    start, upto = term["start"], max(term["start"], min(term["end"], today))
    members = [s for s in j.members(g, term["start"], term["end"]) if j.member_on(g, s, upto)]
    where = f"progress-statement {j.groups[g]}"
    ch.same(f"{where}: строк", len(members) + 6, len(r["rows"]))
    for subj in j.group_subjects(g, term["id"]):
        col = f"Дисциплины: {j.subjects[subj]}"
        for s in members:
            v = j.term_result(s, g, subj, term["id"])
            if v is not None:
                want = show_final(v)
            else:
                ls = j.lessons_of(g, s, start, upto, term["id"], subj)
                nums = [v for l in ls for v, _ in j.grades.get((l["id"], s), []) if 1 <= v <= 5]
                want = ru(ratio(sum(nums), len(nums))) if nums else ""
            cell(ch, where, rows, (j.names[s],), col, want)
        t = subject_tally(j, g, subj, term["id"], members, start, upto)
        p, q, sou, avg = figures_of(t, j)
        for label, want in (("N", str(t.n())), ("% успеваемости", p), ("% качества", q), ("СОУ, %", sou),
                            ("Средний балл", avg), ("Отметок в среднем", str(t.numeric()))):
            cell(ch, where, rows, (label,), col, want)


def group_results(ch, j, term, today):
    r = ch.report("group-results", "--term", str(term["number"]), "--date", today.strftime("%d.%m.%Y"))
    rows, _ = table(r, [0])
    start, upto = term["start"], max(term["start"], min(term["end"], today))
    for g in j.groups:
        if g not in ch.sample:
            continue
        members = [s for s in j.members(g, term["start"], term["end"]) if j.member_on(g, s, upto)]
        subjects = j.group_subjects(g, term["id"])
        cats = defaultdict(int)
        tallies = {subj: Tally(credit=j.form(g, subj, term["id"]) == "credit") for subj in subjects}
        for s in members:
            res = []
            for subj in subjects:
                o = j.outcome(s, g, subj, term["id"], start, upto)
                if o:
                    tallies[subj].add(o[0])
                    res.append(o[0])
            c = categories(res)
            if c:
                cats[c] += 1
                cats["counted"] += 1
        counted, bad = cats["counted"], cats["failing"]
        every, graded = pool(tallies.values())
        sou = graded.sou(j.sou_full) if graded.n() else None
        want = {
            "Обучающихся: всего": str(counted),
            "Обучающихся: только «5»": str(cats["five"]),
            "Обучающихся: на «4» и «5»": str(cats["good"]),
            "Обучающихся: с одной «3»": str(cats["three"]),
            "Обучающихся: с «2» / н/а": str(bad),
            "По обучающимся: % успеваемости": ru(ratio(100 * (counted - bad), counted)),
            "По обучающимся: % качества": ru(ratio(100 * (cats["five"] + cats["good"]), counted)),
            "По результатам: результатов": str(every.n()),
            "По результатам: СОУ, %": ru(sou),
            "По результатам: Средний балл": ru(every.average()),
            "По результатам: отметок в среднем": str(every.numeric()),
        }
        for col, w in want.items():
            cell(ch, "group-results", rows, (j.groups[g],), col, w)


ATT_TOTALS = ["Пропущено часов: по болезни (б)", "Пропущено часов: по уважит. причине (у)",
              "Пропущено часов: без уважит. причины (н)", "Пропущено часов: всего",
              "Дней пропущено целиком", "Опозданий", "Посещаемость, %"]


def att_cells(a, days):
    return [str(a["ill"]), str(a["excused"]), str(a["absent"]), str(a["ill"] + a["excused"] + a["absent"]),
            str(days), str(a["late"]), ru(percent(a))]


def attendance(ch, j, g, where, r, start, end, term, bucket_cols, bucket_of):
    rows, _ = table(r, [1])
    total = dict(scheduled=0, ill=0, excused=0, absent=0, late=0)
    per = defaultdict(int)
    total_days = 0
    for s in j.members(g, start, end):
        ls = j.lessons_of(g, s, start, end, term)
        for col, key in bucket_cols:
            a = j.attendance(s, [l for l in ls if bucket_of(l) == key])
            per[col] += a["ill"] + a["excused"] + a["absent"]
            cell(ch, where, rows, (j.names[s],), col, marks_text(a))
        a = j.attendance(s, ls)
        add_att(total, a)
        days = j.whole_days(s, ls)
        total_days += days
        for col, w in zip(ATT_TOTALS, att_cells(a, days)):
            cell(ch, where, rows, (j.names[s],), col, w)
    for col, _ in bucket_cols:
        cell(ch, where, rows, ("Итого по группе",), col, str(per[col]))
    for col, w in zip(ATT_TOTALS, att_cells(total, total_days)):
        cell(ch, where, rows, ("Итого по группе",), col, w)


def attendance_month(ch, j, g, year, month):
    r = ch.report("attendance-month", "--group", j.groups[g], "--month", f"{year}-{month:02d}")
    start = date(year, month, 1)
    end = (date(year + month // 12, month % 12 + 1, 1)) - timedelta(days=1)
    days = sorted({l["date"] for l in j.by_group[g] if start <= l["date"] <= end})
    cols = [(f"Дни месяца: {d.day}", d) for d in days]
    attendance(ch, j, g, f"attendance-month {j.groups[g]} {year}-{month:02d}", r, start, end, None, cols,
               lambda l: l["date"])


def attendance_statement(ch, j, g, term):
    r = ch.report("attendance-statement", "--group", j.groups[g], "--term", str(term["number"]),
                  "--date", term["start"].strftime("%d.%m.%Y"))
    months = []
    d = term["start"]
    while d <= term["end"]:
        if (d.year, d.month) not in months:
            months.append((d.year, d.month))
        d += timedelta(days=1)
    heads = [c for grp in r["column_groups"] if grp["title"] == "Пропуски по месяцам" for c in grp["columns"]]
    cols = [(f"Пропуски по месяцам: {h}", m) for h, m in zip(heads, months)]
    ch.same(f"attendance-statement {j.groups[g]}: месяцев", len(months), len(heads))
    attendance(ch, j, g, f"attendance-statement {j.groups[g]}", r, term["start"], term["end"], term["id"],
               cols, lambda l: (l["date"].year, l["date"].month))


def forecast(ch, j, g, term, today):
    r = ch.report("forecast", "--group", j.groups[g], "--term", str(term["number"]), "--date", today.strftime("%d.%m.%Y"))
    rows, _ = table(r, [1, 2])
    start, upto = term["start"], max(term["start"], min(term["end"], today))
    where = f"forecast {j.groups[g]}"
    at_risk = total = 0
    for s in [s for s in j.members(g, term["start"], term["end"]) if j.member_on(g, s, upto)]:
        for subj in j.group_subjects(g, term["id"]):
            grades, expected, recorded, a = j.evidence(g, s, subj, term["id"], start, upto)
            avg, grade = j.forecast(grades)
            risks = []
            if grade is not None and grade <= 2:
                risks.append(f"прогноз «{grade}»")
            if recorded < expected:
                risks.append("нет отметок за")
            if a["absent"] * 100 > j.threshold * a["scheduled"]:
                risks.append("без уважительной причины")
            key = (j.names[s], j.subjects[subj])
            total += 1
            at_risk += bool(risks)
            cell(ch, where, rows, key, "Отметок", str(len(grades)))
            cell(ch, where, rows, key, "Средневзвешенный балл", text_or_blank(avg))
            cell(ch, where, rows, key, "Прогноз", "—" if grade is None else str(grade))
            cell(ch, where, rows, key, "Полнота, %", text_or_blank(ratio(100 * recorded, expected)))
            got = (rows.get(key) or {}).get("Риск", "")
            got_risks = [x for x in risks if x in got]
            ch.same(f"{where} {'/'.join(key)} «Риск»", risks if risks else "", got_risks if got else "")
    ch.risk[0] += at_risk
    ch.risk[1] += total


def student_totals(ch, j, g, today):
    term = ch.term_on(today)
    ystart, yend = j.years[term["year"]]
    r = ch.report("student-totals", "--group", j.groups[g], "--date", today.strftime("%d.%m.%Y"))
    rows, _ = table(r, [1])
    where = f"student-totals {j.groups[g]}"
    terms = {t["id"]: t for t in j.terms.values() if t["year"] == term["year"]}
    subjects = sorted({j.subjects[subj] for (s, gg, subj, t, k) in j.finals if gg == g and t in terms})
    by_name = {v: k for k, v in j.subjects.items()}
    on = max(ystart, min(yend, today))
    for s in [s for s in j.members(g, ystart, yend) if j.member_on(g, s, on)]:
        shown = []
        for name in subjects:
            subj = by_name[name]
            v = next((j.finals[(s, g, subj, t, "year")] for t in terms if (s, g, subj, t, "year") in j.finals), None)
            if v is None:
                for t in sorted(terms, key=lambda t: terms[t]["number"], reverse=True):
                    v = j.term_result(s, g, subj, t)
                    if v is not None:
                        break
            if v is not None:
                shown.append(v)
            cell(ch, where, rows, (j.names[s],), f"Итоговые оценки: {name}", "" if v is None else show_final(v))
        a = dict(scheduled=0, ill=0, excused=0, absent=0, late=0)
        # Every group of the year: lessons_of keeps only the days the student belonged.
        for gg in {gg for (gg, ss) in j.spans if ss == s}:
            add_att(a, j.attendance(s, j.lessons_of(gg, s, ystart, yend)))
        nums = [v for v in shown if 1 <= v <= 5]
        cell(ch, where, rows, (j.names[s],), "Задолженности", str(sum(1 for v in shown if failing(v))))
        cell(ch, where, rows, (j.names[s],), "Пропущено часов", str(a["ill"] + a["excused"] + a["absent"]))
        cell(ch, where, rows, (j.names[s],), "из них без уважит. причины", str(a["absent"]))
        cell(ch, where, rows, (j.names[s],), "Средний балл", ru(ratio(sum(nums), len(nums))))
        cell(ch, where, rows, (j.names[s],), "Оценок в среднем", str(len(nums)))


def teacher_results(ch, j, term, today):
    r = ch.report("teacher-results", "--term", str(term["number"]), "--date", today.strftime("%d.%m.%Y"))
    rows, _ = table(r, [0, 1])
    start, upto = term["start"], max(term["start"], min(term["end"], today))
    seen = defaultdict(int)
    lines = [a for a in j.assignments.values() if a["term"] == term["id"] and a["subgroup"] is None
             and (a["group"], a["subject"], a["term"]) in j.curriculum]
    for a in lines:
        seen[(a["group"], a["subject"])] += 1
    for a in lines:
        g, subj = a["group"], a["subject"]
        if g not in ch.sample or seen[(g, subj)] > 1:
            continue
        members = [s for s in j.members(g, term["start"], term["end"]) if j.member_on(g, s, upto)]
        t = subject_tally(j, g, subj, term["id"], members, start, upto, finals_only=True)
        given = sum(l["hours"] for l in j.by_group[g] if l["subject"] == subj and l["term"] == term["id"]
                    and l["held_by"] == a["teacher"] and start <= l["date"] <= upto)
        p, q, sou, avg = figures_of(t, j)
        key = (j.all_groups[g], j.subjects[subj])
        want = {"N": str(t.n()), "Итоговые оценки: «5»": str(t.c[5]), "Итоговые оценки: «4»": str(t.c[4]),
                "Итоговые оценки: «3»": str(t.c[3]), "Итоговые оценки: «2»": str(t.c[2] + t.c[1]),
                "Итоговые оценки: н/а": str(t.c[NOT_ATTESTED]), "% успеваемости": p, "% качества": q,
                "СОУ, %": sou, "Средний балл": avg, "Часы: по плану": str(j.curriculum[(g, subj, term["id"])][1]),
                "Часы: проведено": str(given)}
        for col, w in want.items():
            cell(ch, "teacher-results", rows, key, col, w)


def quality(ch, j, term, today):
    r = ch.report("quality", "--term", str(term["number"]), "--date", today.strftime("%d.%m.%Y"))
    rows, _ = table(r, [0, 1])
    start, upto = term["start"], max(term["start"], min(term["end"], today))
    groups = sorted({a["group"] for a in j.assignments.values() if a["term"] == term["id"] and a["group"] in j.groups},
                    key=lambda g: j.groups[g])
    lines = []
    for g in groups:
        members = [s for s in j.members(g, term["start"], term["end"]) if j.member_on(g, s, upto)]
        for subj in j.group_subjects(g, term["id"]):
            t = subject_tally(j, g, subj, term["id"], members, start, upto)
            if t.n() == 0:
                continue
            lines.append(t)
            if g not in ch.sample:
                continue
            key = (j.groups[g], j.subjects[subj])
            for col, w in zip(["N", "% успеваемости: период", "% качества: период", "СОУ, %: период",
                               "Средний балл: период"], [str(t.n())] + figures_of(t, j)):
                cell(ch, "quality", rows, key, col, w)
    pooled, graded = pool(lines)
    qp = j.quality_counts_pass
    q = pooled.quality(qp) if qp else (graded.quality(qp) if graded.n() else None)
    sou = graded.sou(j.sou_full) if graded.n() else None
    for col, w in zip(["N", "% успеваемости: период", "% качества: период", "СОУ, %: период", "Средний балл: период"],
                      [str(pooled.n()), ru(pooled.pass_rate()), ru(q), ru(sou), ru(pooled.average())]):
        cell(ch, "quality", rows, ("Итого", ""), col, w)


def tutor_report(ch, j, g, term, today):
    r = ch.report("tutor-report", "--group", j.groups[g], "--term", str(term["number"]), "--date", today.strftime("%d.%m.%Y"))
    rows, _ = table(r, [1])
    start, upto = term["start"], max(term["start"], min(term["end"], today))
    where = f"tutor-report {j.groups[g]}"
    subjects = j.group_subjects(g, term["id"])
    tallies = {subj: Tally(credit=j.form(g, subj, term["id"]) == "credit") for subj in subjects}
    cats = defaultdict(int)
    for s in [s for s in j.members(g, term["start"], term["end"]) if j.member_on(g, s, upto)]:
        own, debts = Tally(), []
        for subj in subjects:
            o = j.outcome(s, g, subj, term["id"], start, upto)
            if o:
                own.add(o[0])
                tallies[subj].add(o[0])
                if failing(o[0]):
                    debts.append(f"{j.subjects[subj]} ({show_final(o[0])})")
        c = categories(list(v for v, n in own.c.items() for _ in range(n)))
        if c:
            cats[c] += 1
            cats["counted"] += 1
        a = j.attendance(s, j.lessons_of(g, s, start, upto, term["id"]))
        k = (j.names[s],)
        for col, w in (("Итоговые оценки: «5»", str(own.c[5])), ("Итоговые оценки: «4»", str(own.c[4])),
                       ("Итоговые оценки: «3»", str(own.c[3])), ("Итоговые оценки: Средний балл", ru(own.average())),
                       ("Задолженности", ", ".join(debts)), ("Пропуски: всего, ч", str(a["ill"] + a["excused"] + a["absent"])),
                       ("Пропуски: без уважит., ч", str(a["absent"])), ("Пропуски: посещаемость, %", ru(percent(a)))):
            cell(ch, where, rows, k, col, w)
    counted, bad = cats["counted"], cats["failing"]
    every, graded = pool(tallies.values())
    want = (f"Итоги группы: учтено обучающихся {counted}, из них отличников {cats['five']}, хорошистов "
            f"{cats['good']}, с одной «3» {cats['three']}, неуспевающих {bad}; % успеваемости "
            f"{ru(ratio(100 * (counted - bad), counted))}, % качества "
            f"{ru(ratio(100 * (cats['five'] + cats['good']), counted))}; по {every.n()} результатам СОУ "
            f"{ru(graded.sou(j.sou_full) if graded.n() else None)} %, средний балл {ru(every.average())}.")
    ch.same(f"{where}: итоги группы", want, r["notes"][0] if r["notes"] else None)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("--db", required=True)
    ap.add_argument("--ezh", default="ezh")
    ap.add_argument("--date", required=True, help="ДД.ММ.ГГГГ")
    ap.add_argument("--groups", type=int, default=0, help="a sample: the first N groups by name (0: all)")
    ap.add_argument("--keep")
    ap.add_argument("--from", dest="from_dir")
    args = ap.parse_args()
    d, m, y = (int(x) for x in args.date.split("."))
    today = date(y, m, d)
    j = Journal(args.db)
    ch = Check(args)
    ch.risk = [0, 0]
    names = sorted(j.groups, key=lambda g: j.groups[g])
    ch.sample = set(names[: args.groups] if args.groups else names)
    ch.term_on = lambda day: next(t for t in sorted(j.terms.values(), key=lambda t: t["start"])
                                  if t["start"] <= day <= t["end"] or t is max(j.terms.values(), key=lambda t: t["start"]))
    current = ch.term_on(today)
    # The terms of the year up to today: an ended term has its finals, the current one forecasts.
    terms = [t for t in sorted(j.terms.values(), key=lambda t: t["start"])
             if t["year"] == current["year"] and t["start"] <= today]
    for term in terms:
        group_results(ch, j, term, today)
        teacher_results(ch, j, term, today)
        quality(ch, j, term, today)
    for g in sorted(ch.sample, key=lambda g: j.groups[g]):
        for term in terms:
            progress(ch, j, g, term, today)
            tutor_report(ch, j, g, term, today)
            attendance_statement(ch, j, g, term)
        forecast(ch, j, g, current, today)
        student_totals(ch, j, g, today)
        month = (current["start"].year, current["start"].month)
        while date(*month, 1) <= today:
            attendance_month(ch, j, g, *month)
            month = (month[0] + month[1] // 12, month[1] % 12 + 1)
    for line in ch.differ:
        print(line)
    print("сравнено по отчётам: " + ", ".join(f"{k} {v}" for k, v in sorted(ch.per_report.items())))
    if ch.risk[1]:
        print(f"под угрозой: {ch.risk[0]} из {ch.risk[1]} (обучающийся × дисциплина), "
              f"{ru(ratio(100 * ch.risk[0], ch.risk[1]))} %")
    print(f"{ch.compared} compared, {len(ch.differ)} differ")
    sys.exit(1 if ch.differ else 0)


if __name__ == "__main__":
    main()
