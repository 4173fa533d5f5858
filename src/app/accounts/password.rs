//! Password hashing and the password rules of `security.md`: argon2id with at least OWASP's
//! parameters (m = 19 MiB, t = 2, p = 1), a random salt, PHC strings; staff passwords of at
//! least 12 characters, families' of at least 8, at most 64, the most common ones refused.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

use crate::app::AppError;

/// Memory cost in KiB (OWASP minimum for argon2id).
pub const M_COST_KIB: u32 = 19_456;
/// Iterations.
pub const T_COST: u32 = 2;
/// Parallelism.
pub const P_COST: u32 = 1;

fn hasher() -> Result<Argon2<'static>, AppError> {
    let params = Params::new(M_COST_KIB, T_COST, P_COST, None)
        .map_err(|e| AppError::Invalid(format!("параметры argon2: {e}")))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// Hashes a password into a PHC string with a fresh random salt.
pub fn hash(password: &str) -> Result<String, AppError> {
    let salt = SaltString::generate(&mut OsRng);
    hasher()?
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AppError::Invalid(format!("не удалось вычислить хеш пароля: {e}")))
}

/// Whether `password` matches the PHC string `phc`. A malformed hash never matches.
pub fn verify(password: &str, phc: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(phc) else {
        return false;
    };
    match hasher() {
        Ok(h) => h.verify_password(password.as_bytes(), &parsed).is_ok(),
        Err(_) => false,
    }
}

/// Whose password it is: the length rules differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holder {
    Staff,
    Family,
}

/// Checks a new password against the rules; the error says which rule failed, never the
/// password itself.
pub fn check_policy(password: &str, holder: Holder) -> Result<(), AppError> {
    let len = password.chars().count();
    let min = match holder {
        Holder::Staff => 12,
        Holder::Family => 8,
    };
    if len < min {
        return Err(AppError::Invalid(format!(
            "пароль слишком короткий: нужно не меньше {min} символов"
        )));
    }
    if len > 64 {
        return Err(AppError::Invalid(
            "пароль слишком длинный: не больше 64 символов".into(),
        ));
    }
    let lower = password.to_lowercase();
    if COMMON.iter().any(|c| *c == lower)
        || password
            .chars()
            .all(|c| c == password.chars().next().unwrap_or(c))
    {
        return Err(AppError::Invalid(
            "этот пароль слишком распространён: придумайте другой".into(),
        ));
    }
    Ok(())
}

/// The most common passwords of at least eight characters (international and Russian lists).
const COMMON: &[&str] = &[
    "12345678",
    "123456789",
    "1234567890",
    "12345678910",
    "123456789012",
    "password",
    "password1",
    "password123",
    "qwertyuiop",
    "qwerty123",
    "qwerty1234",
    "1q2w3e4r",
    "1q2w3e4r5t",
    "1q2w3e4r5t6y",
    "zaq12wsx",
    "qazwsxedc",
    "11111111",
    "111111111111",
    "00000000",
    "88888888",
    "87654321",
    "abcd1234",
    "iloveyou",
    "sunshine",
    "princess",
    "football",
    "baseball",
    "superman",
    "michael1",
    "jennifer",
    "computer",
    "internet",
    "welcome1",
    "trustno1",
    "starwars",
    "whatever",
    "dragon123",
    "monkey123",
    "letmein1",
    "admin123",
    "administrator",
    "passw0rd",
    "p@ssw0rd",
    "qwertyui",
    "asdfghjk",
    "asdfghjkl",
    "zxcvbnm1",
    "йцукенгш",
    "йцукенгшщз",
    "пароль123",
    "пароль1234",
    "qweasdzxc",
    "1qaz2wsx",
    "q1w2e3r4",
    "q1w2e3r4t5",
    "marina123",
    "natasha1",
    "11223344",
    "12341234",
    "123123123",
    "123qweasd",
    "123456qwerty",
    "qwerty123456",
    "password12",
    "parol123",
    "parol1234",
    "123456789qwe",
    "adminadmin",
    "rootroot",
    "zxcvbnm123",
    "ezhjournal",
    "elektronnyizhurnal",
];

/// The argon2id hashes of many secrets (a group's access codes), computed on two threads:
/// 75 codes take about a second instead of two.
pub fn hash_all(codes: &[String]) -> Result<Vec<String>, AppError> {
    let half = codes.len().div_ceil(2);
    let (a, b) = codes.split_at(half);
    let hash = |part: &[String]| -> Result<Vec<String>, AppError> {
        part.iter().map(|c| hash(c)).collect()
    };
    std::thread::scope(|s| {
        let other = s.spawn(|| hash(b));
        let mut first = hash(a)?;
        let second = other
            .join()
            .map_err(|_| AppError::Invalid("не удалось вычислить хеши кодов".into()))??;
        first.extend(second);
        Ok(first)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_and_verifies() -> Result<(), AppError> {
        let h = hash("верный-пароль-123")?;
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(verify("верный-пароль-123", &h));
        assert!(!verify("неверный-пароль", &h));
        assert!(!verify("x", "not a hash"));
        Ok(())
    }

    #[test]
    fn applies_length_and_common_rules() {
        assert!(check_policy("короткий1", Holder::Staff).is_err());
        assert!(check_policy("короткий1", Holder::Family).is_ok());
        assert!(check_policy("qwerty123456", Holder::Staff).is_err());
        assert!(check_policy("aaaaaaaaaaaaaa", Holder::Staff).is_err());
        assert!(check_policy(&"я".repeat(65), Holder::Staff).is_err());
        assert!(check_policy("лес шумит над рекой", Holder::Staff).is_ok());
    }
}
