//! The kinds of notice (docs/notify.md): what event each tells of, its code in the settings and
//! preferences, and whether a family may turn it off (the staff's letters are the deputy's
//! control of the journal, 10.1, and are turned off only by the college).

/// One kind of notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NoticeKind {
    /// An absence without a valid reason («н»), the same day (2.6, 6.4).
    Absence,
    /// A failing current grade (2, 1 or незачёт), within a day (13.2).
    Failing,
    /// A final grade or «н/а» of a term, within a day (13.2).
    Final,
    /// A forecast that fell to «под угрозой» (13.2).
    Risk,
    /// The weekly digest of a student (13.1).
    Digest,
    /// The weekly letters to staff: remarks to late teachers (6.1, 6.3, 6.9), the summary to the
    /// deputy (9.5, 10.1), the group's week to its tutor (5.1, 5.2).
    Remarks,
}

/// The codes of every kind, in the order the settings list them.
pub const KIND_CODES: &[&str] = &["absence", "failing", "final", "risk", "digest", "remarks"];

impl NoticeKind {
    /// Every kind.
    pub const ALL: [NoticeKind; 6] = [
        NoticeKind::Absence,
        NoticeKind::Failing,
        NoticeKind::Final,
        NoticeKind::Risk,
        NoticeKind::Digest,
        NoticeKind::Remarks,
    ];

    /// The code in settings, preferences and the outbox.
    pub fn code(self) -> &'static str {
        match self {
            NoticeKind::Absence => "absence",
            NoticeKind::Failing => "failing",
            NoticeKind::Final => "final",
            NoticeKind::Risk => "risk",
            NoticeKind::Digest => "digest",
            NoticeKind::Remarks => "remarks",
        }
    }

    /// The Russian name, as `notify prefs` and the diary screen show it.
    pub fn name_ru(self) -> &'static str {
        match self {
            NoticeKind::Absence => "пропуск занятия без уважительной причины",
            NoticeKind::Failing => "неудовлетворительная отметка",
            NoticeKind::Final => "итоговая оценка",
            NoticeKind::Risk => "прогноз «под угрозой»",
            NoticeKind::Digest => "недельная сводка",
            NoticeKind::Remarks => "письма сотрудникам о ведении журнала",
        }
    }

    /// Reads a code or the first Russian word of the name («пропуск», «сводка» …).
    pub fn parse(text: &str) -> Option<NoticeKind> {
        let t = text.trim().to_lowercase();
        NoticeKind::ALL.into_iter().find(|k| {
            k.code() == t
                || k.name_ru() == t
                || match k {
                    NoticeKind::Absence => t == "пропуск" || t == "пропуски",
                    NoticeKind::Failing => t == "двойка" || t == "двойки" || t == "отметка",
                    NoticeKind::Final => t == "итог" || t == "итоговая",
                    NoticeKind::Risk => t == "прогноз" || t == "угроза",
                    NoticeKind::Digest => t == "сводка",
                    NoticeKind::Remarks => t == "замечания",
                }
        })
    }

    /// Whether a student or guardian may turn it off for themselves.
    pub fn for_families(self) -> bool {
        self != NoticeKind::Remarks
    }

    /// Whether the college's `notify_kinds` setting has it on.
    pub fn enabled_in(self, setting: &str) -> bool {
        setting.split(',').any(|c| c.trim() == self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_names_and_settings_agree() {
        assert_eq!(
            NoticeKind::ALL.map(NoticeKind::code).as_slice(),
            KIND_CODES,
            "the settings list the same codes"
        );
        for k in NoticeKind::ALL {
            assert_eq!(NoticeKind::parse(k.code()), Some(k));
            assert_eq!(NoticeKind::parse(k.name_ru()), Some(k));
        }
        assert_eq!(NoticeKind::parse("Сводка"), Some(NoticeKind::Digest));
        assert_eq!(NoticeKind::parse("почта"), None);
        assert!(NoticeKind::Risk.enabled_in("absence,risk"));
        assert!(!NoticeKind::Digest.enabled_in("absence,risk"));
        assert!(!NoticeKind::Absence.enabled_in(""));
    }
}
