//! Reading passwords without echo (rpassword) or from standard input for scripts, never from a
//! command-line argument, where other users of the machine could see it.

use std::io::BufRead;

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
    let first = rpassword::prompt_password(format!("{prompt}: "))?;
    let second = rpassword::prompt_password("Повторите пароль: ")?;
    if first != second {
        anyhow::bail!("пароли не совпадают");
    }
    Ok(first)
}
