//! The XML that FET writes, read into a flat list of elements — each with its path of names,
//! its text, its attributes and the line it starts on — which is all the FET converters need;
//! a line number lets an error of the timetable name the place in the file.

use quick_xml::events::Event;
use quick_xml::Reader;

use super::Problem;

/// An XML element as read: its path of names, text, attributes, and line.
pub(super) struct Node {
    pub(super) path: Vec<String>,
    pub(super) text: String,
    attrs: Vec<(String, String)>,
    pub(super) line: usize,
}

fn node(
    path: &[String],
    e: &quick_xml::events::BytesStart<'_>,
    line: usize,
    decoder: quick_xml::Decoder,
) -> Node {
    let attrs = e
        .attributes()
        .flatten()
        .map(|a| {
            let v = a
                .decode_and_unescape_value(decoder)
                .map(|v| v.into_owned())
                .unwrap_or_default();
            (String::from_utf8_lossy(a.key.as_ref()).into_owned(), v)
        })
        .collect();
    Node {
        path: path.to_vec(),
        text: String::new(),
        attrs,
        line,
    }
}

/// Reads every element (start and text) in order, with its line.
pub(super) fn nodes(file: &str, text: &str) -> Result<Vec<Node>, Vec<Problem>> {
    let mut r = Reader::from_str(text);
    r.config_mut().trim_text(true);
    let line_at = |pos: usize| text.get(..pos).map_or(1, |t| t.matches('\n').count() + 1);
    let mut path: Vec<String> = Vec::new();
    let mut out: Vec<Node> = Vec::new();
    let bad = |line: usize, e: String| {
        vec![Problem {
            line,
            ..Problem::whole(file, format!("XML не читается: {e}"), false)
        }]
    };
    loop {
        let pos = r.buffer_position() as usize;
        match r.read_event() {
            Ok(Event::Start(e)) => {
                path.push(String::from_utf8_lossy(e.name().as_ref()).into_owned());
                out.push(node(&path, &e, line_at(pos), r.decoder()));
            }
            Ok(Event::Empty(e)) => {
                path.push(String::from_utf8_lossy(e.name().as_ref()).into_owned());
                out.push(node(&path, &e, line_at(pos), r.decoder()));
                path.pop();
            }
            Ok(Event::Text(t)) => {
                if let Some(n) = out.last_mut() {
                    n.text
                        .push_str(&t.decode().map_err(|e| bad(line_at(pos), e.to_string()))?);
                }
            }
            Ok(Event::GeneralRef(g)) => {
                let name: &[u8] = &g;
                let ch = match name {
                    b"amp" => Some('&'),
                    b"lt" => Some('<'),
                    b"gt" => Some('>'),
                    b"quot" => Some('"'),
                    b"apos" => Some('\''),
                    _ => g.resolve_char_ref().ok().flatten(),
                };
                if let (Some(n), Some(ch)) = (out.last_mut(), ch) {
                    n.text.push(ch);
                }
            }
            Ok(Event::End(_)) => {
                path.pop();
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => return Err(bad(line_at(pos), e.to_string())),
        }
    }
    Ok(out)
}

impl Node {
    pub(super) fn ends_with(&self, tail: &[&str]) -> bool {
        self.path.len() >= tail.len()
            && self.path[self.path.len() - tail.len()..]
                .iter()
                .zip(tail)
                .all(|(a, b)| a == b)
    }

    pub(super) fn attr(&self, key: &str) -> String {
        self.attrs
            .iter()
            .find(|a| a.0 == key)
            .map(|a| a.1.trim().to_string())
            .unwrap_or_default()
    }
}
