//! The key list shown by `?`: every key of the grid and the other screens, in Russian, in both
//! keyboard layouts.

use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use ratatui::Frame;

use super::theme::Theme;

/// The lines of the help: key, what it does.
pub const KEYS: &[(&str, &str)] = &[
    (
        "стрелки, h j k l",
        "перемещение по журналу (р о л д в русской раскладке, кроме о)",
    ),
    (
        "1 2 3 4 5, + −",
        "отметка в ячейку (+ зачёт, − незачёт); курсор идёт к следующему",
    ),
    (
        "н у б о(п)",
        "пропуск: н — без причины, у — уважительная, б — болезнь, оп — опоздание",
    ),
    ("n b Shift+U Shift+L", "то же в латинской раскладке"),
    ("Delete, Backspace", "очистить ячейку"),
    ("Enter", "несколько отметок в ячейке и вид работы каждой"),
    ("=", "одна отметка всем, у кого её нет (контрольная)"),
    (
        "t  d  Shift+K",
        "тема, домашнее задание, вид занятия (е в К)",
    ),
    ("a", "добавить занятие (ф)"),
    ("f, Tab", "итоговые отметки (а)"),
    ("/", "найти обучающегося (. в русской раскладке)"),
    ("u, Ctrl+Z", "отменить последнее изменение (г)"),
    ("Tab", "дневник и сводка группы: следующая вкладка"),
    ("c", "дневник родителя: другой ребёнок (с)"),
    (
        "Пробел",
        "дневник, вкладка «Уведомления»: включить или выключить письма",
    ),
    ("Ctrl+L", "заблокировать экран сейчас"),
    ("F10", "завершить сеанс"),
    ("q, Esc", "назад; на главном экране — выход (й)"),
];

/// Draws the help over the screen.
pub fn draw(f: &mut Frame, area: Rect, theme: Theme) {
    f.render_widget(Clear, area);
    let mut lines = vec![
        Line::styled("Клавиши журнала", theme.title()),
        Line::raw(""),
    ];
    for (k, what) in KEYS {
        lines.push(Line::raw(format!("{k:>20}  {what}")));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("Любая клавиша — закрыть", theme.dim()));
    f.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(Block::default().borders(Borders::ALL).title(" Справка ")),
        area,
    );
}
