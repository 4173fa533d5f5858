//! What FET, the free timetabling program, writes: the `…_data_and_timetable.fet` file of
//! `fet-cl` (activities with their placed day, hour and room as locked constraints) and the
//! teachers' XML timetable (`…_teachers.xml`). Either becomes a [`Sheet`] with the columns of
//! FET's own CSV export («Students Sets», «Day», «Hour», «Subject», «Teachers», «Room»), each
//! row keeping the line of the XML it came from, so the rest of the timetable import — and its
//! messages — are the same for the CSV and the XML. A `.fet` hour is given by its position in
//! the hours list unless its name is a time or a number.

use std::collections::HashMap;

use super::columns::{Columns, Spec};
use super::fet_xml::{nodes, Node};
use super::read::{Row, Sheet};
use super::Problem;

/// Whether the bytes are a FET XML file (a `.fet` or an XML timetable).
pub fn is_fet_xml(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(400)]).to_string();
    head.trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with("<?xml")
        && (head.contains("<fet") || head.contains("<Teachers_Timetable"))
}

/// The columns of FET's CSV export, which the rows made from XML carry too.
const HEADER: [&str; 6] = [
    "Students Sets",
    "Day",
    "Hour",
    "Subject",
    "Teachers",
    "Room",
];

/// One row: sets, day, hour, subject, teachers, room, at a line.
type FetRow = (usize, [String; 6]);

/// An hour's cell: its name when it is a time or a number, else its position (from 1).
fn hour_cell(name: &str, index: usize) -> String {
    let t = name.trim();
    let timed = t.len() >= 4 && t.chars().take(5).filter(|c| *c == ':' || *c == '.').count() == 1;
    if timed || t.parse::<i32>().is_ok() {
        t.to_string()
    } else {
        (index + 1).to_string()
    }
}

/// Rows of a `.fet` file with its placed timetable.
fn from_fet(all: &[Node]) -> Vec<FetRow> {
    let hours: Vec<String> = all
        .iter()
        .filter(|n| n.ends_with(&["Hours_List", "Hour", "Name"]))
        .map(|n| n.text.trim().to_string())
        .collect();
    #[derive(Default)]
    struct Act {
        line: usize,
        teachers: Vec<String>,
        sets: Vec<String>,
        subject: String,
        duration: usize,
        active: bool,
    }
    let mut acts: HashMap<String, Act> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    let mut placed: HashMap<String, (String, String)> = HashMap::new();
    let mut rooms: HashMap<String, String> = HashMap::new();
    let mut current: Option<Act> = None;
    let mut id = String::new();
    let (mut c_id, mut c_day) = (String::new(), String::new());
    let finish = |cur: &mut Option<Act>,
                  id: &mut String,
                  acts: &mut HashMap<String, Act>,
                  order: &mut Vec<String>| {
        if let Some(a) = cur.take() {
            order.push(id.clone());
            acts.insert(std::mem::take(id), a);
        }
    };
    for n in all {
        let t = n.text.trim().to_string();
        if n.ends_with(&["Activities_List", "Activity"]) {
            finish(&mut current, &mut id, &mut acts, &mut order);
            current = Some(Act {
                line: n.line,
                duration: 1,
                active: true,
                ..Default::default()
            });
        } else if let Some(a) = current.as_mut().filter(|_| {
            let k = n.path.len();
            k >= 3 && n.path[k - 3] == "Activities_List" && n.path[k - 2] == "Activity"
        }) {
            match n.path.last().map_or("", String::as_str) {
                "Teacher" => a.teachers.push(t.clone()),
                "Students" => a.sets.push(t.clone()),
                "Subject" => a.subject = t.clone(),
                "Duration" => a.duration = t.parse().unwrap_or(1),
                "Active" => a.active = t != "false",
                "Id" => id = t.clone(),
                _ => {}
            }
        }
        let field = n.path.last().map_or("", String::as_str);
        let parent = n
            .path
            .len()
            .checked_sub(2)
            .and_then(|i| n.path.get(i))
            .map_or("", String::as_str);
        match (parent, field) {
            (
                "ConstraintActivityPreferredStartingTime" | "ConstraintActivityPreferredRoom",
                "Activity_Id",
            ) => c_id = t,
            ("ConstraintActivityPreferredStartingTime", "Preferred_Day") => c_day = t,
            ("ConstraintActivityPreferredStartingTime", "Preferred_Hour") => {
                placed.insert(c_id.clone(), (c_day.clone(), t));
            }
            ("ConstraintActivityPreferredRoom", "Room") => {
                rooms.insert(c_id.clone(), t);
            }
            _ => {}
        }
    }
    finish(&mut current, &mut id, &mut acts, &mut order);
    let mut out = Vec::new();
    for id in &order {
        let (Some(a), Some((day, hour))) = (acts.get(id), placed.get(id)) else {
            continue;
        };
        if !a.active {
            continue;
        }
        let start = hours.iter().position(|h| h == hour).unwrap_or(0);
        for k in 0..a.duration.max(1) {
            let name = hours.get(start + k).cloned().unwrap_or_default();
            out.push((
                a.line,
                [
                    a.sets.join("+"),
                    day.clone(),
                    hour_cell(&name, start + k),
                    a.subject.clone(),
                    a.teachers.join("+"),
                    rooms.get(id).cloned().unwrap_or_default(),
                ],
            ));
        }
    }
    out
}

/// Rows of a teachers' XML timetable (`…_teachers.xml`).
fn from_teachers_xml(all: &[Node]) -> Vec<FetRow> {
    let (mut teacher, mut day) = (String::new(), String::new());
    let mut hour = (String::new(), 0usize);
    let mut out: Vec<FetRow> = Vec::new();
    for n in all {
        match n.path.last().map_or("", String::as_str) {
            "Teacher" => teacher = n.attr("name"),
            "Day" => {
                day = n.attr("name");
                hour = (String::new(), usize::MAX);
            }
            "Hour" => hour = (n.attr("name"), hour.1.wrapping_add(1)),
            "Activity" => out.push((
                n.line,
                [
                    String::new(),
                    day.clone(),
                    hour_cell(&hour.0, hour.1),
                    String::new(),
                    teacher.clone(),
                    String::new(),
                ],
            )),
            "Subject" => set(&mut out, 3, n.attr("name")),
            "Students" => {
                let v = n.attr("name");
                if let Some(r) = out.last_mut() {
                    if r.1[0].is_empty() {
                        r.1[0] = v;
                    } else {
                        r.1[0] = format!("{}+{v}", r.1[0]);
                    }
                }
            }
            "Room" => set(&mut out, 5, n.attr("name")),
            _ => {}
        }
    }
    out
}

fn set(out: &mut [FetRow], i: usize, v: String) {
    if let Some(r) = out.last_mut() {
        r.1[i] = v;
    }
}

/// Reads a FET XML file into the sheet of the timetable list.
pub fn read(file: &str, bytes: &[u8], spec: &'static [Spec]) -> Result<Sheet, Vec<Problem>> {
    let (text, _) = super::read::decode(bytes, Some("utf-8"))
        .map_err(|e| vec![Problem::whole(file, e, false)])?;
    let text = text.trim_start_matches('\u{feff}');
    let all = nodes(file, text)?;
    let rows = if all
        .first()
        .is_some_and(|n| n.path.first().is_some_and(|p| p == "fet"))
    {
        from_fet(&all)
    } else {
        from_teachers_xml(&all)
    };
    if rows.is_empty() {
        // FET's input file has activities but no placed timetable: that is made by FET.
        return Err(vec![Problem::whole(
            file,
            "в файле FET нет составленного расписания: сгенерируйте его в FET и импортируйте файл …_data_and_timetable.fet (или …_teachers.xml, или CSV из меню экспорта)".into(),
            false,
        )]);
    }
    let header: Vec<String> = HEADER.iter().map(|h| h.to_string()).collect();
    let (columns, _) = Columns::match_header(spec, &header);
    Ok(Sheet {
        file: file.to_string(),
        encoding: "UTF-8 (FET)",
        delimiter: b';',
        columns,
        rows: rows
            .into_iter()
            .map(|(line, cells)| Row {
                line,
                cells: cells.to_vec(),
            })
            .collect(),
        warnings: Vec::new(),
        letters: false,
    })
}
