//! Operating-system errors in Russian. `std::io::Error` prints the C library's English text
//! («No such file or directory (os error 2)»); a college's staff read Russian, so every place that
//! shows an I/O error to a user goes through [`describe`], and the command line translates any
//! I/O error found in an error chain.

use std::io::{Error, ErrorKind};

/// A Russian description of `e`, with the OS error code when there is one (for the admin).
pub fn describe(e: &Error) -> String {
    let text = match e.kind() {
        ErrorKind::NotFound => "нет такого файла или папки",
        ErrorKind::PermissionDenied => "нет прав доступа",
        ErrorKind::AlreadyExists => "уже существует",
        ErrorKind::IsADirectory => "это папка, а не файл",
        ErrorKind::NotADirectory => "часть пути — не папка",
        ErrorKind::DirectoryNotEmpty => "папка не пуста",
        ErrorKind::ReadOnlyFilesystem => "файловая система только для чтения",
        ErrorKind::StorageFull => "нет места на диске",
        ErrorKind::QuotaExceeded => "превышена дисковая квота",
        ErrorKind::FileTooLarge => "файл слишком велик",
        ErrorKind::InvalidFilename => "недопустимое имя файла",
        ErrorKind::InvalidData => "данные повреждены или в неверном формате",
        ErrorKind::UnexpectedEof => "файл неожиданно закончился",
        ErrorKind::BrokenPipe => "получатель вывода закрыл канал",
        ErrorKind::ConnectionRefused => "соединение отклонено",
        ErrorKind::ConnectionReset => "соединение разорвано",
        ErrorKind::TimedOut => "истекло время ожидания",
        ErrorKind::Interrupted => "операция прервана",
        ErrorKind::WouldBlock | ErrorKind::ResourceBusy => "ресурс занят",
        ErrorKind::OutOfMemory => "не хватает памяти",
        ErrorKind::Unsupported => "операция не поддерживается",
        ErrorKind::CrossesDevices => "перемещение между разными дисками невозможно",
        _ => "ошибка ввода-вывода",
    };
    match e.raw_os_error() {
        Some(code) => format!("{text} (код ОС {code})"),
        None => text.to_string(),
    }
}

/// The chain of `e` as one Russian line: contexts joined by «: », each I/O cause translated.
pub fn chain(e: &anyhow::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in e.chain() {
        let part = match cause.downcast_ref::<Error>() {
            Some(io) => describe(io),
            None => cause.to_string(),
        };
        // A context that already quotes its cause (format!("…: {e}")) would repeat it.
        if !parts.last().is_some_and(|p| p.ends_with(&part)) {
            parts.push(part);
        }
    }
    parts.join(": ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_file_reads_in_russian_with_the_code() {
        let e = Error::from_raw_os_error(2);
        assert_eq!(describe(&e), "нет такого файла или папки (код ОС 2)");
    }

    #[test]
    fn a_chain_translates_its_io_cause() {
        let io = Error::from_raw_os_error(13);
        let e = anyhow::Error::new(io).context("не удалось записать /x.pdf");
        assert_eq!(
            chain(&e),
            "не удалось записать /x.pdf: нет прав доступа (код ОС 13)"
        );
    }

    #[test]
    fn an_error_without_os_code_has_no_code() {
        let e = Error::new(ErrorKind::InvalidData, "x");
        assert_eq!(describe(&e), "данные повреждены или в неверном формате");
    }
}
