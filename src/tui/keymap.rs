//! Keys as data, for every screen: a table of (scope, keys, label, command, help, footer hint)
//! is all a screen says about its keys; the key handler looks the command up here, and the help
//! (`?`) and the footer are built from the same lines, so the three never disagree. A Latin
//! letter also works on the same physical key in the Russian layout (`keys::read` turns е into
//! t …); the help names both letters, taken from the layout table.

use super::keys::{self, Key};

/// One line of a screen's key table. `S` says where the keys apply (a mode or tab), `C` what
/// they stand for.
pub struct Binding<S: 'static, C: 'static> {
    pub scope: S,
    pub keys: &'static [Key],
    /// The keys as the help names them (the Russian letters are added from the layout).
    pub label: &'static str,
    pub cmd: C,
    /// What the keys do, for the help; empty with an empty label: the same help line as the
    /// binding above; empty with a label: not in the help.
    pub help: &'static str,
    /// A short word for the footer, if the key is shown there.
    pub hint: Option<&'static str>,
}

/// A line of a key table (`const`, so tables are static data).
pub const fn bind<S, C>(
    scope: S,
    keys: &'static [Key],
    label: &'static str,
    cmd: C,
    help: &'static str,
    hint: Option<&'static str>,
) -> Binding<S, C> {
    Binding {
        scope,
        keys,
        label,
        cmd,
        help,
        hint,
    }
}

/// The command `key` stands for in `scope`.
pub fn command<S: PartialEq + Copy, C: Copy>(
    table: &[Binding<S, C>],
    scope: S,
    key: Key,
) -> Option<C> {
    table
        .iter()
        .find(|b| b.scope == scope && b.keys.contains(&key))
        .map(|b| b.cmd)
}

/// The footer of `scope` in `width` columns: the hints in table order; when they do not fit,
/// the later ones give way, except those `keep` names (the help and the way back, which a footer
/// cut mid-word would hide).
pub fn footer<S: PartialEq + Copy, C: Copy>(
    table: &[Binding<S, C>],
    scope: S,
    width: usize,
    keep: impl Fn(C) -> bool,
) -> String {
    let mut shown: Vec<&Binding<S, C>> = table
        .iter()
        .filter(|b| b.scope == scope && b.hint.is_some())
        .collect();
    let text = |v: &[&Binding<S, C>]| {
        v.iter()
            .filter_map(|b| b.hint)
            .collect::<Vec<_>>()
            .join(" · ")
    };
    while text(&shown).chars().count() > width {
        match shown.iter().rposition(|b| !keep(b.cmd)) {
            Some(i) => {
                shown.remove(i);
            }
            None => break,
        }
    }
    text(&shown)
}

/// The help's lines of a table: keys (with their Russian-layout letters), what they do.
pub fn help<S: PartialEq + Copy, C>(table: &[Binding<S, C>]) -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    for (i, b) in table.iter().enumerate() {
        if b.help.is_empty() {
            continue;
        }
        // The lines after it with neither help nor label of their own are the same line of the
        // help (↓ ← → under ↑): their Russian letters are named here too. A line with a label
        // but no help (`?`, `q` of each screen, named once among the keys of every screen)
        // stands for itself.
        let same = table[i + 1..]
            .iter()
            .take_while(|x| x.help.is_empty() && x.label.is_empty() && x.scope == b.scope);
        let all: Vec<&Key> = std::iter::once(b)
            .chain(same)
            .flat_map(|x| x.keys.iter())
            .collect();
        // Keys that list Russian letters themselves (the absence marks) are read as typed.
        let cyrillic = all
            .iter()
            .any(|k| matches!(k, Key::Char(c) if !c.is_ascii()));
        // A Russian letter that is a key of the scope itself («.» of the debt, «о» of lateness)
        // is not a second way to this command.
        let own = |r: char| {
            table
                .iter()
                .any(|x| x.scope == b.scope && x.keys.contains(&Key::Char(r)))
        };
        let ru: Vec<String> = all
            .iter()
            .filter_map(|k| match k {
                Key::Char(c) => keys::russian_of(*c).filter(|r| !own(*r)).map(String::from),
                _ => None,
            })
            .collect();
        let label = if ru.is_empty() || cyrillic {
            b.label.to_string()
        } else {
            format!("{} ({})", b.label, ru.join(" "))
        };
        out.push((label, b.help));
    }
    out
}
