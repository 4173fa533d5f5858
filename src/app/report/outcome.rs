//! A student's result in a subject as the statements count it: the term's final grade when it
//! is set, otherwise (an open term, a preliminary report) the forecast of `formulas.md`. Who is
//! counted (N) follows `formulas.md`: members at the end of the period (or on the report date),
//! the exempt left out by [`FinalCounts`], and those with neither a final nor a current grade.

use chrono::NaiveDate;

use super::context::College;
use super::data::{GroupData, Member, Subject};
use crate::domain::{
    definition, forecast, ControlForm, DateSpan, Figure, FigureSettings, FinalCounts,
    FinalGradeValue,
};

/// One counted result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    pub value: FinalGradeValue,
    /// Taken from the forecast: no final grade yet.
    pub forecast: bool,
}

/// The day the group's roll is taken: the end of the period, or the report date before it.
pub fn as_of(d: &GroupData, today: NaiveDate) -> NaiveDate {
    roll_day(d.span, today)
}

/// [`as_of`] for a period `span`: its last day, or `today` when that comes first.
pub fn roll_day(span: DateSpan, today: NaiveDate) -> NaiveDate {
    span.end.min(today).max(span.start)
}

/// The students counted on `day`: members of the group that day.
pub fn counted(d: &GroupData, day: NaiveDate) -> Vec<&Member> {
    d.members.iter().filter(|m| m.member_on(day)).collect()
}

/// The result of `m` in `s`, or `None` when the student has no final and no grade to forecast
/// from (then they are not in N).
pub fn outcome(
    d: &GroupData,
    college: &College,
    m: &Member,
    s: &Subject,
    upto: NaiveDate,
) -> Option<Outcome> {
    settled(d.finals.get(&(m.id, s.id)).copied(), || {
        forecast(&d.evidence(m, s.id, upto), college.forecast).grade
    })
}

/// The final grade where there is one, otherwise the forecast grade `forecast` gives.
pub fn settled(
    final_grade: Option<FinalGradeValue>,
    forecast: impl FnOnce() -> Option<u8>,
) -> Option<Outcome> {
    if let Some(v) = final_grade {
        return Some(Outcome {
            value: v,
            forecast: false,
        });
    }
    forecast().map(|g| Outcome {
        value: FinalGradeValue::Numeric(g),
        forecast: true,
    })
}

/// An empty tally per subject of `d`, in its order, each knowing the subject's form of control.
pub fn subject_tallies(d: &GroupData) -> Vec<FinalCounts> {
    d.subjects
        .iter()
        .map(|s| FinalCounts::of_form(s.control))
        .collect()
}

/// Tallies of the results of `s` over the counted students.
pub fn tally(
    d: &GroupData,
    college: &College,
    members: &[&Member],
    s: &Subject,
    upto: NaiveDate,
) -> (FinalCounts, bool) {
    tally_by(s.control, members, |m| outcome(d, college, m, s, upto))
}

/// Tallies the results `of` the counted students in a subject of control form `form`, and
/// whether any of them is a forecast.
pub fn tally_by(
    form: ControlForm,
    members: &[&Member],
    of: impl Fn(&Member) -> Option<Outcome>,
) -> (FinalCounts, bool) {
    let mut counts = FinalCounts::of_form(form);
    let mut any_forecast = false;
    for m in members {
        if let Some(o) = of(m) {
            counts.add(o.value);
            any_forecast |= o.forecast;
        }
    }
    (counts, any_forecast)
}

/// Which result of a subject is counted (`formulas.md`, «Which final grade counts»).
pub const RESULT_RULE: &str = "Результат по дисциплине — по форме контроля учебного плана: \
    экзамен и дифференцированный зачёт — экзаменационная оценка, а где её нет — итоговая за \
    семестр; зачёт — «зачёт»/«незачёт»; «н/а» и «осв» — при любой форме.";

/// The footer lines: which result counts, the four result figures, N and the rounding note.
pub fn result_definitions(s: FigureSettings) -> Vec<String> {
    let mut out: Vec<String> = vec![RESULT_RULE.to_string()];
    out.extend(
        [
            Figure::N,
            Figure::PassRate,
            Figure::QualityRate,
            Figure::Sou,
            Figure::Average,
        ]
        .iter()
        .map(|f| definition(*f, s).to_string()),
    );
    out.push(crate::domain::formulas::ROUNDING_NOTE.to_string());
    out
}

/// The note printed when some results are forecasts.
pub const FORECAST_NOTE: &str = "Где итоговой оценки ещё нет, в показатели входит прогноз: \
    средневзвешенный балл текущих отметок, округлённый по правилу техникума.";
