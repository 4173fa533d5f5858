//! Reading passwords without echo (rpassword) or from standard input for scripts, never from a
//! command-line argument, where other users of the machine could see it.

use std::io::BufRead;

/// Asks on the terminal without echo. Without a terminal (cron, a pipe, a service) the answer
/// says how to give the secret instead of «ошибка ввода-вывода (код ОС 6)».
pub fn prompt(text: &str) -> anyhow::Result<String> {
    rpassword::prompt_password(format!("{text}: ")).map_err(|_| {
        anyhow::anyhow!(
            "нет терминала для ввода пароля: передайте его со стандартного ввода, --password-stdin (для ezh activate — --stdin)"
        )
    })
}

/// Asks for a new password twice on the terminal, or reads one line from standard input.
pub fn new_password(from_stdin: bool, prompt: &str) -> anyhow::Result<String> {
    if from_stdin {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        let pw = line.trim_end_matches(['\n', '\r']).to_string();
        if pw.is_empty() {
            anyhow::bail!("пароль не получен со стандартного ввода");
        }
        return Ok(pw);
    }
    let first = self::prompt(prompt)?;
    let second = self::prompt("Повторите пароль")?;
    if first != second {
        anyhow::bail!("пароли не совпадают");
    }
    Ok(first)
}
